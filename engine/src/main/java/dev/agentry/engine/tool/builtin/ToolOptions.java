package dev.agentry.engine.tool.builtin;

import dev.agentry.engine.tool.ToolkitException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The {@code options} of one builtin toolkit, read with checks that name the toolkit and the option on failure.
 *
 * <p>Values come from YAML, possibly through {@code ${env:...}}, so a number or boolean may arrive as text; both are
 * accepted. Unknown option names are refused: a misspelt {@code alow_write} must not silently mean the default.
 */
record ToolOptions(String toolkit, Map<String, Object> values) {
  static ToolOptions of(String toolkit, @Nullable Map<String, Object> values, Set<String> known) {
    Map<String, Object> copy = values == null ? Map.of() : values;
    for (String name : copy.keySet()) {
      if (!known.contains(name)) {
        String expected = known.isEmpty() ? "it takes no options" : "known options: " + new TreeSet<>(known);
        throw new ToolkitException(toolkit + ": unknown option '" + name + "' (" + expected + ")");
      }
    }
    return new ToolOptions(toolkit, copy);
  }

  @Nullable String string(String name) {
    Object value = values.get(name);
    if (value == null) {
      return null;
    }
    if (!(value instanceof String text) || text.isBlank()) {
      throw fail(name, "must be a non-empty string");
    }
    return text.strip();
  }

  String requiredString(String name, String meaning) {
    String value = string(name);
    if (value == null) {
      throw fail(name, "is required (" + meaning + ")");
    }
    return value;
  }

  boolean bool(String name, boolean fallback) {
    Object value = values.get(name);
    if (value == null) {
      return fallback;
    }
    if (value instanceof Boolean b) {
      return b;
    }
    if (value instanceof String text && (text.equals("true") || text.equals("false"))) {
      return Boolean.parseBoolean(text);
    }
    throw fail(name, "must be true or false");
  }

  long positiveLong(String name, long fallback) {
    Object value = values.get(name);
    if (value == null) {
      return fallback;
    }
    long number;
    if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      number = ((Number) value).longValue();
    } else if (value instanceof String text && text.strip().matches("\\d{1,18}")) {
      number = Long.parseLong(text.strip());
    } else {
      throw fail(name, "must be a whole number");
    }
    if (number <= 0) {
      throw fail(name, "must be greater than 0");
    }
    return number;
  }

  /** A list of non-blank strings; {@code null} when the option is absent. */
  @Nullable List<String> stringList(String name) {
    Object value = values.get(name);
    if (value == null) {
      return null;
    }
    if (!(value instanceof List<?> list)) {
      throw fail(name, "must be a list of strings");
    }
    List<String> result = new ArrayList<>(list.size());
    for (Object item : list) {
      if (!(item instanceof String text) || text.isBlank()) {
        throw fail(name, "must be a list of non-empty strings");
      }
      result.add(text.strip());
    }
    return List.copyOf(result);
  }

  ToolkitException fail(String name, String problem) {
    return new ToolkitException(toolkit + ": option '" + name + "' " + problem);
  }
}
