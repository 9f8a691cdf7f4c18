package dev.agentry.engine.spec;

import java.util.Comparator;
import org.jspecify.annotations.Nullable;

/**
 * One problem found in a spec set, located at file:line:column and at a JSON Pointer inside its document.
 *
 * <p>{@code file} is the path as given to the loader (the CLI relativizes it); {@code line} and {@code column} are
 * 1-based, 0 when unknown; {@code code} is a stable identifier for tools ({@code unknown-field},
 * {@code yaml-syntax}, ...); {@code hint} is an optional suggestion such as "did you mean 'model'?". Messages never
 * contain values that came from interpolation, so secrets cannot leak through them.
 */
public record Diagnostic(
    Severity severity,
    String file,
    int line,
    int column,
    String pointer,
    String code,
    String message,
    @Nullable String hint) {

  /** How bad a diagnostic is: errors make a spec set invalid, warnings do not. */
  public enum Severity {
    ERROR,
    WARNING;

    /** The lower-case word used in rendered output ({@code error}, {@code warning}). */
    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** Orders diagnostics by file, line, column, then message: the order they are reported in. */
  public static final Comparator<Diagnostic> ORDER =
      Comparator.comparing(Diagnostic::file)
          .thenComparingInt(Diagnostic::line)
          .thenComparingInt(Diagnostic::column)
          .thenComparing(Diagnostic::message);

  /** An error diagnostic. */
  public static Diagnostic error(
      String file, SourceMap.Mark mark, String pointer, String code, String message, @Nullable String hint) {
    return new Diagnostic(Severity.ERROR, file, mark.line(), mark.column(), pointer, code, message, hint);
  }

  /** A warning at {@code mark}: the spec set stays valid. */
  public static Diagnostic warning(
      String file, SourceMap.Mark mark, String pointer, String code, String message, @Nullable String hint) {
    return new Diagnostic(Severity.WARNING, file, mark.line(), mark.column(), pointer, code, message, hint);
  }

  /** The message followed by the hint in parentheses, if any. */
  public String fullMessage() {
    return hint == null ? message : message + " (" + hint + ")";
  }

  /** Renders as {@code file:line:col: error: message (hint)}, the format compilers and editors understand. */
  public String render(String displayFile) {
    return displayFile + ":" + line + ":" + column + ": " + severity.label() + ": " + fullMessage();
  }

  @Override
  public String toString() {
    return render(file);
  }
}
