package dev.agentry.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Agent UI's conversation with the server, call by call as {@code agent-ui.md} records it (origin
 * http://localhost:3000, preflights, the multipart run with an empty session_id, the mid-run GET of the new
 * session's runs, the stored session, the delete), with the UI's own way of reading a stream: find each top-level
 * JSON object by counting braces, ignore everything else, and let {@code RunCompleted.content} replace the text.
 */
class AgentUiFlowTest {
  static final String ORIGIN = "http://localhost:3000";
  static TestServer server;
  final HttpClient client = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    Map<String, String> specs = new HashMap<>(TestServer.SPECS);
    specs.put("extra.yaml", RunLifecycleTest.EXTRA);
    specs.put("team.yaml", """
        apiVersion: agentry.dev/v1
        kind: Team
        metadata: {name: desk}
        spec:
          name: Desk
          model: desk-model
          members: [{agent: echo}]
        ---
        apiVersion: agentry.dev/v1
        kind: Model
        metadata: {name: desk-model}
        spec:
          provider: scripted
          script:
            chunk_size: 4
            rules:
              - when: 'add'
                content: "Desk: {tool_result}"
                tool_calls: [{name: delegate_task_to_member, arguments: {member_id: echo, task: "please add"}}]
        """);
    server = TestServer.start(specs);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void agent_ui_connects_chats_twice_in_one_session_reopens_it_and_deletes_it() throws Exception {
    assertThat(call("GET", "/health").statusCode()).isEqualTo(200);
    assertThat(json(call("GET", "/teams")).isArray()).isTrue();
    JsonNode agents = json(call("GET", "/agents"));
    JsonNode echo = find(agents, "echo");
    String dbId = echo.path("db_id").asString();
    assertThat(dbId).isNotEmpty();
    JsonNode sessions = json(call("GET", "/sessions?type=agent&component_id=echo&db_id=" + dbId));
    assertThat(sessions.path("data").isArray()).isTrue();

    Chat first = chat("echo", "please add", "", dbId);
    assertThat(first.text()).isEqualTo("The sum is {\"operation\": \"addition\", \"result\": 5}.");
    assertThat(first.toolNames()).containsExactly("add");
    Chat second = chat("echo", "hello again", first.sessionId(), dbId);
    assertThat(second.sessionId()).isEqualTo(first.sessionId());
    assertThat(second.text()).isEqualTo("Hello from the echo agent.");

    JsonNode listed = json(call("GET", "/sessions?type=agent&component_id=echo&db_id=" + dbId));
    assertThat(listed.path("data").valueStream().map(s -> s.path("session_id").asString()))
        .contains(first.sessionId());
    JsonNode runs = json(call("GET", "/sessions/" + first.sessionId() + "/runs?type=agent&db_id=" + dbId));
    assertThat(runs.isArray()).isTrue();
    assertThat(runs.valueStream().map(r -> r.path("run_input").asString())).containsExactly("please add",
        "hello again");
    assertThat(runs.get(0).path("tools").get(0).path("tool_name").asString()).isEqualTo("add");
    assertThat(runs.get(1).path("content").asString()).isEqualTo("Hello from the echo agent.");

    HttpResponse<String> deleted = call("DELETE", "/sessions/" + first.sessionId() + "?db_id=" + dbId);
    assertThat(deleted.statusCode()).isBetween(200, 299);
    assertThat(call("GET", "/sessions/" + first.sessionId() + "/runs?type=agent&db_id=" + dbId).statusCode())
        .isEqualTo(404);
  }

  @Test
  void team_mode_streams_a_team_answer_with_its_tool_calls_and_lists_the_team_session() throws Exception {
    JsonNode teams = json(call("GET", "/teams"));
    JsonNode desk = find(teams, "desk");
    String dbId = desk.path("db_id").asString();
    assertThat(dbId).isNotEmpty();
    assertThat(desk.path("model").path("provider").asString()).isNotEmpty();

    Chat chat = chat("team", "desk", "please add", "", dbId);

    assertThat(chat.text()).isEqualTo("Desk: The sum is {\"operation\": \"addition\", \"result\": 5}.");
    assertThat(chat.toolNames()).containsExactly("delegate_task_to_member", "add");
    assertThat(chat.midRunStatus()).isIn(200, 404);
    JsonNode listed = json(call("GET", "/sessions?type=team&component_id=desk&db_id=" + dbId));
    assertThat(listed.path("data").valueStream().map(s -> s.path("session_id").asString()))
        .contains(chat.sessionId());
    JsonNode runs = json(call("GET", "/sessions/" + chat.sessionId() + "/runs?type=team&db_id=" + dbId));
    assertThat(runs.valueStream().map(r -> r.path("run_input").asString())).containsExactly("please add");
    assertThat(runs.get(0).path("content").asString()).isEqualTo(chat.text());
  }

  @Test
  void the_mid_run_fetch_of_a_new_session_never_wipes_the_chat() throws Exception {
    Chat chat = chat("slow", "go", "", "local-db");
    assertThat(chat.midRunStatus()).isIn(200, 404);
    if (chat.midRunStatus() == 200) {
      JsonNode runs = TestServer.JSON.readTree(chat.midRunBody());
      assertThat(runs.isArray()).isTrue();
      assertThat(runs.size()).as("an empty array would wipe the UI's messages").isPositive();
      assertThat(runs.get(runs.size() - 1).path("run_input").asString()).isEqualTo("go");
    }
    assertThat(chat.text()).startsWith("This answer streams slowly");
  }

  /** What the UI shows after one send: the final text, tool chips, and what the mid-run fetch returned. */
  record Chat(String sessionId, String text, List<String> toolNames, int midRunStatus, String midRunBody) {}

  private Chat chat(String agent, String message, String sessionId, String dbId) throws Exception {
    return chat("agent", agent, message, sessionId, dbId);
  }

  /** One send in agent mode ({@code type} "agent") or team mode ("team"), read as the UI reads it. */
  private Chat chat(String type, String id, String message, String sessionId, String dbId) throws Exception {
    String path = "/" + type + "s/" + id + "/runs";
    preflight("POST", path);
    Map<String, String> form = new LinkedHashMap<>();
    form.put("message", message);
    form.put("stream", "true");
    form.put("session_id", sessionId);
    TestServer.Multipart body = TestServer.Multipart.of(form);
    HttpRequest request = HttpRequest.newBuilder(URI.create(server.url() + path))
        .header("Content-Type", body.contentType())
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes())).build();
    HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    assertThat(response.statusCode()).isEqualTo(200);
    String session = sessionId;
    StringBuilder text = new StringBuilder();
    List<String> tools = new ArrayList<>();
    int midStatus = 0;
    String midBody = "";
    try (InputStream in = response.body()) {
      for (JsonNode event : new BraceReader(in)) {
        String name = event.path("event").asString();
        assertThat(event.has("data")).as("a run event must not have a top-level data key").isFalse();
        switch (name) {
          case "RunStarted", "TeamRunStarted" -> {
            boolean isNew = session.isEmpty();
            session = event.path("session_id").asString();
            if (isNew) {
              HttpResponse<String> mid = call("GET", "/sessions/" + session + "/runs?type=" + type + "&db_id=" + dbId);
              midStatus = mid.statusCode();
              midBody = mid.body();
            }
          }
          case "RunContent", "TeamRunContent" -> text.append(event.path("content").asString(""));
          case "ToolCallStarted", "TeamToolCallStarted" -> tools.add(event.path("tool").path("tool_name").asString());
          case "RunCompleted", "TeamRunCompleted" -> {
            text.setLength(0);
            text.append(event.path("content").asString());
          }
          default -> { }
        }
        assertThat(name).isNotIn("RunError", "TeamRunError", "TeamRunCancelled");
      }
    }
    return new Chat(session, text.toString(), tools, midStatus, midBody);
  }

  private HttpResponse<String> call(String method, String path) throws Exception {
    preflight(method, path);
    HttpRequest request = HttpRequest.newBuilder(URI.create(server.url() + path))
        .header("Content-Type", "application/json")
        .method(method, HttpRequest.BodyPublishers.noBody()).build();
    return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private void preflight(String method, String path) {
    TestServer.RawResponse response = server.raw("OPTIONS", path, Map.of("Origin", ORIGIN,
        "Access-Control-Request-Method", method, "Access-Control-Request-Headers", "content-type"));
    assertThat(response.status()).as("preflight of " + method + " " + path).isBetween(200, 299);
    assertThat(response.headers()).containsEntry("access-control-allow-origin", ORIGIN);
  }

  private static JsonNode json(HttpResponse<String> response) {
    assertThat(response.statusCode()).isEqualTo(200);
    return TestServer.json(response);
  }

  private static JsonNode find(JsonNode array, String id) {
    return array.valueStream().filter(a -> a.path("id").asString().equals(id)).findFirst()
        .orElseThrow(() -> new AssertionError("no " + id + " in " + array));
  }

  /** Agent UI's stream reader: every top-level {...} in the byte stream, whatever surrounds it. */
  static final class BraceReader implements Iterable<JsonNode> {
    private final InputStream in;

    BraceReader(InputStream in) {
      this.in = in;
    }

    @Override
    public java.util.Iterator<JsonNode> iterator() {
      return new java.util.Iterator<>() {
        JsonNode next = read();

        @Override
        public boolean hasNext() {
          return next != null;
        }

        @Override
        public JsonNode next() {
          JsonNode current = next;
          next = read();
          return current;
        }
      };
    }

    private JsonNode read() {
      try {
        java.io.ByteArrayOutputStream object = new java.io.ByteArrayOutputStream();
        int depth = 0;
        boolean inString = false;
        boolean escaped = false;
        int b;
        while ((b = in.read()) != -1) {
          if (depth == 0 && b != '{') {
            continue;
          }
          object.write(b);
          if (inString) {
            if (escaped) {
              escaped = false;
            } else if (b == '\\') {
              escaped = true;
            } else if (b == '"') {
              inString = false;
            }
          } else if (b == '"') {
            inString = true;
          } else if (b == '{') {
            depth++;
          } else if (b == '}' && --depth == 0) {
            return TestServer.JSON.readTree(object.toByteArray());
          }
        }
        return null;
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }
}
