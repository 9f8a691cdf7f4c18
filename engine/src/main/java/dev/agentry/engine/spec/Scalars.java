package dev.agentry.engine.spec;

import java.math.BigInteger;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Resolves YAML scalars to JSON values with the YAML 1.2 core schema: {@code yes}, {@code no} and {@code on} stay
 * strings (no "Norway problem"), {@code true}/{@code false}, {@code null}/{@code ~}, integers (decimal, {@code 0o},
 * {@code 0x}) and floats (including {@code .inf}, {@code .nan}) become typed values.
 */
final class Scalars {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String PREFIX = "tag:yaml.org,2002:";
  private static final Set<String> STANDARD = Set.of("str", "int", "float", "bool", "null", "map", "seq");
  private static final Pattern NULL = Pattern.compile("^(?:~|null|Null|NULL|)$");
  private static final Pattern BOOL = Pattern.compile("^(?:true|True|TRUE|false|False|FALSE)$");
  private static final Pattern INT = Pattern.compile("^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$");
  private static final Pattern FLOAT = Pattern.compile(
      "^(?:[-+]?(?:\\.[0-9]+|[0-9]+(?:\\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");

  private Scalars() {}

  static boolean isStandard(String tag) {
    return tag.startsWith(PREFIX) && STANDARD.contains(tag.substring(PREFIX.length()));
  }

  static String tagName(String tag) {
    return tag.startsWith(PREFIX) ? tag.substring(PREFIX.length()) : tag;
  }

  /**
   * The JSON value of a scalar. Plain untagged scalars are typed by their text; quoted ones are strings; an explicit
   * standard tag forces the type. Returns null when the text does not fit an explicit tag.
   */
  static @Nullable JsonNode resolve(String value, boolean plainUntagged, @Nullable String tag) {
    if (tag != null) {
      return switch (tagName(tag)) {
        case "str" -> NODES.stringNode(value);
        case "int" -> INT.matcher(value).matches() ? integer(value) : null;
        case "float" -> FLOAT.matcher(value).matches() || INT.matcher(value).matches() ? floating(value) : null;
        case "bool" -> BOOL.matcher(value).matches() ? NODES.booleanNode(value.equalsIgnoreCase("true")) : null;
        case "null" -> NULL.matcher(value).matches() ? NODES.nullNode() : null;
        default -> null;
      };
    }
    if (!plainUntagged) {
      return NODES.stringNode(value);
    }
    return typed(value);
  }

  /** Types a plain scalar's text (also used when an interpolated value stands alone in a plain scalar). */
  static JsonNode typed(String value) {
    if (NULL.matcher(value).matches()) {
      return NODES.nullNode();
    }
    if (BOOL.matcher(value).matches()) {
      return NODES.booleanNode(value.equalsIgnoreCase("true"));
    }
    if (INT.matcher(value).matches()) {
      return integer(value);
    }
    if (FLOAT.matcher(value).matches()) {
      return floating(value);
    }
    return NODES.stringNode(value);
  }

  /**
   * Replaces the text at {@code pointer} by its typed value when that is a number or boolean.
   *
   * @return whether the value changed
   */
  static boolean retype(JsonNode root, String pointer) {
    int slash = pointer.lastIndexOf('/');
    JsonNode parent = root.at(pointer.substring(0, slash));
    String last = pointer.substring(slash + 1).replace("~1", "/").replace("~0", "~");
    JsonNode current = parent.isObject() ? parent.get(last) : parent.isArray() ? parent.get(Integer.parseInt(last)) : null;
    if (current == null || !current.isString()) {
      return false;
    }
    JsonNode typed = typed(current.asString());
    if (!typed.isNumber() && !typed.isBoolean()) {
      return false;
    }
    if (parent instanceof tools.jackson.databind.node.ObjectNode object) {
      object.set(last, typed);
    } else {
      ((tools.jackson.databind.node.ArrayNode) parent).set(Integer.parseInt(last), typed);
    }
    return true;
  }

  private static JsonNode integer(String value) {
    BigInteger number;
    if (value.startsWith("0x")) {
      number = new BigInteger(value.substring(2), 16);
    } else if (value.startsWith("0o")) {
      number = new BigInteger(value.substring(2), 8);
    } else {
      number = new BigInteger(value.startsWith("+") ? value.substring(1) : value);
    }
    return number.bitLength() < 32 ? NODES.numberNode(number.intValue())
        : number.bitLength() < 64 ? NODES.numberNode(number.longValue()) : NODES.numberNode(number);
  }

  private static JsonNode floating(String value) {
    String v = value.toLowerCase(java.util.Locale.ROOT);
    if (v.endsWith(".inf")) {
      return NODES.numberNode(v.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
    }
    if (v.equals(".nan")) {
      return NODES.numberNode(Double.NaN);
    }
    return NODES.numberNode(Double.parseDouble(value));
  }
}
