package dev.agentry.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Bad requests as a table (STYLE §33, {@code agentos-api.md} §1.2): each one gets its contract status and a JSON
 * {@code {"detail": ...}} body, never a 500, an HTML page or a stack trace, and the server keeps serving afterwards.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BadInputTest {
  private static final String RUNS = "/agents/echo/runs";
  private static final String FORM_ERROR = "Malformed form data: ";
  private static final int LIMIT = 64 * 1024;

  static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start(TestServer.SPECS, s -> s.maxRequestBytes(LIMIT));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** What the {@code detail} of a response must be. */
  sealed interface Detail {
    /** Exactly this text. */
    record Text(String text) implements Detail {}

    /** A text starting with this (the rest is Jetty's own words, e.g. "unexpected EOF in CONTENT"). */
    record Prefix(String prefix) implements Detail {}

    /** FastAPI's 422 list: one error of this type at this location. */
    record Invalid(String type, List<String> loc) implements Detail {}
  }

  /** One row: a request and the status and detail it must get. */
  record Case(String name, String method, String path, String contentType, byte[] body, int status, Detail detail) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        // malformed forms
        raw("multipart with a boundary the body does not use", RUNS, "multipart/form-data; boundary=OTHER",
            part("XYZ", "message", "hi") + "--XYZ--\r\n", 400, new Detail.Prefix(FORM_ERROR)),
        raw("multipart without a boundary parameter", RUNS, "multipart/form-data",
            part("XYZ", "message", "hi") + "--XYZ--\r\n", 400, new Detail.Prefix(FORM_ERROR)),
        raw("multipart truncated in a part", RUNS, "multipart/form-data; boundary=XYZ",
            "--XYZ\r\nContent-Disposition: form-data; name=\"message\"\r\n\r\nhi", 400, new Detail.Prefix(FORM_ERROR)),
        raw("multipart with an empty body", RUNS, "multipart/form-data; boundary=XYZ", "", 400,
            new Detail.Prefix(FORM_ERROR)),
        raw("multipart with a 10 KB field name", RUNS, "multipart/form-data; boundary=XYZ",
            part("XYZ", "message", "hi") + part("XYZ", "n".repeat(10_000), "v") + "--XYZ--\r\n", 400,
            new Detail.Prefix(FORM_ERROR)),
        raw("a JSON body where the run route takes a form", RUNS, "application/json", "{\"message\":\"hi\"}", 422,
            new Detail.Invalid("model_attributes_type", List.of("body", ""))),
        urlencoded("a 10 KB urlencoded field name and no message", RUNS, Map.of("n".repeat(10_000), "v"), 422,
            new Detail.Invalid("missing", List.of("body", "message"))),
        form("an uploaded file", RUNS, "--XYZ\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a.bin\"\r\n"
            + "Content-Type: application/x-unknown\r\n\r\nxx\r\n" + part("XYZ", "message", "hi") + "--XYZ--\r\n",
            400, new Detail.Prefix("Unsupported file type")),
        // size limit (ServerSettings.maxRequestBytes)
        form("a 200 KB multipart body over the 64 KB limit", RUNS,
            part("XYZ", "message", "a".repeat(200 * 1024)) + "--XYZ--\r\n", 413, new Detail.Text("Request body too large")),
        urlencoded("a 200 KB urlencoded body over the 64 KB limit", RUNS, Map.of("message", "a".repeat(200 * 1024)),
            413, new Detail.Text("Request body too large")),
        // field types and JSON fields
        urlencoded("message missing", RUNS, Map.of("stream", "false"), 422,
            new Detail.Invalid("missing", List.of("body", "message"))),
        urlencoded("stream=maybe", RUNS, Map.of("message", "hi", "stream", "maybe"), 422,
            new Detail.Invalid("bool_parsing", List.of("body", "stream"))),
        urlencoded("background=later", RUNS, Map.of("message", "hi", "background", "later"), 422,
            new Detail.Invalid("bool_parsing", List.of("body", "background"))),
        new Case("stream as invalid UTF-8 bytes", "POST", RUNS, "multipart/form-data; boundary=XYZ",
            concat(("--XYZ\r\nContent-Disposition: form-data; name=\"stream\"\r\n\r\n").getBytes(StandardCharsets.UTF_8),
                new byte[] {(byte) 0xff, (byte) 0xfe, (byte) 0xc3}, ("\r\n" + part("XYZ", "message", "hi")
                    + "--XYZ--\r\n").getBytes(StandardCharsets.UTF_8)), 422,
            new Detail.Invalid("bool_parsing", List.of("body", "stream"))),
        jsonField("session_state"),
        jsonField("metadata"),
        jsonField("dependencies"),
        jsonField("output_schema"),
        urlencoded("session_state that is JSON but not an object", RUNS, Map.of("message", "hi", "session_state", "[1]"),
            400, new Detail.Text("Invalid JSON in session_state field: expected a JSON object")),
        // continue and resume
        urlencoded("continue with tools that are not JSON", RUNS + "/r1/continue",
            Map.of("tools", "[{", "session_id", "s1"), 400, new Detail.Text("Invalid JSON in tools field")),
        urlencoded("continue with tools that are not a list", RUNS + "/r1/continue",
            Map.of("tools", "{}", "session_id", "s1"), 400,
            new Detail.Text("Invalid structure or content for tools: expected a list of tool executions")),
        urlencoded("continue without session_id", RUNS + "/r1/continue", Map.of("tools", "[]"), 400,
            new Detail.Text("session_id is required for this action")),
        urlencoded("continue an unknown run", RUNS + "/nope/continue", Map.of("tools", "[]", "session_id", "s1"), 404,
            new Detail.Text("Run not found")),
        urlencoded("resume with last_event_index=abc", RUNS + "/r1/resume", Map.of("last_event_index", "abc"), 422,
            new Detail.Invalid("int_parsing", List.of("body", "last_event_index"))),
        // unknown things and query parameters
        urlencoded("run an unknown agent", "/agents/nope/runs", Map.of("message", "hi"), 404,
            new Detail.Text("Agent not found")),
        get("get an unknown agent", "/agents/nope", 404, new Detail.Text("Agent not found")),
        get("get an unknown run", RUNS + "/nope?session_id=s1", 404, new Detail.Text("Run not found")),
        get("list runs without session_id", RUNS, 422, new Detail.Invalid("missing", List.of("query", "session_id"))),
        get("get a run without session_id", RUNS + "/r1", 422,
            new Detail.Invalid("missing", List.of("query", "session_id"))),
        get("an unknown path", "/nope", 404, new Detail.Text("Not Found")),
        get("an unknown nested path", "/agents/echo/nope/deeper", 404, new Detail.Text("Not Found")),
        get("a path with invalid UTF-8", "/agents/%FF", 400, new Detail.Prefix("")),
        get("a 20 KB query string", "/health?x=" + "a".repeat(20_000), 414, new Detail.Prefix("")),
        new Case("DELETE on a path with invalid UTF-8", "DELETE", "/sessions/%C3%28", null, new byte[0], 400,
            new Detail.Prefix("")),
        new Case("DELETE on a GET-only route", "DELETE", "/agents", null, new byte[0], 405,
            new Detail.Text("Method Not Allowed")),
        new Case("PUT /health", "PUT", "/health", null, new byte[0], 405, new Detail.Text("Method Not Allowed")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  @Order(1)
  void bad_request_gets_its_status_and_a_json_detail(Case c) {
    HttpResponse<String> response = server.send(c.method(), c.path(), HttpRequest.BodyPublishers.ofByteArray(c.body()),
        c.contentType());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(c.status());
    assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(t -> assertThat(t)
        .startsWith("application/json"));
    JsonNode body = TestServer.json(response);
    assertThat(body.propertyNames()).as(response.body()).containsExactly("detail");
    JsonNode detail = body.get("detail");
    switch (c.detail()) {
      case Detail.Text text -> assertThat(detail.asString()).isEqualTo(text.text());
      case Detail.Prefix prefix -> {
        assertThat(detail.isString()).as(response.body()).isTrue();
        assertThat(detail.asString()).startsWith(prefix.prefix()).doesNotContain("Exception", "\tat ");
      }
      case Detail.Invalid invalid -> {
        assertThat(detail.isArray()).as(response.body()).isTrue();
        assertThat(detail.get(0).path("type").asString()).isEqualTo(invalid.type());
        assertThat(detail.get(0).path("loc").valueStream().map(JsonNode::asString)).containsExactlyElementsOf(
            invalid.loc());
        assertThat(detail.get(0).path("msg").asString()).isNotBlank();
      }
    }
  }

  @Test
  @Order(2)
  void trailing_slashes_are_tolerated() {
    HttpResponse<String> plain = server.get("/agents");
    HttpResponse<String> slashed = server.get("/agents/");
    assertThat(slashed.statusCode()).isEqualTo(200);
    assertThat(slashed.body()).isEqualTo(plain.body());
    assertThat(server.get("/agents/echo/").body()).isEqualTo(server.get("/agents/echo").body());
    assertThat(server.get("/health/").statusCode()).isEqualTo(200);
    HttpResponse<String> run = server.postUrlencoded(RUNS + "/", Map.of("message", "hi", "stream", "false"));
    assertThat(run.statusCode()).isEqualTo(200);
    assertThat(TestServer.json(run).path("status").asString()).isEqualTo("COMPLETED");
  }

  @Test
  @Order(3)
  void server_still_answers_after_the_table() {
    assertThat(server.get("/health").statusCode()).isEqualTo(200);
    HttpResponse<String> run = server.postForm(RUNS, Map.of("message", "hi", "stream", "false"));
    assertThat(run.statusCode()).isEqualTo(200);
  }

  private static Case jsonField(String field) {
    return urlencoded("invalid JSON in " + field, RUNS, Map.of("message", "hi", field, "{not json"), 400,
        new Detail.Text("Invalid JSON in " + field + " field"));
  }

  private static Case get(String name, String path, int status, Detail detail) {
    return new Case(name, "GET", path, null, new byte[0], status, detail);
  }

  private static Case raw(String name, String path, String contentType, String body, int status, Detail detail) {
    return new Case(name, "POST", path, contentType, body.getBytes(StandardCharsets.UTF_8), status, detail);
  }

  private static Case form(String name, String path, String multipart, int status, Detail detail) {
    return raw(name, path, "multipart/form-data; boundary=XYZ", multipart, status, detail);
  }

  private static Case urlencoded(String name, String path, Map<String, String> fields, int status, Detail detail) {
    StringBuilder body = new StringBuilder();
    new LinkedHashMap<>(fields).forEach((k, v) -> body.append(body.isEmpty() ? "" : "&")
        .append(java.net.URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
        .append(java.net.URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return raw(name, path, "application/x-www-form-urlencoded", body.toString(), status, detail);
  }

  private static String part(String boundary, String name, String value) {
    return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
  }

  private static byte[] concat(byte[]... parts) {
    byte[] all = new byte[Arrays.stream(parts).mapToInt(p -> p.length).sum()];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, all, at, p.length);
      at += p.length;
    }
    return all;
  }
}
