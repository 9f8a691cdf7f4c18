package dev.agentry.engine.tool.http;

import dev.agentry.engine.tool.ToolkitException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads the fields of a toolkit's settings object, and fails naming the field (its path from the kind's key, such as
 * {@code endpoints[1].url}). Messages never quote header or credential values.
 *
 * @param node the object read
 * @param path where it is, as messages name it ({@code endpoints[1]}), empty for the kind's own object
 * @param pointer where it is as a JSON Pointer under the kind's key ({@code /endpoints/1}), empty for the kind's own
 */
public record Fields(JsonNode node, String path, String pointer) {
  /** The fields of a kind's settings object. */
  public static Fields of(JsonNode value, String kind) {
    if (!value.isObject()) {
      throw new ToolkitException(kind + " must be an object of settings");
    }
    return new Fields(value, "", "");
  }

  /** The name of {@code field} here, for messages. */
  public String name(String field) {
    return path.isEmpty() ? field : path + "." + field;
  }

  /** A failure naming {@code field} (a name here, or {@code name[i]} of a list), pointing at it. */
  public ToolkitException fail(String field, String problem) {
    return new ToolkitException(name(field) + " " + problem, pointer + "/" + field.replaceAll("\\[(\\d+)]", "/$1")
        .replace('.', '/'));
  }

  /** The fields of the object at {@code index} of the list {@code field}. */
  public Fields item(String field, int index) {
    JsonNode value = node.get(field).get(index);
    if (!value.isObject()) {
      throw fail(field + "[" + index + "]", "must be an object");
    }
    return new Fields(value, name(field) + "[" + index + "]", pointer + "/" + field + "/" + index);
  }

  public boolean has(String field) {
    JsonNode value = node.get(field);
    return value != null && !value.isNull();
  }

  public @Nullable String string(String field) {
    if (!has(field)) {
      return null;
    }
    JsonNode value = node.get(field);
    if (!value.isString()) {
      throw fail(field, "must be a string");
    }
    return value.asString();
  }

  public String requiredString(String field) {
    String value = string(field);
    if (value == null || value.isBlank()) {
      throw fail(field, "is required");
    }
    return value;
  }

  public boolean bool(String field, boolean fallback) {
    if (!has(field)) {
      return fallback;
    }
    JsonNode value = node.get(field);
    if (!value.isBoolean()) {
      throw fail(field, "must be true or false");
    }
    return value.asBoolean();
  }

  public Duration seconds(String field, Duration fallback) {
    if (!has(field)) {
      return fallback;
    }
    JsonNode value = node.get(field);
    if (!value.isNumber() || value.asDouble() <= 0) {
      throw fail(field, "must be a number of seconds above 0");
    }
    return Duration.ofMillis(Math.max(1, Math.round(value.asDouble() * 1000)));
  }

  public long positiveLong(String field, long fallback) {
    if (!has(field)) {
      return fallback;
    }
    JsonNode value = node.get(field);
    if (!value.isIntegralNumber() || value.asLong() < 1) {
      throw fail(field, "must be a whole number of at least 1");
    }
    return value.asLong();
  }

  public List<String> strings(String field) {
    if (!has(field)) {
      return List.of();
    }
    JsonNode value = node.get(field);
    if (!value.isArray()) {
      throw fail(field, "must be a list of strings");
    }
    List<String> result = new ArrayList<>();
    for (JsonNode item : value) {
      if (!item.isString()) {
        throw fail(field, "must be a list of strings");
      }
      result.add(item.asString());
    }
    return List.copyOf(result);
  }

  /** A map of string values (headers); the values are never quoted in messages. */
  public Map<String, String> stringMap(String field) {
    if (!has(field)) {
      return Map.of();
    }
    JsonNode value = node.get(field);
    if (!value.isObject()) {
      throw fail(field, "must be an object of names to strings");
    }
    Map<String, String> result = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : value.properties()) {
      if (!entry.getValue().isString()) {
        throw fail(field + "." + entry.getKey(), "must be a string");
      }
      result.put(entry.getKey(), entry.getValue().asString());
    }
    return result;
  }

  /** The object at {@code field}, or null when absent. */
  public @Nullable Fields object(String field) {
    if (!has(field)) {
      return null;
    }
    JsonNode value = node.get(field);
    if (!value.isObject()) {
      throw fail(field, "must be an object");
    }
    return new Fields(value, name(field), pointer + "/" + field);
  }
}
