package dev.agentry.engine.tool.builtin;

import static dev.agentry.engine.tool.builtin.ToolCalls.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.agentry.engine.tool.Tool;
import dev.agentry.engine.tool.ToolResult;
import dev.agentry.engine.tool.ToolkitException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpFetchToolsTest {
  private HttpServer server;
  private final AtomicInteger requests = new AtomicInteger();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      requests.incrementAndGet();
      try (exchange) {
        handle(exchange);
      }
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private static void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    switch (path) {
      case "/hello" -> send(exchange, 200, "text/plain; charset=utf-8", "hello world");
      case "/echo" -> send(exchange, 200, "text/plain", exchange.getRequestMethod() + " "
          + exchange.getRequestHeaders().getFirst("Content-Type") + " "
          + exchange.getRequestHeaders().getFirst("X-Test") + " "
          + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      case "/big" -> send(exchange, 200, "text/plain", "a".repeat(50_000));
      case "/image" -> send(exchange, 200, "image/png", "\u0089PNG");
      case "/missing" -> send(exchange, 404, "text/plain", "no such page");
      case "/redirect" -> redirect(exchange, "/hello");
      case "/redirect-out" -> redirect(exchange, "http://evil.example/steal");
      case "/loop" -> redirect(exchange, "/loop");
      default -> send(exchange, 500, "text/plain", "unexpected " + path);
    }
  }

  private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    } catch (IOException e) {
      // The client stops reading at max_bytes and hangs up: expected for /big.
    }
  }

  private static void redirect(HttpExchange exchange, String location) throws IOException {
    exchange.getResponseHeaders().set("Location", location);
    exchange.sendResponseHeaders(302, -1);
  }

  private String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  private static List<Tool> tools(Map<String, Object> options) {
    return HttpFetchTools.create(options, Path.of("."));
  }

  private static List<Tool> local() {
    return tools(Map.of(
        "allowed_hosts", List.of("127.0.0.1"),
        "allow_private_addresses", true,
        "allowed_methods", List.of("GET", "POST"),
        "max_bytes", 100));
  }

  private ToolResult fetch(List<Tool> tools, String arguments) {
    return call(tools, "fetch_url", arguments);
  }

  @Test
  void gets_a_page_with_its_status_and_content_type() {
    ToolResult result = fetch(local(), "{\"url\": \"" + url("/hello") + "\"}");
    assertThat(result.outcome()).isEqualTo(ToolResult.Outcome.OK);
    assertThat(result.content()).isEqualTo("status: 200\ncontent_type: text/plain; charset=utf-8\nurl: "
        + url("/hello") + "\n\nhello world");
  }

  @Test
  void posts_a_body_with_headers_and_a_guessed_json_content_type() {
    ToolResult result = fetch(local(), "{\"url\": \"" + url("/echo") + "\", \"method\": \"POST\","
        + " \"body\": \"{\\\"q\\\": 1}\", \"headers\": {\"X-Test\": \"yes\"}}");
    assertThat(result.content()).endsWith("\n\nPOST application/json yes {\"q\": 1}");
  }

  @Test
  void cuts_the_body_at_max_bytes_with_a_note() {
    ToolResult result = fetch(local(), "{\"url\": \"" + url("/big") + "\"}");
    assertThat(result.outcome()).isEqualTo(ToolResult.Outcome.OK);
    assertThat(result.content()).contains("\n\n" + "a".repeat(100) + "\n[truncated: the body is longer than 100");
    assertThat(result.content()).doesNotContain("a".repeat(101));
  }

  @Test
  void follows_a_redirect_to_an_allowed_url() {
    ToolResult result = fetch(local(), "{\"url\": \"" + url("/redirect") + "\"}");
    assertThat(result.content()).contains("url: " + url("/hello")).endsWith("hello world");
  }

  @Test
  void refuses_a_redirect_to_a_host_that_is_not_allowed() {
    ToolResult result = fetch(local(), "{\"url\": \"" + url("/redirect-out") + "\"}");
    assertThat(result.outcome()).isEqualTo(ToolResult.Outcome.ERROR);
    assertThat(result.content()).contains("'evil.example'").contains("allowed_hosts");
  }

  @Test
  void stops_after_five_redirects() {
    ToolResult result = fetch(local(), "{\"url\": \"" + url("/loop") + "\"}");
    assertThat(result.content()).contains("stopped after 5 redirects");
    assertThat(requests).hasValue(6);
  }

  @Test
  void an_error_status_is_an_error_result_that_still_shows_the_response() {
    ToolResult result = fetch(local(), "{\"url\": \"" + url("/missing") + "\"}");
    assertThat(result.outcome()).isEqualTo(ToolResult.Outcome.ERROR);
    assertThat(result.content()).startsWith("status: 404").endsWith("no such page");
  }

  @Test
  void does_not_show_a_binary_body() {
    assertThat(fetch(local(), "{\"url\": \"" + url("/image") + "\"}").content())
        .contains("[the body is not text (image/png) and is not shown]");
  }

  @Test
  void refuses_a_loopback_address_even_when_its_host_is_allowed() {
    List<Tool> tools = tools(Map.of("allowed_hosts", List.of("127.0.0.1", "localhost")));
    for (String host : List.of("127.0.0.1", "localhost")) {
      String target = "http://" + host + ":" + server.getAddress().getPort() + "/hello";
      ToolResult result = fetch(tools, "{\"url\": \"" + target + "\"}");
      assertThat(result.outcome()).isEqualTo(ToolResult.Outcome.ERROR);
      assertThat(result.content()).contains("'" + host + "'").contains("allow_private_addresses");
    }
    assertThat(requests).hasValue(0);
  }

  @Test
  void refuses_an_allowed_name_that_resolves_to_a_private_address() {
    List<Tool> tools = HttpFetchTools.create(Map.of("allowed_hosts", List.of("*.example.com")),
        host -> new InetAddress[] {InetAddress.getByName("93.184.215.14"), InetAddress.getByName("10.0.0.7")});
    ToolResult result = fetch(tools, "{\"url\": \"https://api.example.com/\"}");
    assertThat(result.content()).contains("'api.example.com'").contains("non-public address");
  }

  @Test
  void refuses_a_host_that_is_not_allowed_naming_it_and_the_option() {
    ToolResult result = fetch(local(), "{\"url\": \"https://example.com/\"}");
    assertThat(result.outcome()).isEqualTo(ToolResult.Outcome.ERROR);
    assertThat(result.content()).contains("'example.com'").contains("allowed_hosts");
  }

  @Test
  void refuses_schemes_other_than_http_and_https() {
    assertThat(fetch(local(), "{\"url\": \"file:///etc/passwd\"}").content()).contains("only http and https");
    assertThat(fetch(local(), "{\"url\": \"ftp://127.0.0.1/x\"}").content()).contains("not 'ftp'");
    assertThat(fetch(local(), "{\"url\": \"/relative\"}").content()).contains("absolute");
  }

  @Test
  void offers_only_get_unless_post_is_allowed() {
    List<Tool> getOnly = tools(Map.of("allowed_hosts", List.of("127.0.0.1"), "allow_private_addresses", true));
    assertThat(ToolCalls.find(getOnly, "fetch_url").definition().parameters().get("properties").propertyNames())
        .containsExactly("url", "headers");
    assertThat(fetch(getOnly, "{\"url\": \"" + url("/echo") + "\", \"method\": \"POST\"}").content())
        .contains("method POST is not allowed");
    assertThat(fetch(local(), "{\"url\": \"" + url("/echo") + "\", \"body\": \"x\"}").content())
        .contains("GET request cannot carry a body");
    assertThat(requests).hasValue(0);
  }

  @Test
  void bad_options_are_refused_naming_the_option() {
    assertThatThrownBy(() -> tools(Map.of())).isInstanceOf(ToolkitException.class)
        .hasMessageContaining("'allowed_hosts' is required");
    assertThatThrownBy(() -> tools(Map.of("allowed_hosts", List.of("https://example.com/"))))
        .hasMessageContaining("'allowed_hosts'");
    assertThatThrownBy(() -> tools(Map.of("allowed_hosts", List.of("*"))))
        .hasMessageContaining("'allowed_hosts'");
    assertThatThrownBy(() -> tools(Map.of("allowed_hosts", List.of("a.com"), "allowed_methods", List.of("DELETE"))))
        .hasMessageContaining("'allowed_methods'");
    assertThatThrownBy(() -> tools(Map.of("allowed_hosts", List.of("a.com"), "max_bytes", 0)))
        .hasMessageContaining("'max_bytes'");
  }
}
