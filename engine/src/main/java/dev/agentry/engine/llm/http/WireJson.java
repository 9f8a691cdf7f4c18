package dev.agentry.engine.llm.http;

import dev.agentry.engine.internal.Json;
import dev.agentry.engine.llm.ModelException;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The JSON reading the provider clients share: a field of the wrong type reads as absent, unparseable text as a
 * clear error.
 */
public final class WireJson {
  private static final int SNIPPET = 120;

  private WireJson() {}

  /**
   * Parses an answer (a body or one event's data).
   *
   * @throws ModelException permanent, "provider X returned an unreadable answer: ...", when it is not JSON
   */
  public static JsonNode parse(String provider, String text) {
    try {
      JsonNode node = Json.MAPPER.readTree(text);
      if (node == null || node.isMissingNode()) {
        throw ModelException.permanent("provider " + provider + " returned an unreadable answer: it is empty");
      }
      return node;
    } catch (JacksonException e) {
      throw ModelException.permanent("provider " + provider + " returned an unreadable answer: "
          + firstLine(e.getOriginalMessage()) + " in '" + snippet(text) + "'");
    }
  }

  /** The string at {@code field}, or null when it is absent, null or not a string. */
  public static @Nullable String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isString() ? value.asString() : null;
  }

  /** The integer at {@code field}, or 0 when it is absent or not a number. */
  public static long count(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isNumber() ? value.asLong() : 0;
  }

  /** The provider's own words about an error, from the usual places in an error body; null when there are none. */
  public static @Nullable String errorMessage(JsonNode body) {
    JsonNode error = body.get("error");
    if (error != null && error.isString()) {
      return error.asString();
    }
    if (error != null && error.isObject() && text(error, "message") != null) {
      return text(error, "message");
    }
    String message = text(body, "message");
    return message != null ? message : text(body, "detail");
  }

  /** At most a short first part of {@code text} on one line, to quote in a message. */
  public static String snippet(String text) {
    return snippet(text, SNIPPET);
  }

  /** At most {@code max} characters of {@code text} on one line. */
  public static String snippet(String text, int max) {
    String line = text.strip().replaceAll("\\s+", " ");
    return line.length() <= max ? line : line.substring(0, max) + "...";
  }

  private static String firstLine(@Nullable String message) {
    if (message == null) {
      return "malformed JSON";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
