package dev.agentry.server.http;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The one rule for text the API takes in: no NUL character ({@code \u0000}) and no unpaired UTF-16 surrogate, which
 * PostgreSQL cannot store (in {@code text} or {@code jsonb}) and no other backend should hold either. Such input is
 * refused with FastAPI's 422 list ({@code agentos-api.md} §1.2) before anything runs, whatever the database, so the
 * API answers the same on SQLite and PostgreSQL; refusing beats storing it escaped, which would hand clients back a
 * different string than they sent.
 *
 * <p>It is applied where input is read: query and path parameters of every route ({@link #check(Context)}, a
 * before-matched handler), form fields ({@link Forms}) and JSON bodies and JSON form fields ({@link Json}).
 */
final class InputText {
  private static final String MESSAGE =
      "Value error, text may not contain NUL characters (\\u0000) or unpaired UTF-16 surrogates";

  private InputText() {}

  /** Checks the query and path parameters of a request, names and values. */
  static void check(Context ctx) {
    ctx.pathParamMap().forEach((name, value) -> check("path", name, value));
    ctx.queryParamMap().forEach((name, values) -> {
      check("query", name, name);
      values.forEach(value -> check("query", name, value));
    });
  }

  /** Checks the fields of a form, names and values. */
  static void check(Map<String, List<String>> fields) {
    fields.forEach((name, values) -> {
      check("body", name, name);
      values.forEach(value -> check("body", name, value));
    });
  }

  /** Checks every string (values and object keys) of a JSON value found at {@code loc}. */
  static void check(JsonNode node, List<Object> loc) {
    if (node.isString()) {
      refuseIfBad(loc, node.stringValue());
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        check(node.get(i), append(loc, i));
      }
    } else if (node.isObject()) {
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        refuseIfBad(append(loc, field.getKey()), field.getKey());
        check(field.getValue(), append(loc, field.getKey()));
      }
    }
  }

  private static void check(String where, String name, String value) {
    refuseIfBad(List.of(where, name), value);
  }

  private static void refuseIfBad(List<Object> loc, String value) {
    if (isStorable(value)) {
      return;
    }
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("type", "value_error");
    error.put("loc", loc.stream().map(InputText::shown).toList());
    error.put("msg", MESSAGE);
    error.put("input", shown(value));
    throw ApiException.invalid(List.of(error));
  }

  /** True when {@code value} holds no NUL and no unpaired surrogate. */
  static boolean isStorable(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == 0) {
        return false;
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
          return false;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  /** The value as echoed back: the characters refused become U+FFFD, which any JSON writer can send. */
  private static Object shown(Object value) {
    if (!(value instanceof String text) || isStorable(text)) {
      return value;
    }
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1));
      if (pair) {
        out.append(c).append(text.charAt(++i));
      } else {
        out.append(c == 0 || Character.isSurrogate(c) ? '\uFFFD' : c);
      }
    }
    return out.toString();
  }

  private static List<Object> append(List<Object> loc, @Nullable Object next) {
    List<Object> longer = new ArrayList<>(loc.size() + 1);
    longer.addAll(loc);
    longer.add(next);
    return longer;
  }
}
