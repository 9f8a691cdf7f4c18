package dev.agentry.engine.tool.builtin;

import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds the strict JSON Schema of a function's parameters: an object with described properties, a required list
 * and {@code additionalProperties: false}, so a misspelt argument is rejected before the call.
 */
final class ParameterSchema {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final ObjectNode properties = NODES.objectNode();
  private final ArrayNode required = NODES.arrayNode();

  private ParameterSchema() {}

  static ParameterSchema object() {
    return new ParameterSchema();
  }

  /** A property of a simple JSON type ({@code string}, {@code number}, {@code integer}, {@code boolean}). */
  static ObjectNode property(String type, String description) {
    ObjectNode property = NODES.objectNode();
    property.put("type", type);
    property.put("description", description);
    return property;
  }

  /** A string property limited to {@code values}. */
  static ObjectNode choice(List<String> values, String description) {
    ObjectNode property = property("string", description);
    ArrayNode allowed = property.putArray("enum");
    values.forEach(allowed::add);
    return property;
  }

  ParameterSchema required(String name, String type, String description) {
    return required(name, property(type, description));
  }

  ParameterSchema required(String name, ObjectNode schema) {
    properties.set(name, schema);
    required.add(name);
    return this;
  }

  ParameterSchema optional(String name, String type, String description) {
    return optional(name, property(type, description));
  }

  ParameterSchema optional(String name, ObjectNode schema) {
    properties.set(name, schema);
    return this;
  }

  ObjectNode build() {
    ObjectNode schema = NODES.objectNode();
    schema.put("type", "object");
    schema.set("properties", properties.deepCopy());
    schema.set("required", required.deepCopy());
    schema.put("additionalProperties", false);
    return schema;
  }
}
