package dev.agentry.server.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.jspecify.annotations.Nullable;

/**
 * Jetty's error handler, replaced so that a request Jetty refuses before any route sees it (an undecodable or too
 * long URI, headers too large) still gets the contract's {@code {"detail": ...}} rather than an HTML
 * page ({@code agentos-api.md} §1.2), and a request line Jetty cannot read is a 4xx, never a 5xx. Everything that
 * reaches Javalin is mapped in {@link Routes}.
 */
public final class JettyErrors extends ErrorHandler {
  /** Every method gets the body, not only Jetty's default GET, POST and HEAD (Agent UI sends DELETE too). */
  @Override
  public boolean errorPageForMethod(String method) {
    return true;
  }

  @Override
  protected void generateResponse(Request request, Response response, int code, @Nullable String message,
      @Nullable Throwable cause, Callback callback) throws IOException {
    if (code == HttpStatus.HTTP_VERSION_NOT_SUPPORTED_505) {
      // the client's request line is at fault, not the server: a 4xx, so that no client input shows up as a 5xx
      code = HttpStatus.BAD_REQUEST_400;
      message = "Unsupported HTTP version: use HTTP/1.1";
      response.setStatus(code);
    }
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    // Jetty drops the connection after some of these (a 414) without saying so; a client reusing it would fail
    response.getHeaders().put(HttpHeader.CONNECTION, "close");
    response.write(true, ByteBuffer.wrap(body(code, message)), callback);
  }

  private static byte[] body(int code, @Nullable String message) {
    String detail = switch (code) {
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 413 -> Routes.TOO_LARGE;
      default -> Routes.plain(message, String.valueOf(HttpStatus.getMessage(code)));
    };
    return Json.MAPPER.writeValueAsBytes(Map.of("detail", detail));
  }
}
