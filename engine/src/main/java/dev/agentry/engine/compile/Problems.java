package dev.agentry.engine.compile;

import dev.agentry.engine.spec.Diagnostic;
import dev.agentry.engine.spec.Draft;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Collects the diagnostics of one compilation, located through each resource's source map. */
final class Problems {
  private final List<Diagnostic> diagnostics = new ArrayList<>();
  /** Where each diagnostic reported through {@link #at} or {@link #atKey} points, by resource. */
  private final Map<Draft, List<String>> pointers = new IdentityHashMap<>();

  /** Reports a problem with the value at {@code pointer} of {@code resource}. */
  void at(Draft resource, String pointer, String code, String message, @Nullable String hint) {
    pointers.computeIfAbsent(resource, r -> new ArrayList<>()).add(pointer);
    diagnostics.add(Diagnostic.error(resource.file(), resource.document().sourceMap().value(pointer), pointer, code,
        message, hint));
  }

  /** Reports a problem with the key of the entry at {@code pointer} (a field that should not be there). */
  void atKey(Draft resource, String pointer, String code, String message, @Nullable String hint) {
    pointers.computeIfAbsent(resource, r -> new ArrayList<>()).add(pointer);
    diagnostics.add(Diagnostic.error(resource.file(), resource.document().sourceMap().key(pointer), pointer, code,
        message, hint));
  }

  /** Reports a diagnostic located elsewhere. */
  void add(Diagnostic diagnostic) {
    diagnostics.add(diagnostic);
  }

  /** True when a problem was reported at {@code pointer} of {@code resource}, or inside it. */
  boolean reportedInside(Draft resource, String pointer) {
    return pointers.getOrDefault(resource, List.of()).stream()
        .anyMatch(p -> p.equals(pointer) || p.startsWith(pointer + "/"));
  }

  boolean isEmpty() {
    return diagnostics.isEmpty();
  }

  List<Diagnostic> list() {
    return List.copyOf(diagnostics);
  }
}
