package dev.agentry.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * A JSON object shape as one of Agno's classes writes and reads it: each field's name, JSON type (nested shapes for
 * objects and list items), whether Agno always writes it, and whether it may be null. {@link #check} lists every
 * difference (a missing field, a field of another type, a field Agno does not know) with its JSON path, so a test
 * fails with all of them at once. The shapes themselves are in {@link AgnoShapes}.
 */
final class AgnoShape {
  /** The JSON type of a field: a scalar, an object of a shape, a list of items, or a map of values. */
  sealed interface Kind permits Scalar, Of, ListOf, MapOf {}

  /** A scalar JSON type; {@code oneOf} lists the allowed values when it is an enumeration. */
  record Scalar(Type type, Set<String> oneOf) implements Kind {}

  /** An object of the given shape. */
  record Of(AgnoShape shape) implements Kind {}

  /** A list whose items are all of a kind. */
  record ListOf(Kind items) implements Kind {}

  /** An object used as a map: any keys, values all of a kind. */
  record MapOf(Kind values) implements Kind {}

  /** The JSON types; {@code ANY} accepts every value, {@code TEXT_OR_LIST} a string or an array (message content). */
  enum Type { STRING, INTEGER, NUMBER, BOOLEAN, OBJECT, ARRAY, ANY, TEXT_OR_LIST, TEXT_OR_OBJECT }

  private record Field(Kind kind, boolean required, boolean nullable) {}

  private final String name;
  private final Map<String, Field> fields = new LinkedHashMap<>();
  private boolean open;

  private AgnoShape(String name) {
    this.name = name;
  }

  static AgnoShape named(String name) {
    return new AgnoShape(name);
  }

  static Kind scalar(Type type) {
    return new Scalar(type, Set.of());
  }

  static Kind oneOf(String... values) {
    return new Scalar(Type.STRING, Set.of(values));
  }

  static Kind of(AgnoShape shape) {
    return new Of(shape);
  }

  static Kind listOf(Kind items) {
    return new ListOf(items);
  }

  static Kind mapOf(Kind values) {
    return new MapOf(values);
  }

  /** A field Agno always writes, never null. */
  AgnoShape required(String field, Kind kind) {
    fields.put(field, new Field(kind, true, false));
    return this;
  }

  /** A field Agno writes only when it has a value (its to_dict drops None). */
  AgnoShape optional(String field, Kind kind) {
    fields.put(field, new Field(kind, false, false));
    return this;
  }

  /** A field Agno always writes, possibly as null (dataclass {@code asdict} keeps None). */
  AgnoShape nullable(String field, Kind kind) {
    fields.put(field, new Field(kind, true, true));
    return this;
  }

  /** A field that may be absent or null (a pydantic {@code Optional} field). */
  AgnoShape maybe(String field, Kind kind) {
    fields.put(field, new Field(kind, false, true));
    return this;
  }

  /** Fields beyond these are accepted (event payloads, whose class-specific fields vary). */
  AgnoShape open() {
    this.open = true;
    return this;
  }

  /** The differences between {@code node} and this shape; {@code extensions} are extra top-level fields allowed. */
  List<String> check(JsonNode node, String path, Set<String> extensions) {
    List<String> out = new ArrayList<>();
    if (!node.isObject()) {
      out.add(path + ": expected a " + name + " object, got " + node.getNodeType());
      return out;
    }
    fields.forEach((field, spec) -> {
      JsonNode value = node.get(field);
      if (value == null) {
        if (spec.required()) {
          out.add(path + "." + field + ": missing (" + name + " always has it)");
        }
      } else if (value.isNull()) {
        if (!spec.nullable()) {
          out.add(path + "." + field + ": null (" + name + " leaves it out or gives a value)");
        }
      } else {
        checkKind(value, spec.kind(), path + "." + field, extensions, out);
      }
    });
    for (String field : node.propertyNames()) {
      if (!open && !fields.containsKey(field) && !extensions.contains(field)) {
        out.add(path + "." + field + ": not a field of " + name);
      }
    }
    return out;
  }

  private static void checkKind(JsonNode value, Kind kind, String path, Set<String> extensions, List<String> out) {
    switch (kind) {
      case Scalar(Type type, Set<String> values) -> {
        if (!matches(value, type)) {
          out.add(path + ": expected " + type + ", got " + value.getNodeType() + " " + value);
        } else if (!values.isEmpty() && !values.contains(value.asString())) {
          out.add(path + ": expected one of " + values + ", got " + value);
        }
      }
      case Of(AgnoShape shape) -> out.addAll(shape.check(value, path, extensions));
      case ListOf(Kind items) -> {
        if (!value.isArray()) {
          out.add(path + ": expected a list, got " + value.getNodeType());
          return;
        }
        for (int i = 0; i < value.size(); i++) {
          checkKind(value.get(i), items, path + "[" + i + "]", extensions, out);
        }
      }
      case MapOf(Kind values) -> {
        if (!value.isObject()) {
          out.add(path + ": expected an object, got " + value.getNodeType());
          return;
        }
        for (String key : value.propertyNames()) {
          checkKind(value.get(key), values, path + "." + key, extensions, out);
        }
      }
    }
  }

  private static boolean matches(JsonNode value, Type type) {
    return switch (type) {
      case STRING -> value.isString();
      case INTEGER -> value.isIntegralNumber();
      case NUMBER -> value.isNumber();
      case BOOLEAN -> value.isBoolean();
      case OBJECT -> value.isObject();
      case ARRAY -> value.isArray();
      case ANY -> true;
      case TEXT_OR_LIST -> value.isString() || value.isArray();
      case TEXT_OR_OBJECT -> value.isString() || value.isObject();
    };
  }
}
