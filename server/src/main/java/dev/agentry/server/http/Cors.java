package dev.agentry.server.http;

import dev.agentry.engine.spec.AgentOsSpec;
import dev.agentry.server.AgentOs;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.List;

/**
 * CORS as AgentOS answers it ({@code agentos-api.md} §1.3): the allowed origins come from the {@code AgentOS}
 * resource's {@code cors_allowed_origins} (Agno's defaults otherwise, Agent UI's {@code http://localhost:3000} among
 * them); an allowed origin is echoed with credentials allowed, and a preflight is answered here with a max age of
 * 600 s.
 */
public final class Cors {
  /** Agno's default origins. */
  static final List<String> DEFAULT_ORIGINS = List.of("http://localhost:3000", "https://agno.com",
      "https://www.agno.com", "https://app.agno.com", "https://os-stg.agno.com", "https://os.agno.com");

  private Cors() {}

  /**
   * Adds the CORS headers for an allowed origin; answers a preflight completely. Returns true when the request was
   * a preflight and needs nothing more.
   */
  public static boolean apply(AgentOs os, Context ctx) {
    String origin = ctx.header("Origin");
    boolean preflight = ctx.method() == HandlerType.OPTIONS && ctx.header("Access-Control-Request-Method") != null;
    if (origin == null) {
      return false;
    }
    if (!allowed(os).contains(origin)) {
      if (preflight) {
        ctx.status(400).result("Disallowed CORS origin");
        return true;
      }
      return false;
    }
    ctx.header("Access-Control-Allow-Origin", origin);
    ctx.header("Access-Control-Allow-Credentials", "true");
    ctx.header("Vary", "Origin");
    if (!preflight) {
      ctx.header("Access-Control-Expose-Headers", "*");
      return false;
    }
    ctx.header("Access-Control-Allow-Methods", "DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT");
    String headers = ctx.header("Access-Control-Request-Headers");
    if (headers != null) {
      ctx.header("Access-Control-Allow-Headers", headers);
    }
    ctx.header("Access-Control-Max-Age", "600");
    ctx.status(200).result("OK");
    return true;
  }

  private static List<String> allowed(AgentOs os) {
    AgentOsSpec spec = os.osSpec();
    List<String> origins = spec == null || spec.corsAllowedOrigins() == null ? DEFAULT_ORIGINS
        : spec.corsAllowedOrigins();
    return origins.stream().filter(o -> !"*".equals(o)).toList();
  }
}
