package dev.agentry.engine.tool.http;

import dev.agentry.engine.tool.ToolkitException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How requests authenticate ({@code schemas/toolkit.schema.json#/$defs/auth}). The secrets are never shown: not in
 * {@link #toString}, not in messages.
 *
 * @param type bearer, basic or api_key
 * @param token the bearer token or API key
 * @param username the user of basic auth
 * @param password the password of basic auth
 * @param name the header or query parameter that carries an API key
 * @param in where an API key goes: header or query
 */
public record Auth(String type, @Nullable String token, @Nullable String username, @Nullable String password,
    @Nullable String name, String in) {

  /** Reads {@code auth} of a settings object; null when absent. {@code name} may be left for {@link #withKeyName}. */
  public static @Nullable Auth read(Fields settings) {
    Fields auth = settings.object("auth");
    if (auth == null) {
      return null;
    }
    String type = auth.requiredString("type").toLowerCase(Locale.ROOT);
    String in = auth.string("in") == null ? "header" : auth.requiredString("in").toLowerCase(Locale.ROOT);
    Auth result = new Auth(type, auth.string("token"), auth.string("username"), auth.string("password"),
        auth.string("name"), in);
    switch (type) {
      case "bearer" -> require(auth, "token", result.token, type);
      case "basic" -> {
        require(auth, "username", result.username, type);
        require(auth, "password", result.password, type);
      }
      case "api_key" -> {
        require(auth, "token", result.token, type);
        if (!in.equals("header") && !in.equals("query")) {
          throw auth.fail("in", "must be header or query");
        }
      }
      default -> throw auth.fail("type", "must be bearer, basic or api_key, not '" + type + "'");
    }
    return result;
  }

  private static void require(Fields auth, String field, @Nullable String value, String type) {
    if (value == null || value.isEmpty()) {
      throw auth.fail(field, "is required for type " + type);
    }
  }

  /** This API key auth with {@code name} and {@code in} filled when it names none (from an OpenAPI scheme). */
  public Auth withKeyName(String keyName, String keyIn) {
    return name != null ? this : new Auth(type, token, username, password, keyName, keyIn);
  }

  /** Checks an API key has the header or parameter that carries it; {@code where} names the setting. */
  public void check(String where) {
    if (type.equals("api_key") && (name == null || name.isBlank())) {
      throw new ToolkitException(where + ".name is required for type api_key (the header or query parameter that"
          + " carries the key, such as X-API-Key)");
    }
  }

  /** Adds the credentials to a request's headers or query parameters. */
  void apply(Map<String, String> headers, Map<String, String> query) {
    switch (type) {
      case "bearer" -> headers.put("Authorization", "Bearer " + token);
      case "basic" -> headers.put("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
      default -> {
        if (in.equals("query")) {
          query.put(String.valueOf(name), String.valueOf(token));
        } else {
          headers.put(String.valueOf(name), String.valueOf(token));
        }
      }
    }
  }

  @Override
  public String toString() {
    return "Auth[" + type + (name == null ? "" : " " + in + " " + name) + "]";
  }
}
