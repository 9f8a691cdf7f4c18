package dev.agentry.engine.spec;

import java.util.Locale;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;

/**
 * Turns snakeyaml-engine's parser errors into plain-language diagnostics with a suggested fix, at the position of
 * the problem (not of its context).
 */
final class YamlErrors {
  private YamlErrors() {}

  static Diagnostic toDiagnostic(String file, MarkedYamlEngineException e) {
    SourceMap.Mark at = YamlReader.mark(e.getProblemMark().isPresent() ? e.getProblemMark() : e.getContextMark());
    String problem = e.getProblem() == null ? "" : e.getProblem();
    String context = e.getContext() == null ? "" : e.getContext();
    String lower = problem.toLowerCase(Locale.ROOT);
    String message;
    String hint;
    if (lower.contains("\\t") || lower.contains("tab")) {
      message = "tab character: YAML indentation must use spaces";
      hint = "replace the tab with spaces";
    } else if (lower.contains("mapping values are not allowed")) {
      message = "unexpected ':' here";
      hint = "check the indentation of this line, or quote a value that contains ': '";
    } else if (lower.contains("could not find expected ':'")) {
      message = "expected ':' after a key";
      hint = "write 'key: value', or quote a text that spans several lines";
    } else if (lower.startsWith("expected <block end>")) {
      message = "bad indentation: this line does not line up with the lines before it";
      hint = "indent it exactly as far as its sibling keys or list items";
    } else if (lower.contains("but got <stream end>") || lower.contains("but found '<stream end>'")) {
      at = YamlReader.mark(e.getContextMark().isPresent() ? e.getContextMark() : e.getProblemMark());
      boolean mapping = context.contains("mapping");
      message = mapping ? "this '{' is never closed" : context.contains("flow") ? "this '[' is never closed"
          : "this block is never finished";
      hint = "the file ends before the closing " + (mapping ? "'}'" : "']'");
    } else if (lower.contains("found unexpected end of stream")) {
      at = YamlReader.mark(e.getContextMark().isPresent() ? e.getContextMark() : e.getProblemMark());
      message = context.contains("quoted") ? "this quoted text is never closed" : "this bracket is never closed";
      hint = "the file ends before the closing " + (context.contains("quoted") ? "quote" : "bracket");
    } else if (lower.startsWith("expected ',' or '}'") || lower.startsWith("expected ',' or ']'")) {
      message = plain(problem);
      hint = "inside { } and [ ], quote values that contain '{', '}', '[', ']', ',' or ': ', or use block style";
    } else if (lower.contains("duplicate anchor")) {
      message = plain(problem);
      hint = "give each anchor a unique name";
    } else {
      message = plain(problem.isEmpty() ? context : problem);
      hint = null;
    }
    return Diagnostic.error(file, at, "", "yaml-syntax", message, hint);
  }

  static String plain(String message) {
    String first = message.strip().lines().findFirst().orElse("invalid YAML");
    return first.endsWith(".") ? first.substring(0, first.length() - 1) : first;
  }
}
