package dev.agentry.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * CORS as Agent UI needs it ({@code agent-ui.md}: a preflight before every GET and DELETE from
 * {@code http://localhost:3000}) and the security-key mode ({@code agentos-api.md} §1.3, §5.1-5.3).
 */
class CorsAuthTest {
  private static final String UI = "http://localhost:3000";
  private static final String KEY = "s3cret";

  static TestServer open;
  static TestServer secured;
  static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  static void start() {
    open = TestServer.start(TestServer.SPECS);
    Map<String, String> specs = new HashMap<>(TestServer.SPECS);
    specs.put("os.yaml", TestServer.SPECS.get("os.yaml").replace("  name: Test OS\n",
        "  name: Test OS\n  security_key: \"" + KEY + "\"\n"));
    secured = TestServer.start(specs);
  }

  @AfterAll
  static void stop() {
    open.close();
    secured.close();
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({"GET, /agents", "GET, /health", "GET, /sessions", "DELETE, /sessions/s1", "POST, /agents/echo/runs",
      "GET, /agents/"})
  void preflight_from_agent_ui_is_allowed(String method, String path) {
    for (TestServer server : new TestServer[] {open, secured}) {
      HttpResponse<String> response = preflight(server, UI, method, path);
      assertThat(response.statusCode()).as(path).isBetween(200, 299);
      assertThat(header(response, "Access-Control-Allow-Origin")).isEqualTo(UI);
      assertThat(header(response, "Access-Control-Allow-Credentials")).isEqualTo("true");
      assertThat(header(response, "Access-Control-Max-Age")).isEqualTo("600");
      assertThat(header(response, "Access-Control-Allow-Methods")).contains(method);
      assertThat(header(response, "Access-Control-Allow-Headers").toLowerCase(java.util.Locale.ROOT))
          .contains("content-type", "authorization");
    }
  }

  @Test
  void request_from_an_allowed_origin_gets_the_origin_echoed() {
    HttpResponse<String> response = send(open, "GET", "/agents", Map.of("Origin", UI));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(header(response, "Access-Control-Allow-Origin")).isEqualTo(UI);
    assertThat(header(response, "Access-Control-Allow-Credentials")).isEqualTo("true");
  }

  @Test
  void disallowed_origin_gets_no_allow_origin() {
    HttpResponse<String> preflight = preflight(open, "http://evil.example", "GET", "/agents");
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    assertThat(preflight.statusCode()).isEqualTo(400);
    HttpResponse<String> get = send(open, "GET", "/agents", Map.of("Origin", "http://evil.example"));
    assertThat(get.statusCode()).isEqualTo(200);
    assertThat(get.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
  }

  @Test
  void missing_authorization_is_401_header_required() {
    HttpResponse<String> response = send(secured, "GET", "/agents", Map.of());
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).isEqualTo("{\"detail\":\"Authorization header required\"}");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Bearer wrong", "Bearer ", "Basic czNjcmV0", "Bearer s3cret2"})
  void wrong_token_is_401_invalid_authentication_token(String authorization) {
    HttpResponse<String> response = send(secured, "GET", "/agents", Map.of("Authorization", authorization));
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).isEqualTo("{\"detail\":\"Invalid authentication token\"}");
  }

  @Test
  void right_bearer_is_let_through() {
    assertThat(send(secured, "GET", "/agents", Map.of("Authorization", "Bearer " + KEY)).statusCode()).isEqualTo(200);
    assertThat(send(secured, "GET", "/agents/echo", Map.of("Authorization", "bearer " + KEY)).statusCode())
        .isEqualTo(200);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/", "/health", "/health/", "/info", "/openapi.json", "/docs"})
  void public_routes_need_no_key(String path) {
    assertThat(send(secured, "GET", path, Map.of()).statusCode()).isEqualTo(200);
  }

  @Test
  void unknown_path_is_401_before_404_without_a_key() {
    assertThat(send(secured, "GET", "/nope", Map.of()).statusCode()).isEqualTo(401);
    HttpResponse<String> known = send(secured, "GET", "/nope", Map.of("Authorization", "Bearer " + KEY));
    assertThat(known.statusCode()).isEqualTo(404);
    assertThat(known.body()).isEqualTo("{\"detail\":\"Not Found\"}");
  }

  @Test
  void a_401_carries_the_cors_headers_so_agent_ui_can_read_it() {
    HttpResponse<String> response = send(secured, "GET", "/agents", Map.of("Origin", UI));
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(header(response, "Access-Control-Allow-Origin")).isEqualTo(UI);
    assertThat(header(response, "Access-Control-Allow-Credentials")).isEqualTo("true");
    assertThat(header(response, "Content-Type")).startsWith("application/json");
    assertThat(response.body()).isEqualTo("{\"detail\":\"Authorization header required\"}");
    HttpResponse<String> run = send(secured, "POST", "/agents/echo/runs", Map.of("Origin", UI,
        "Authorization", "Bearer nope"));
    assertThat(run.statusCode()).isEqualTo(401);
    assertThat(header(run, "Access-Control-Allow-Origin")).isEqualTo(UI);
  }

  @Test
  void the_document_declares_the_bearer_scheme_on_protected_routes_only() {
    JsonNode paths = TestServer.json(send(secured, "GET", "/openapi.json", Map.of())).path("paths");
    assertThat(paths.path("/agents").path("get").path("security").toString()).isEqualTo("[{\"HTTPBearer\":[]}]");
    assertThat(paths.path("/health").path("get").has("security")).isFalse();
    JsonNode openPaths = TestServer.json(open.get("/openapi.json")).path("paths");
    assertThat(openPaths.path("/agents").path("get").has("security")).isFalse();
  }

  private static HttpResponse<String> preflight(TestServer server, String origin, String method, String path) {
    return send(server, "OPTIONS", path, Map.of("Origin", origin, "Access-Control-Request-Method", method,
        "Access-Control-Request-Headers", "Content-Type, Authorization"));
  }

  private static HttpResponse<String> send(TestServer server, String method, String path,
      Map<String, String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url() + path))
        .timeout(Duration.ofSeconds(30)).method(method, HttpRequest.BodyPublishers.noBody());
    headers.forEach(request::header);
    try {
      return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String header(HttpResponse<String> response, String name) {
    return response.headers().firstValue(name).orElseThrow(() -> new AssertionError("no " + name + " header in "
        + response.headers().map()));
  }
}
