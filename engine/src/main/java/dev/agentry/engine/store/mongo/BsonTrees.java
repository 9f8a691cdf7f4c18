package dev.agentry.engine.store.mongo;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.BsonArray;
import org.bson.BsonBinary;
import org.bson.BsonBoolean;
import org.bson.BsonDecimal128;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonInvalidOperationException;
import org.bson.BsonNull;
import org.bson.BsonSerializationException;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.types.Decimal128;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Converts between the JSON trees of the store codec and BSON, value for value and without extended JSON text: an
 * int stays an Int32, a long an Int64, a double a Double, and a user's object that merely looks like extended JSON
 * (<code>{"$date": 1}</code>) stays an object. Big integers and decimals become Decimal128 and read back as
 * decimals.
 */
final class BsonTrees {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private BsonTrees() {}

  /** A JSON tree as BSON. */
  static BsonValue toBson(JsonNode node) {
    return switch (node.getNodeType()) {
      case OBJECT -> {
        BsonDocument doc = new BsonDocument();
        node.properties().forEach(e -> doc.append(e.getKey(), toBson(e.getValue())));
        yield doc;
      }
      case ARRAY -> {
        BsonArray array = new BsonArray(new ArrayList<>(node.size()));
        node.values().forEach(v -> array.add(toBson(v)));
        yield array;
      }
      case STRING -> new BsonString(node.stringValue());
      case BOOLEAN -> BsonBoolean.valueOf(node.booleanValue());
      case NUMBER -> number(node);
      case BINARY -> new BsonBinary(node.binaryValue());
      case NULL, MISSING -> BsonNull.VALUE;
      case POJO -> throw new BsonSerializationException("cannot store a " + node.getClass().getSimpleName()
          + " in MongoDB: " + node);
    };
  }

  /** A JSON object as a BSON document. */
  static BsonDocument toDocument(JsonNode node) {
    if (!node.isObject()) {
      throw new BsonSerializationException("expected a JSON object, got " + node.getNodeType());
    }
    return toBson(node).asDocument();
  }

  private static BsonValue number(JsonNode node) {
    return switch (node.numberType()) {
      case INT -> new BsonInt32(node.intValue());
      case LONG -> new BsonInt64(node.longValue());
      case FLOAT, DOUBLE -> new BsonDouble(node.doubleValue());
      case BIG_INTEGER -> new BsonDecimal128(new Decimal128(new BigDecimal(node.bigIntegerValue())));
      case BIG_DECIMAL -> new BsonDecimal128(new Decimal128(node.decimalValue()));
    };
  }

  /** BSON as a JSON tree, the inverse of {@link #toBson}. */
  static JsonNode toTree(BsonValue value) {
    return switch (value.getBsonType()) {
      case DOCUMENT -> {
        ObjectNode object = NODES.objectNode();
        value.asDocument().forEach((k, v) -> object.set(k, toTree(v)));
        yield object;
      }
      case ARRAY -> {
        ArrayNode array = NODES.arrayNode(value.asArray().size());
        value.asArray().forEach(v -> array.add(toTree(v)));
        yield array;
      }
      case STRING -> NODES.stringNode(value.asString().getValue());
      case BOOLEAN -> NODES.booleanNode(value.asBoolean().getValue());
      case INT32 -> NODES.numberNode(value.asInt32().getValue());
      case INT64 -> NODES.numberNode(value.asInt64().getValue());
      case DOUBLE -> NODES.numberNode(value.asDouble().getValue());
      case DECIMAL128 -> NODES.numberNode(value.asDecimal128().getValue().bigDecimalValue());
      case BINARY -> NODES.binaryNode(value.asBinary().getData());
      case NULL, UNDEFINED -> NODES.nullNode();
      default -> throw new BsonInvalidOperationException("unexpected BSON " + value.getBsonType()
          + " in a stored record");
    };
  }

  /** BSON as plain Java values (maps, lists, strings, numbers, booleans, nulls), as Jackson reads untyped JSON. */
  static @Nullable Object toJava(BsonValue value) {
    return switch (value.getBsonType()) {
      case DOCUMENT -> toMap(value.asDocument());
      case ARRAY -> {
        List<@Nullable Object> list = new ArrayList<>(value.asArray().size());
        value.asArray().forEach(v -> list.add(toJava(v)));
        yield list;
      }
      case STRING -> value.asString().getValue();
      case BOOLEAN -> value.asBoolean().getValue();
      case INT32 -> value.asInt32().getValue();
      case INT64 -> value.asInt64().getValue();
      case DOUBLE -> value.asDouble().getValue();
      case DECIMAL128 -> value.asDecimal128().getValue().bigDecimalValue();
      case BINARY -> value.asBinary().getData();
      case NULL, UNDEFINED -> null;
      default -> throw new BsonInvalidOperationException("unexpected BSON " + value.getBsonType()
          + " in a stored record");
    };
  }

  /** A BSON document as a Java map, keys in stored order; null values are kept, as in the JSON it came from. */
  static Map<String, Object> toMap(BsonDocument doc) {
    Map<String, Object> map = new LinkedHashMap<>();
    doc.forEach((k, v) -> map.put(k, toJava(v)));
    return map;
  }

  /** A string, or BSON null. */
  static BsonValue string(@Nullable String value) {
    return value == null ? BsonNull.VALUE : new BsonString(value);
  }

  /** The string under {@code key}; null when missing or null. */
  static @Nullable String stringOrNull(BsonDocument doc, String key) {
    BsonValue value = doc.get(key);
    return value == null || value.isNull() ? null : value.asString().getValue();
  }

  /** The number under {@code key} as a long; 0 when missing. */
  static long longOf(BsonDocument doc, String key) {
    BsonValue value = doc.get(key);
    return value == null || value.isNull() ? 0 : value.asNumber().longValue();
  }
}
