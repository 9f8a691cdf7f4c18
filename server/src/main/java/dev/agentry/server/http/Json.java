package dev.agentry.server.http;

import dev.agentry.engine.event.EventJson;
import java.io.InputStream;
import java.lang.reflect.Type;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * The API's JSON: the engine's snake_case mapper (null fields left out), plugged into Javalin so that
 * {@code ctx.json(...)} and {@code ctx.bodyAsClass(...)} use it.
 */
public final class Json implements io.javalin.json.JsonMapper {
  /** The mapper every response and request body goes through. */
  public static final JsonMapper MAPPER = EventJson.MAPPER;
  /** The mapper request bodies are read with: strict as pydantic is, a number or boolean is not a string. */
  private static final JsonMapper BODIES = MAPPER.rebuild()
      .withCoercionConfig(LogicalType.Textual, text -> text.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
      .build();

  @Override
  public String toJsonString(Object obj, Type type) {
    return MAPPER.writeValueAsString(obj);
  }

  @Override
  public <T> T fromJsonString(String json, Type type) {
    return read(json, type);
  }

  @Override
  public <T> T fromJsonStream(InputStream json, Type type) {
    try {
      return read(json.readAllBytes(), type);
    } catch (java.io.IOException e) {
      throw ApiException.badRequest("Malformed request: the body could not be read");
    }
  }

  /** Reads a JSON text as {@code type}; a 422 in FastAPI's shape when it is not valid JSON of that shape. */
  public static <T> T read(String json, Type type) {
    return read(json.getBytes(java.nio.charset.StandardCharsets.UTF_8), type);
  }

  /**
   * Reads a JSON body (UTF-8, or the UTF-16/32 its first bytes show, whatever charset the request claims) as
   * {@code type}: a 422 in FastAPI's shape when it is not JSON, holds text no database can store ({@link InputText}),
   * or does not have the shape of {@code type}; the errors never name a Java type.
   */
  public static <T> T read(byte[] json, Type type) {
    JsonNode tree;
    try {
      tree = MAPPER.readTree(json);
    } catch (JacksonException e) {
      throw JsonErrors.notJson(e);
    }
    InputText.check(tree, java.util.List.of("body"));
    try {
      return BODIES.treeToValue(tree, BODIES.getTypeFactory().constructType(type));
    } catch (JacksonException e) {
      throw JsonErrors.wrongShape(e, tree);
    }
  }

  /** Parses a JSON text; null when it is not JSON. */
  public static @org.jspecify.annotations.Nullable JsonNode parse(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JacksonException e) {
      return null;
    }
  }
}
