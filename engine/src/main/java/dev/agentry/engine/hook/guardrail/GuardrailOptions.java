package dev.agentry.engine.hook.guardrail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads a guardrail's {@code options} strictly: an unknown key or a value of the wrong type is an
 * {@link IllegalArgumentException} whose message the compiler reports at the hook's position.
 */
final class GuardrailOptions {
  private final String guardrail;
  private final JsonNode options;

  GuardrailOptions(String guardrail, JsonNode options, Set<String> keys) {
    this.guardrail = guardrail;
    this.options = options;
    for (String key : options.propertyNames()) {
      if (!keys.contains(key)) {
        throw new IllegalArgumentException("the guardrail " + guardrail + " has no option '" + key + "' (its options: "
            + String.join(", ", keys.stream().sorted().toList()) + ")");
      }
    }
  }

  boolean bool(String key, boolean fallback) {
    JsonNode value = options.get(key);
    if (value == null || value.isNull()) {
      return fallback;
    }
    if (!value.isBoolean()) {
      throw wrong(key, "true or false");
    }
    return value.booleanValue();
  }

  @Nullable String text(String key) {
    JsonNode value = options.get(key);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isString()) {
      throw wrong(key, "a string");
    }
    return value.stringValue();
  }

  /** A list of strings; null when absent. */
  @Nullable List<String> texts(String key) {
    JsonNode value = options.get(key);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isArray()) {
      throw wrong(key, "a list of strings");
    }
    List<String> texts = new ArrayList<>();
    for (JsonNode item : value) {
      if (!item.isString()) {
        throw wrong(key, "a list of strings");
      }
      texts.add(item.stringValue());
    }
    return texts;
  }

  /** A map of strings, in the order written; empty when absent. */
  Map<String, String> textMap(String key) {
    JsonNode value = options.get(key);
    Map<String, String> map = new LinkedHashMap<>();
    if (value == null || value.isNull()) {
      return map;
    }
    if (!value.isObject()) {
      throw wrong(key, "a map of names to strings");
    }
    for (Map.Entry<String, JsonNode> e : value.properties()) {
      if (!e.getValue().isString()) {
        throw wrong(key, "a map of names to strings");
      }
      map.put(e.getKey(), e.getValue().stringValue());
    }
    return map;
  }

  private IllegalArgumentException wrong(String key, String expected) {
    return new IllegalArgumentException("the option '" + key + "' of the guardrail " + guardrail + " must be "
        + expected);
  }
}
