package dev.agentry.engine.compile;

import dev.agentry.engine.spec.Diagnostic;
import dev.agentry.engine.spec.Draft;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Collects the diagnostics of one compilation, located through each resource's source map. */
final class Problems {
  private final List<Diagnostic> diagnostics = new ArrayList<>();

  /** Reports a problem with the value at {@code pointer} of {@code resource}. */
  void at(Draft resource, String pointer, String code, String message, @Nullable String hint) {
    diagnostics.add(Diagnostic.error(resource.file(), resource.document().sourceMap().value(pointer), pointer, code,
        message, hint));
  }

  /** Reports a problem with the key of the entry at {@code pointer} (a field that should not be there). */
  void atKey(Draft resource, String pointer, String code, String message, @Nullable String hint) {
    diagnostics.add(Diagnostic.error(resource.file(), resource.document().sourceMap().key(pointer), pointer, code,
        message, hint));
  }

  /** Reports a diagnostic located elsewhere. */
  void add(Diagnostic diagnostic) {
    diagnostics.add(diagnostic);
  }

  boolean isEmpty() {
    return diagnostics.isEmpty();
  }

  List<Diagnostic> list() {
    return List.copyOf(diagnostics);
  }
}
