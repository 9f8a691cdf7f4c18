package dev.agentry.engine.run;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Fills {@code {key}} placeholders in instructions and other context text from the run's session state,
 * dependencies, metadata and user id (Agno's {@code resolve_in_context}). Unknown keys and text that is not a
 * placeholder (JSON braces, code) stay as written.
 */
final class Templates {
  private Templates() {}

  /** True when {@code text} may contain a placeholder, so text without one is never copied. */
  static boolean hasPlaceholder(@Nullable String text) {
    return text != null && text.indexOf('{') >= 0;
  }

  /**
   * Replaces each {@code {key}} whose key names a value in one of {@code sources} (searched in order) or is
   * {@code user_id}.
   */
  static String resolve(String text, @Nullable String userId, Map<String, ?>... sources) {
    if (!hasPlaceholder(text)) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 32);
    int i = 0;
    while (i < text.length()) {
      int open = text.indexOf('{', i);
      int close = open < 0 ? -1 : text.indexOf('}', open + 1);
      if (open < 0 || close < 0) {
        out.append(text, i, text.length());
        break;
      }
      String key = text.substring(open + 1, close);
      Object value = isKey(key) ? lookup(key, userId, sources) : null;
      out.append(text, i, open);
      if (value == null) {
        out.append('{');
        i = open + 1;
      } else {
        out.append(value);
        i = close + 1;
      }
    }
    return out.toString();
  }

  private static @Nullable Object lookup(String key, @Nullable String userId, Map<String, ?>[] sources) {
    for (Map<String, ?> source : sources) {
      if (source != null && source.containsKey(key)) {
        return source.get(key);
      }
    }
    return "user_id".equals(key) ? userId : null;
  }

  private static boolean isKey(String key) {
    if (key.isEmpty()) {
      return false;
    }
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (!(Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.')) {
        return false;
      }
    }
    return true;
  }
}
