package dev.agentry.server.auth;

import dev.agentry.server.AgentOs;
import dev.agentry.server.http.ApiException;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The authentication before-handler ({@code agentos-api.md} §5.1-5.3): on every route but the excluded ones and CORS
 * preflights, finds who the bearer is and attaches the {@link Principal}, or refuses with Agno's 401 texts. A bearer
 * equal to the security key is full access in every mode; any other bearer is a JWT when JWTs are in use. Error
 * bodies go through {@link ApiException}, so the CORS filter in front of the routes adds its headers to them.
 */
public final class Authentication {
  private static final Logger LOG = LoggerFactory.getLogger(Authentication.class);

  /** Agno's default excluded routes (fnmatch patterns, a trailing slash tolerated). */
  public static final List<String> EXCLUDED = List.of("/", "/health", "/info", "/docs", "/redoc", "/openapi.json",
      "/docs/oauth2-redirect");
  private static final List<Pattern> EXCLUDED_PATTERNS = EXCLUDED.stream().map(Authentication::fnmatch).toList();

  private Authentication() {}

  /** The before-handler: attaches the principal, or throws the contract's 401. */
  public static void check(AgentOs os, Context ctx) {
    // the workflow socket authenticates in its own protocol (its authenticate action, agentos-api.md §3.8)
    if (ctx.method() == HandlerType.OPTIONS || isExcluded(ctx.path())
        || dev.agentry.server.http.WorkflowSocket.PATH.equals(ctx.path())) {
      return;
    }
    AuthSettings settings = AuthSettings.of(os);
    if (!settings.protects()) {
      return;
    }
    if (settings.problem() != null) {
      throw ApiException.of(503, "Authentication is temporarily unavailable"); // the reason was logged
    }
    String token = bearer(ctx.header("Authorization"));
    if (token == null || token.isEmpty() && settings.jwt() != null) {
      throw ApiException.of(401, settings.jwt() != null ? "Authorization header missing"
          : "Authorization header required");
    }
    Principal.attach(ctx, authenticate(settings, token));
  }

  /**
   * The principal {@code token} proves under {@code settings} (the workflow socket's authenticate action uses this
   * too).
   *
   * @throws ApiException the 401 (or 503 when a JWKS URL cannot be fetched) with Agno's text
   */
  public static Principal authenticate(AuthSettings settings, String token) {
    if (settings.problem() != null) {
      throw ApiException.of(503, "Authentication is temporarily unavailable");
    }
    String key = settings.securityKey();
    if (key != null && MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
        key.getBytes(StandardCharsets.UTF_8))) {
      return Principal.securityKey();
    }
    JwtVerifier jwt = settings.jwt();
    if (jwt == null) {
      throw ApiException.of(401, "Invalid authentication token");
    }
    try {
      return jwt.verify(token);
    } catch (JwtRejected e) {
      LOG.debug("JWT refused: {}", e.detail());
      throw ApiException.of(e.status(), e.detail());
    }
  }

  /** The token of an {@code Authorization} header: after {@code Bearer } (any case), else the whole value. */
  public static @Nullable String bearer(@Nullable String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    String value = header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7) : header;
    return value.strip();
  }

  /** True for the excluded routes (trailing slash tolerated). */
  public static boolean isExcluded(String path) {
    String trimmed = path.length() > 1 && path.endsWith("/") ? path.replaceAll("/+$", "") : path;
    for (Pattern pattern : EXCLUDED_PATTERNS) {
      if (pattern.matcher(path).matches() || pattern.matcher(trimmed.isEmpty() ? "/" : trimmed).matches()) {
        return true;
      }
    }
    return false;
  }

  /** Python's fnmatch as a regex: {@code *} any text (slashes included), {@code ?} one character, {@code [..]} sets. */
  static Pattern fnmatch(String glob) {
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      switch (c) {
        case '*' -> regex.append(".*");
        case '?' -> regex.append('.');
        case '[' -> {
          int end = glob.indexOf(']', i + 1);
          if (end < 0) {
            regex.append("\\[");
          } else {
            String set = glob.substring(i + 1, end);
            regex.append('[').append(set.startsWith("!") ? "^" + set.substring(1) : set).append(']');
            i = end;
          }
        }
        default -> regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }
}
