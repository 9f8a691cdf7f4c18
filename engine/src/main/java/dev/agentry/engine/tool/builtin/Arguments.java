package dev.agentry.engine.tool.builtin;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The arguments of one call, read defensively.
 *
 * <p>The engine validates arguments against the schema before a call, but a tool used directly (a test, a plugin
 * host) gets whatever it is given, so every read checks the type and fails with {@link ToolFailure}.
 */
record Arguments(JsonNode node) {
  static Arguments of(@Nullable JsonNode node) {
    return new Arguments(node == null ? JsonNodeFactory.instance.objectNode() : node);
  }

  BigDecimal number(String name) {
    JsonNode value = required(name);
    if (!value.isNumber()) {
      throw new ToolFailure("argument '" + name + "' must be a number");
    }
    try {
      return value.decimalValue();
    } catch (RuntimeException e) {
      throw new ToolFailure("argument '" + name + "' must be a finite number");
    }
  }

  long integer(String name) {
    JsonNode value = required(name);
    if (!value.isNumber() || !value.canConvertToExactIntegral() || !value.canConvertToLong()) {
      throw new ToolFailure("argument '" + name + "' must be a whole number");
    }
    return value.longValue();
  }

  String string(String name) {
    String value = optionalString(name);
    if (value == null) {
      throw new ToolFailure("missing argument '" + name + "'");
    }
    return value;
  }

  @Nullable String optionalString(String name) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isString()) {
      throw new ToolFailure("argument '" + name + "' must be a string");
    }
    return value.stringValue();
  }

  boolean bool(String name, boolean fallback) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      return fallback;
    }
    if (!value.isBoolean()) {
      throw new ToolFailure("argument '" + name + "' must be true or false");
    }
    return value.booleanValue();
  }

  /** An object of string values, such as HTTP headers; empty when absent. */
  Map<String, String> stringMap(String name) {
    JsonNode value = node.get(name);
    Map<String, String> result = new LinkedHashMap<>();
    if (value == null || value.isNull()) {
      return result;
    }
    if (!value.isObject()) {
      throw new ToolFailure("argument '" + name + "' must be an object of strings");
    }
    for (Map.Entry<String, JsonNode> entry : value.properties()) {
      if (!entry.getValue().isString()) {
        throw new ToolFailure("argument '" + name + "." + entry.getKey() + "' must be a string");
      }
      result.put(entry.getKey(), entry.getValue().stringValue());
    }
    return result;
  }

  private JsonNode required(String name) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      throw new ToolFailure("missing argument '" + name + "'");
    }
    return value;
  }
}
