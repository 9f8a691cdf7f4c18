package dev.agentry.engine.spec;

import dev.agentry.engine.EngineException;
import java.util.List;

/**
 * Thrown when a spec set has errors: the author's YAML is at fault. Holds every diagnostic of the set, sorted.
 */
public final class SpecException extends EngineException {
  private final List<Diagnostic> diagnostics;

  public SpecException(List<Diagnostic> diagnostics) {
    super(summary(diagnostics));
    this.diagnostics = List.copyOf(diagnostics);
  }

  /** Every diagnostic of the spec set, sorted by file and line. */
  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  private static String summary(List<Diagnostic> diagnostics) {
    StringBuilder text = new StringBuilder(diagnostics.size() + " problem(s) in the spec set");
    for (Diagnostic d : diagnostics) {
      text.append('\n').append(d);
    }
    return text.toString();
  }
}
