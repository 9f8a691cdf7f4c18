package dev.agentry.server.auth;

import dev.agentry.engine.spec.AgentOsSpec;
import dev.agentry.server.AgentOs;
import dev.agentry.server.http.ApiException;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Set;

/**
 * The bearer-token check of the API ({@code agentos-api.md} §5): when the {@code AgentOS} resource sets a
 * {@code security_key} (or {@code OS_SECURITY_KEY} is set), every request but the public routes and CORS preflights
 * must carry {@code Authorization: Bearer <key>}. The key is read from the live catalog, so a reload can change it.
 */
public final class SecurityKey {
  /** Routes that never need the key (Agno's default exclusions). */
  private static final Set<String> PUBLIC = Set.of("/", "/health", "/info", "/docs", "/openapi.json");

  private SecurityKey() {}

  /** The key the API is protected with, if any. */
  public static Optional<String> of(AgentOs os) {
    AgentOsSpec spec = os.osSpec();
    if (spec != null && spec.securityKey() != null && !spec.securityKey().value().isBlank()) {
      return Optional.of(spec.securityKey().value());
    }
    String env = System.getenv("OS_SECURITY_KEY");
    return env == null || env.isBlank() ? Optional.empty() : Optional.of(env);
  }

  /** A before-handler: throws the contract's 401 when the key is required and missing or wrong. */
  public static void check(AgentOs os, Context ctx) {
    // the workflow socket authenticates in its own protocol (its authenticate action, agentos-api.md §3.8)
    if (ctx.method() == HandlerType.OPTIONS || isPublic(ctx.path())
        || dev.agentry.server.http.WorkflowSocket.PATH.equals(ctx.path())) {
      return;
    }
    Optional<String> key = of(os);
    if (key.isEmpty()) {
      return;
    }
    String header = ctx.header("Authorization");
    if (header == null || header.isBlank()) {
      throw ApiException.of(401, "Authorization header required");
    }
    String token = header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip() : header.strip();
    if (!MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), key.get().getBytes(StandardCharsets.UTF_8))) {
      throw ApiException.of(401, "Invalid authentication token");
    }
  }

  /** True for the routes that never need the key (trailing slash tolerated). */
  public static boolean isPublic(String path) {
    String p = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    return PUBLIC.contains(p);
  }
}
