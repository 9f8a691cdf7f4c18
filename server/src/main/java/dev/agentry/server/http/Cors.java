package dev.agentry.server.http;

import dev.agentry.engine.spec.AgentOsSpec;
import dev.agentry.server.AgentOs;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;

/**
 * CORS as AgentOS answers it ({@code agentos-api.md} §1.3), as a servlet filter in front of every route, so that
 * errors (a 401 included) carry the headers too and a preflight never reaches the routes. The allowed origins come
 * from the live {@code AgentOS} resource's {@code cors_allowed_origins} (Agno's defaults otherwise, Agent UI's
 * {@code http://localhost:3000} among them); an allowed origin is echoed with credentials allowed, and a preflight
 * is answered with a max age of 600 s.
 */
public final class Cors implements Filter {
  /** Agno's default origins. */
  static final List<String> DEFAULT_ORIGINS = List.of("http://localhost:3000", "https://agno.com",
      "https://www.agno.com", "https://app.agno.com", "https://os-stg.agno.com", "https://os.agno.com");

  private final AgentOs os;

  public Cors(AgentOs os) {
    this.os = os;
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) req;
    HttpServletResponse response = (HttpServletResponse) res;
    String origin = request.getHeader("Origin");
    boolean preflight = "OPTIONS".equals(request.getMethod())
        && request.getHeader("Access-Control-Request-Method") != null;
    if (origin == null) {
      chain.doFilter(req, res);
      return;
    }
    boolean allowed = allows(origin);
    if (allowed) {
      response.setHeader("Access-Control-Allow-Origin", origin);
      response.setHeader("Access-Control-Allow-Credentials", "true");
      response.addHeader("Vary", "Origin");
    }
    if (!preflight) {
      if (allowed) {
        response.setHeader("Access-Control-Expose-Headers", "*");
      }
      chain.doFilter(req, res);
      return;
    }
    if (!allowed) {
      response.setStatus(400);
      response.setContentType("text/plain; charset=utf-8");
      response.getWriter().write("Disallowed CORS origin");
      return;
    }
    response.setHeader("Access-Control-Allow-Methods", "DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT");
    String headers = request.getHeader("Access-Control-Request-Headers");
    if (headers != null) {
      response.setHeader("Access-Control-Allow-Headers", headers);
    }
    response.setHeader("Access-Control-Max-Age", "600");
    response.setStatus(200);
    response.setContentType("text/plain; charset=utf-8");
    response.getWriter().write("OK");
  }

  /** Whether {@code origin} may call the API; {@code "*"} in the list is ignored, as Agno ignores it. */
  private boolean allows(String origin) {
    AgentOsSpec spec = os.osSpec();
    List<String> origins = spec == null || spec.corsAllowedOrigins() == null ? DEFAULT_ORIGINS
        : spec.corsAllowedOrigins();
    return !"*".equals(origin) && origins.contains(origin);
  }
}
