package dev.agentry.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Malformed JSON bodies sent to every route that reads one: each is a 4xx whose body is the contract's
 * {@code {"detail": ...}} (a 422 in FastAPI's list shape, {@code {"type","loc","msg","input"}} entries) and names no
 * Java type, package or library ({@code agentos-api.md} §1.2).
 */
class MalformedJsonTest {
  private static final List<String> FORBIDDEN = List.of("dev.agentry", "java.", "javax.", "com.fasterxml",
      "tools.jackson", "jakarta.", "Exception", "`", "\tat ");

  static TestServer server;
  static String sessionId;
  static String memoryId;

  @BeforeAll
  static void start() {
    server = TestServer.start(TestServer.SPECS);
    sessionId = TestServer.json(server.postJson("/sessions", "{\"session_name\": \"s\"}")).path("session_id")
        .asString();
    memoryId = TestServer.json(server.postJson("/memories", "{\"memory\": \"m\", \"user_id\": \"u\"}"))
        .path("memory_id").asString();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** One route and one body. */
  record Case(String method, String path, String name, byte[] body) {
    @Override
    public String toString() {
      return method + " " + path.replaceAll("/[0-9a-f-]{36}", "/{id}") + ": " + name;
    }
  }

  /** Bodies every JSON route must refuse, whatever fields it takes. */
  private static final List<Object[]> ANY_ROUTE = List.of(
      new Object[] {"not JSON", "{not json"},
      new Object[] {"cut short", "{\"session_name\": \"a"},
      new Object[] {"an array", "[]"},
      new Object[] {"a string", "\"text\""},
      new Object[] {"a number", "12"},
      new Object[] {"trailing garbage", "{} {"},
      new Object[] {"nested 2000 deep", "[".repeat(2000) + "]".repeat(2000)},
      new Object[] {"a NUL escape", "{\"session_name\": \"a\\u0000b\", \"memory\": \"a\\u0000\", \"user_id\": \"u\"}"},
      new Object[] {"an unpaired surrogate", "{\"session_name\": \"\\ud800\", \"memory\": \"\\udc00\"}"},
      new Object[] {"invalid UTF-8", "{\"session_name\": \"\u00ff\u00fe\"}"});

  /** Bodies of the right syntax and the wrong shape, per route. */
  static Stream<Case> cases() {
    List<Case> cases = new ArrayList<>();
    String session = "/sessions/" + sessionId;
    String memory = "/memories/" + memoryId;
    List<String[]> routes = List.of(new String[] {"POST", "/sessions"}, new String[] {"PATCH", session},
        new String[] {"POST", session + "/rename"}, new String[] {"DELETE", "/sessions"},
        new String[] {"POST", "/memories"}, new String[] {"PATCH", memory}, new String[] {"DELETE", "/memories"});
    for (String[] route : routes) {
      for (Object[] body : ANY_ROUTE) {
        String text = (String) body[1];
        byte[] bytes = body[0].equals("invalid UTF-8") ? new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xff,
            (byte) 0xfe, '"', '}'} : text.getBytes(StandardCharsets.UTF_8);
        cases.add(new Case(route[0], route[1], (String) body[0], bytes));
      }
    }
    shape(cases, "POST", "/sessions", "session_id as a number", "{\"session_id\": 5}");
    shape(cases, "POST", "/sessions", "session_state as a string", "{\"session_state\": \"x\"}");
    shape(cases, "POST", "/sessions", "metadata as a list", "{\"metadata\": [1]}");
    shape(cases, "PATCH", session, "summary as a number", "{\"summary\": 3}");
    shape(cases, "PATCH", session, "session_name as an object", "{\"session_name\": {\"a\": 1}}");
    shape(cases, "POST", session + "/rename", "session_name as a list", "{\"session_name\": [\"a\"]}");
    shape(cases, "DELETE", "/sessions", "session_ids as a string", "{\"session_ids\": \"s\", \"session_types\": []}");
    shape(cases, "DELETE", "/sessions", "session_ids holding objects",
        "{\"session_ids\": [{\"a\": 1}], \"session_types\": [\"agent\"]}");
    shape(cases, "POST", "/memories", "memory as a list", "{\"memory\": [\"x\"], \"user_id\": \"u\"}");
    shape(cases, "POST", "/memories", "topics as a string",
        "{\"memory\": \"x\", \"user_id\": \"u\", \"topics\": \"t\"}");
    shape(cases, "POST", "/memories", "topics holding objects",
        "{\"memory\": \"x\", \"user_id\": \"u\", \"topics\": [{\"t\": 1}]}");
    shape(cases, "PATCH", memory, "user_id as a boolean", "{\"memory\": \"x\", \"user_id\": true}");
    shape(cases, "DELETE", "/memories", "memory_ids as a number", "{\"memory_ids\": 1}");
    return cases.stream();
  }

  private static void shape(List<Case> cases, String method, String path, String name, String body) {
    cases.add(new Case(method, path, name, body.getBytes(StandardCharsets.UTF_8)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void malformed_body_gets_a_client_error_that_names_no_java_type(Case c) {
    HttpResponse<String> response = server.send(c.method(), c.path(), HttpRequest.BodyPublishers.ofByteArray(c.body()),
        "application/json");

    assertThat(response.statusCode()).as(response.body()).isBetween(400, 499);
    JsonNode body = TestServer.json(response);
    assertThat(body.propertyNames()).as(response.body()).containsExactly("detail");
    assertThat(response.body()).as(response.body()).doesNotContain(FORBIDDEN);
    JsonNode detail = body.get("detail");
    if (response.statusCode() == 422) {
      assertThat(detail.isArray()).as(response.body()).isTrue();
      for (JsonNode error : detail) {
        assertThat(error.propertyNames()).as(response.body()).contains("type", "loc", "msg", "input");
        assertThat(error.get("type").isString()).isTrue();
        assertThat(error.get("loc").isArray()).isTrue();
        assertThat(error.get("loc").get(0).asString()).isEqualTo("body");
        assertThat(error.get("msg").asString()).isNotBlank();
      }
    } else {
      assertThat(detail.isString()).as(response.body()).isTrue();
    }
  }
}
