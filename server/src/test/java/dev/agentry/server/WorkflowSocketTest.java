package dev.agentry.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Agno's workflow WebSocket {@code /workflows/ws} ({@code agentos-api.md} §3.8) over a real socket: connected,
 * ping, an unknown action, a workflow started whose events arrive as SSE-formatted text frames with
 * {@code event_index}, a reconnect replaying them as plain JSON, a paused workflow continued with its
 * {@code step_requirements}, and the authenticate action when a key is set.
 */
class WorkflowSocketTest {
  static final String KEY = "ws-secret";
  static TestServer open;
  static TestServer secured;

  @BeforeAll
  static void start() {
    Map<String, String> specs = new HashMap<>(TestServer.SPECS);
    specs.put("workflows.yaml", WorkflowRunsTest.WORKFLOWS);
    open = TestServer.start(specs);
    specs.put("os.yaml", TestServer.SPECS.get("os.yaml").replace("  name: Test OS\n",
        "  name: Test OS\n  security_key: \"" + KEY + "\"\n"));
    secured = TestServer.start(specs);
  }

  @AfterAll
  static void stop() {
    open.close();
    secured.close();
  }

  @Test
  void a_workflow_started_on_the_socket_streams_its_events_and_is_replayed_on_reconnect() throws Exception {
    try (Socket ws = Socket.connect(open)) {
      JsonNode connected = ws.json();
      assertThat(connected.path("event").asString()).isEqualTo("connected");
      assertThat(connected.path("requires_auth").asBoolean()).isFalse();
      ws.send("{\"action\":\"ping\"}");
      assertThat(ws.json().path("event").asString()).isEqualTo("pong");
      ws.send("{\"action\":\"dance\"}");
      assertThat(ws.json().path("error").asString()).isEqualTo("Unknown action: dance");

      ws.send("{\"action\":\"start-workflow\",\"workflow_id\":\"pipeline\",\"message\":\"hello\","
          + "\"session_id\":\"ws-1\"}");
      List<String> names = new ArrayList<>();
      String runId = null;
      long index = 0;
      while (!names.contains("WorkflowCompleted")) {
        String frame = ws.next();
        assertThat(frame).as("an SSE-formatted text frame").startsWith("event: ").endsWith("\n\n");
        String name = frame.substring("event: ".length(), frame.indexOf('\n'));
        JsonNode data = TestServer.JSON.readTree(frame.substring(frame.indexOf("\ndata: ") + 7).strip());
        assertThat(data.path("event").asString()).isEqualTo(name);
        assertThat(data.path("event_index").asLong()).isEqualTo(index++);
        if (name.equals("WorkflowStarted")) {
          runId = data.path("run_id").asString();
        }
        names.add(name);
      }
      assertThat(names).startsWith("WorkflowStarted").containsSubsequence("StepStarted", "RunStarted",
          "RunCompleted", "StepCompleted", "WorkflowCompleted");

      ws.send("{\"action\":\"reconnect\",\"run_id\":\"" + runId + "\",\"last_event_index\":1}");
      JsonNode replay = ws.json();
      assertThat(replay.path("event").asString()).isEqualTo("replay");
      assertThat(replay.path("status").asString()).isEqualTo("COMPLETED");
      JsonNode next = ws.json();
      assertThat(next.path("event_index").asLong()).as("plain JSON events after the last index seen").isEqualTo(2);
    }
  }

  @Test
  void a_paused_workflow_is_continued_on_the_socket_with_its_step_requirements() throws Exception {
    try (Socket ws = Socket.connect(open)) {
      ws.json(); // connected
      ws.send("{\"action\":\"start-workflow\",\"workflow_id\":\"reviewed\",\"message\":\"hello\","
          + "\"session_id\":\"ws-hitl-1\"}");
      JsonNode paused = ws.until("WorkflowPaused");
      String runId = paused.path("run_id").asString();
      tools.jackson.databind.node.ObjectNode requirement =
          (tools.jackson.databind.node.ObjectNode) paused.path("step_requirements").path(0);
      requirement.put("confirmed", true);
      ws.send("{\"action\":\"continue-workflow\",\"workflow_id\":\"reviewed\",\"run_id\":\"" + runId
          + "\",\"session_id\":\"ws-hitl-1\",\"step_requirements\":[" + requirement + "]}");
      JsonNode completed = ws.until("WorkflowCompleted");
      assertThat(completed.path("event_index").asLong()).as("the continuation numbers on from the pause")
          .isGreaterThan(paused.path("event_index").asLong());
      assertThat(completed.path("step_results").size()).isEqualTo(2);
    }
  }

  @Test
  void with_a_security_key_the_socket_asks_for_the_authenticate_action() throws Exception {
    try (Socket ws = Socket.connect(secured)) {
      assertThat(ws.json().path("requires_auth").asBoolean()).isTrue();
      ws.send("{\"action\":\"start-workflow\",\"workflow_id\":\"pipeline\",\"message\":\"hello\"}");
      assertThat(ws.json().path("event").asString()).isEqualTo("auth_required");
      ws.send("{\"action\":\"authenticate\",\"token\":\"wrong\"}");
      assertThat(ws.json().path("event").asString()).isEqualTo("auth_error");
      ws.send("{\"action\":\"authenticate\",\"token\":\"" + KEY + "\"}");
      assertThat(ws.json().path("event").asString()).isEqualTo("authenticated");
      ws.send("{\"action\":\"start-workflow\",\"workflow_id\":\"nope\",\"message\":\"hello\"}");
      assertThat(ws.json().path("error").asString()).isEqualTo("Workflow not found");
    }
  }

  @Test
  void with_jwts_the_authenticate_action_takes_a_jwt_and_the_run_is_the_token_s_user() throws Exception {
    Map<String, String> specs = new HashMap<>(Jwts.specs(Jwts.hs256Config()));
    specs.put("workflows.yaml", WorkflowRunsTest.WORKFLOWS);
    try (TestServer jwt = TestServer.start(specs); Socket ws = Socket.connect(jwt)) {
      assertThat(ws.json().path("requires_auth").asBoolean()).isTrue();
      ws.send("{\"action\":\"start-workflow\",\"workflow_id\":\"pipeline\",\"message\":\"hello\"}");
      assertThat(ws.json().path("error").asString())
          .isEqualTo("Authentication required. Send authenticate action with valid JWT.");
      Map<String, Object> expired = Jwts.claims("ada", "workflows:read", "workflows:run");
      expired.put("exp", java.time.Instant.now().getEpochSecond() - 60);
      ws.send("{\"action\":\"authenticate\",\"token\":\"" + Jwts.hs256(expired) + "\"}");
      JsonNode refused = ws.json();
      assertThat(refused.path("event").asString()).isEqualTo("auth_error");
      assertThat(refused.path("error").asString()).isEqualTo("Token has expired");
      assertThat(refused.path("error_type").asString()).isEqualTo("expired");
      String token = Jwts.hs256(Jwts.claims("ada", "workflows:read", "workflows:run"));
      ws.send("{\"action\":\"authenticate\",\"token\":\"" + token + "\"}");
      JsonNode authenticated = ws.json();
      assertThat(authenticated.path("event").asString()).isEqualTo("authenticated");
      assertThat(authenticated.path("message").asString()).isEqualTo("JWT authentication successful.");
      assertThat(authenticated.path("user_id").asString()).isEqualTo("ada");

      ws.send("{\"action\":\"start-workflow\",\"workflow_id\":\"pipeline\",\"message\":\"hello\","
          + "\"user_id\":\"mallory\"}");
      String runId = null;
      String sessionId = null;
      while (true) {
        String frame = ws.next();
        JsonNode data = TestServer.JSON.readTree(frame.substring(frame.indexOf("\ndata: ") + 7).strip());
        if (data.path("event").asString().equals("WorkflowStarted")) {
          runId = data.path("run_id").asString();
          sessionId = data.path("session_id").asString();
        }
        if (data.path("event").asString().equals("WorkflowCompleted")) {
          break;
        }
      }
      jwt.header("Authorization", "Bearer " + Jwts.hs256(Jwts.claims("ada", "workflows:read", "workflows:run")));
      JsonNode run = TestServer.json(jwt.get("/workflows/pipeline/runs/" + runId + "?session_id=" + sessionId));
      assertThat(run.path("user_id").asString()).as(run.toString()).isEqualTo("ada");
    }
  }

  /** A WebSocket client that queues the text frames it receives. */
  private static final class Socket implements WebSocket.Listener, AutoCloseable {
    private final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;

    static Socket connect(TestServer server) {
      Socket listener = new Socket();
      listener.socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
          .buildAsync(URI.create(server.url().replace("http://", "ws://") + "/workflows/ws"), listener).join();
      return listener;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        frames.add(partial.toString());
        partial.setLength(0);
      }
      webSocket.request(1);
      return null;
    }

    void send(String text) {
      socket.sendText(text, true).join();
    }

    String next() throws InterruptedException {
      String frame = frames.poll(10, TimeUnit.SECONDS);
      assertThat(frame).as("a frame within 10 s").isNotNull();
      return frame;
    }

    /** The data of the next SSE-formatted frame named {@code name}, skipping the others. */
    JsonNode until(String name) throws InterruptedException {
      while (true) {
        String frame = next();
        if (frame.startsWith("event: " + name + "\n")) {
          return TestServer.JSON.readTree(frame.substring(frame.indexOf("\ndata: ") + 7).strip());
        }
      }
    }

    JsonNode json() throws InterruptedException {
      return TestServer.JSON.readTree(next());
    }

    @Override
    public void close() {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
    }
  }
}
