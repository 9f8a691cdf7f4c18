package dev.agentry.server.http;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The servlet filter in front of everything that answers a request whose method Javalin cannot represent: methods
 * are case-sensitive tokens ({@code get} is not {@code GET}), and Javalin fails with a 500 on any name that is not
 * upper-case letters. Such a request gets the 405 {@code {"detail": "Method Not Allowed"}} that any other unknown
 * method gets, written by {@link JettyErrors}.
 */
public final class MethodCheck implements Filter {
  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    String method = ((HttpServletRequest) req).getMethod();
    if (!isUpperCaseName(method)) {
      ((HttpServletResponse) res).sendError(405);
      return;
    }
    chain.doFilter(req, res);
  }

  private static boolean isUpperCaseName(String method) {
    if (method == null || method.isEmpty()) {
      return false;
    }
    for (int i = 0; i < method.length(); i++) {
      char c = method.charAt(i);
      if (c < 'A' || c > 'Z') {
        return false;
      }
    }
    return true;
  }
}
