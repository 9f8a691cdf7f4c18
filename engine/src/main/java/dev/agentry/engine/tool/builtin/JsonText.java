package dev.agentry.engine.tool.builtin;

import dev.agentry.engine.internal.Json;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Renders tool results as JSON text spaced like Python's {@code json.dumps} ({@code {"a": 1, "b": [2, 3]}}), so
 * results read as Agno's toolkits print them.
 *
 * <p>Takes maps (in their iteration order), lists and scalars; scalars are written by the shared mapper, which
 * escapes strings and prints numbers as JSON numbers.
 */
final class JsonText {
  private JsonText() {}

  static String of(@Nullable Object value) {
    if (value instanceof Map<?, ?> map) {
      return map.entrySet().stream()
          .map(e -> scalar(String.valueOf(e.getKey())) + ": " + of(e.getValue()))
          .collect(Collectors.joining(", ", "{", "}"));
    }
    if (value instanceof List<?> list) {
      return list.stream().map(JsonText::of).collect(Collectors.joining(", ", "[", "]"));
    }
    return scalar(value);
  }

  private static String scalar(@Nullable Object value) {
    return Json.MAPPER.writeValueAsString(value);
  }
}
