package dev.agentry.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Odd request lines, methods and headers, sent as raw bytes over a socket (Java's HTTP clients refuse most of them):
 * each gets a 4xx with a JSON {@code {"detail": ...}} body, never a 5xx, and the server keeps serving.
 */
class RequestLineTest {
  static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start(TestServer.SPECS);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** One raw request and the status it must get (0: any 4xx). */
  record Case(String name, String request, int status) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    String host = "Host: localhost\r\nConnection: close\r\n";
    return Stream.of(
        new Case("lower-case method with an empty text/plain body", "get /agents HTTP/1.1\r\n" + host
            + "Content-Type: text/plain\r\nContent-Length: 0\r\n\r\n", 405),
        new Case("lower-case method without a body", "get /health HTTP/1.1\r\n" + host + "\r\n", 405),
        new Case("mixed-case method", "Get /health HTTP/1.1\r\n" + host + "\r\n", 405),
        new Case("lower-case POST of a run", "post /agents/echo/runs HTTP/1.1\r\n" + host
            + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 10\r\n\r\nmessage=hi", 405),
        new Case("method with a dash", "M-SEARCH /health HTTP/1.1\r\n" + host + "\r\n", 405),
        new Case("method with a digit", "GET2 /health HTTP/1.1\r\n" + host + "\r\n", 405),
        new Case("unknown upper-case method", "BREW /agents HTTP/1.1\r\n" + host + "\r\n", 405),
        new Case("TRACE", "TRACE /agents HTTP/1.1\r\n" + host + "\r\n", 405),
        new Case("relative request target", "GET agents HTTP/1.1\r\n" + host + "\r\n", 400),
        new Case("asterisk request target on GET", "GET * HTTP/1.1\r\n" + host + "\r\n", 400),
        new Case("absolute target naming another host", "GET http://elsewhere/agents HTTP/1.1\r\n" + host + "\r\n",
            400),
        new Case("no Host header", "GET /health HTTP/1.1\r\nConnection: close\r\n\r\n", 400),
        new Case("a NUL byte in a header value", "GET /health HTTP/1.1\r\n" + host + "X-Test: a\0b\r\n\r\n", 400),
        new Case("Content-Length that is not a number", "POST /sessions HTTP/1.1\r\n" + host
            + "Content-Type: application/json\r\nContent-Length: abc\r\n\r\n{}", 400),
        new Case("two different Content-Lengths", "POST /sessions HTTP/1.1\r\n" + host
            + "Content-Type: application/json\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}", 400),
        new Case("JSON body in an unknown charset", "POST /sessions HTTP/1.1\r\n" + host
            + "Content-Type: application/json; charset=bogus\r\nContent-Length: 9\r\n\r\n{\"x\": []}", 201),
        new Case("form in an unknown charset", "POST /agents/echo/runs HTTP/1.1\r\n" + host
            + "Content-Type: application/x-www-form-urlencoded; charset=bogus\r\nContent-Length: 10\r\n\r\nmessage=hi",
            0),
        new Case("an empty Content-Type", "GET /agents HTTP/1.1\r\n" + host + "Content-Type: \r\n\r\n", 200),
        new Case("a header line without a colon", "GET /health HTTP/1.1\r\n" + host + "NoColonHere\r\n\r\n", 400),
        new Case("an unsupported HTTP version", "GET /health HTTP/3.7\r\n" + host + "\r\n", 400),
        new Case("a request line with no version", "GET /health\r\n" + host + "\r\n", 0),
        new Case("a space before the method", "  GET /health HTTP/1.1\r\n" + host + "\r\n", 400),
        new Case("a NUL byte in the path", "GET /he\0alth HTTP/1.1\r\n" + host + "\r\n", 400),
        new Case("two Host headers", "GET /health HTTP/1.1\r\nHost: a\r\nHost: b\r\nConnection: close\r\n\r\n", 400),
        new Case("a 20 KB header", "GET /health HTTP/1.1\r\n" + host + "X-Big: " + "a".repeat(20_000) + "\r\n\r\n",
            431),
        new Case("an Expect the server does not know", "POST /sessions HTTP/1.1\r\n" + host
            + "Content-Type: application/json\r\nExpect: bogus\r\nContent-Length: 2\r\n\r\n{}", 417),
        new Case("a Transfer-Encoding other than chunked", "POST /sessions HTTP/1.1\r\n" + host
            + "Content-Type: application/json\r\nTransfer-Encoding: gzip\r\n\r\n{}", 400),
        new Case("a chunk size that is not hex", "POST /sessions HTTP/1.1\r\n" + host
            + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n", 400),
        new Case("a CORS preflight asking for a lower-case method", "OPTIONS /agents HTTP/1.1\r\n" + host
            + "Origin: http://localhost:3000\r\nAccess-Control-Request-Method: get\r\n\r\n", 200));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void odd_request_gets_a_client_error_with_a_json_detail_never_a_server_error(Case c) {
    String response = send(c.request());
    int status = Integer.parseInt(response.substring(9, 12));
    assertThat(status).as(response).isLessThan(500);
    if (c.status() == 0) {
      assertThat(status).as(response).isBetween(400, 499);
    } else {
      assertThat(status).as(response).isEqualTo(c.status());
    }
    String body = response.substring(response.indexOf("\r\n\r\n") + 4);
    if (status >= 400 && !body.isEmpty()) {
      assertThat(TestServer.JSON.readTree(body).propertyNames()).as(body).containsExactly("detail");
      assertThat(body).doesNotContain("Exception", "dev.agentry", "java.", "\tat ");
    }
  }

  @Test
  void server_still_answers_after_the_odd_requests() {
    cases().forEach(c -> send(c.request()));
    assertThat(server.get("/health").statusCode()).isEqualTo(200);
  }

  private static String send(String request) {
    URI uri = URI.create(server.url());
    try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      InputStream in = socket.getInputStream();
      byte[] buffer = new byte[8192];
      for (int n; (n = in.read(buffer)) > 0; ) {
        out.write(buffer, 0, n);
      }
      return out.toString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
