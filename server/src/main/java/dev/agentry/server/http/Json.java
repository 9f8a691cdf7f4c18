package dev.agentry.server.http;

import dev.agentry.engine.event.EventJson;
import java.io.InputStream;
import java.lang.reflect.Type;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API's JSON: the engine's snake_case mapper (null fields left out), plugged into Javalin so that
 * {@code ctx.json(...)} and {@code ctx.bodyAsClass(...)} use it.
 */
public final class Json implements io.javalin.json.JsonMapper {
  /** The mapper every response and request body goes through. */
  public static final JsonMapper MAPPER = EventJson.MAPPER;

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
      return MAPPER.readValue(json, MAPPER.getTypeFactory().constructType(type));
    } catch (JacksonException e) {
      throw invalidBody(e);
    }
  }

  /** Reads a JSON text as {@code type}; a 422 when it is not valid JSON of that shape. */
  public static <T> T read(String json, Type type) {
    try {
      return MAPPER.readValue(json, MAPPER.getTypeFactory().constructType(type));
    } catch (JacksonException e) {
      throw invalidBody(e);
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

  private static ApiException invalidBody(JacksonException e) {
    String message = e.getOriginalMessage();
    return ApiException.invalidValue("json_invalid", "body", "", "JSON decode error",
        message == null ? null : message.lines().findFirst().orElse(message));
  }
}
