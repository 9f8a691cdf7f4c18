package dev.agentry.server.http;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.ValueInstantiationException;

/**
 * A JSON body that is not JSON, or not of the shape a route takes, as FastAPI reports it: one
 * {@code {"type","loc","msg","input"}} entry of a 422 list ({@code agentos-api.md} §1.2) in pydantic's words.
 * Jackson's own messages name Java types and are never shown.
 */
final class JsonErrors {
  private JsonErrors() {}

  /** A pydantic error type and its message. */
  private record Kind(String type, String message) {}

  /** The body is not JSON: pydantic's {@code json_invalid} at {@code ["body", offset]}. */
  static ApiException notJson(JacksonException e) {
    long offset = e.getLocation() == null ? -1
        : e.getLocation().getCharOffset() >= 0 ? e.getLocation().getCharOffset() : e.getLocation().getByteOffset();
    Map<String, Object> error = entry("json_invalid", offset >= 0 ? List.of("body", offset) : List.of("body"),
        "JSON decode error", Map.of());
    error.put("ctx", Map.of("error", Routes.plain(e.getOriginalMessage(), "Invalid JSON")));
    return ApiException.invalid(List.of(error));
  }

  /** The body is JSON of the wrong shape: the field Jackson stopped at, the type it wanted, the value found. */
  static ApiException wrongShape(JacksonException e, JsonNode body) {
    List<Object> loc = new ArrayList<>();
    loc.add("body");
    JsonNode input = body;
    for (JacksonException.Reference ref : e.getPath()) {
      Object step = ref.getPropertyName() != null ? ref.getPropertyName() : ref.getIndex();
      loc.add(step);
      input = input == null ? null : step instanceof String name ? input.get(name) : input.get((int) step);
    }
    Kind kind = kind(e);
    return ApiException.invalid(List.of(entry(kind.type(), loc, kind.message(), input)));
  }

  /** A plain sentence for a value of the wrong shape, for the routes whose contract wants a text detail. */
  static String describe(JacksonException e) {
    String where = e.getPath().isEmpty() ? "" : " at " + e.getPath().stream()
        .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
        .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("");
    return kind(e).message() + where;
  }

  /** Pydantic's error type and message for what Jackson expected. */
  private static Kind kind(JacksonException e) {
    if (e instanceof ValueInstantiationException) {
      return new Kind("value_error", "Value error, invalid value");
    }
    Class<?> target = e instanceof MismatchedInputException m ? m.getTargetType() : null;
    if (target == null) {
      return new Kind("value_error", "Value error, invalid value");
    }
    if (CharSequence.class.isAssignableFrom(target) || target == char.class || target == Character.class) {
      return new Kind("string_type", "Input should be a valid string");
    }
    if (target == int.class || target == Integer.class || target == long.class || target == Long.class
        || target == short.class || target == Short.class) {
      return new Kind("int_type", "Input should be a valid integer");
    }
    if (target == boolean.class || target == Boolean.class) {
      return new Kind("bool_type", "Input should be a valid boolean");
    }
    if (Number.class.isAssignableFrom(target) || target == double.class || target == float.class) {
      return new Kind("float_type", "Input should be a valid number");
    }
    if (Collection.class.isAssignableFrom(target) || target.isArray()) {
      return new Kind("list_type", "Input should be a valid list");
    }
    if (Map.class.isAssignableFrom(target)) {
      return new Kind("dict_type", "Input should be a valid dictionary");
    }
    if (target.isEnum()) {
      return new Kind("enum", "Input should be one of the allowed values");
    }
    return new Kind("model_attributes_type", "Input should be a valid dictionary or object to extract fields from");
  }

  private static Map<String, Object> entry(String type, List<Object> loc, String message, @Nullable Object input) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("type", type);
    error.put("loc", loc);
    error.put("msg", message);
    error.put("input", input);
    return error;
  }
}
