package dev.agentry.server;

import static dev.agentry.server.RbacTokens.token;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * RBAC and user isolation on the workflow WebSocket ({@code agentos-api.md} §3.8, §5.4): a JWT caller needs
 * {@code workflows:run} for the workflow to start, continue or reconnect; under isolation another user's run is not
 * found.
 */
class WorkflowSocketRbacTest {
  static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start(RbacTokens.specs(true));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void starting_a_workflow_needs_run_access_to_it() throws Exception {
    try (Client ws = Client.connect(server, token("u1", List.of("workflows:read")))) {
      ws.send("{\"action\":\"start-workflow\",\"workflow_id\":\"pipeline\",\"message\":\"hi\"}");
      assertThat(ws.json().path("error").asString()).isEqualTo("Insufficient permissions to run this workflow");
      ws.send("{\"action\":\"continue-workflow\",\"workflow_id\":\"pipeline\",\"run_id\":\"r\"}");
      assertThat(ws.json().path("error").asString()).isEqualTo("Insufficient permissions to continue this workflow");
      ws.send("{\"action\":\"reconnect\",\"workflow_id\":\"pipeline\",\"run_id\":\"r\",\"session_id\":\"s\"}");
      assertThat(ws.json().path("error").asString())
          .isEqualTo("Insufficient permissions to reconnect to this workflow");
    }
    try (Client ws = Client.connect(server, token("u1", List.of("workflows:pipeline:run")))) {
      ws.send("{\"action\":\"start-workflow\",\"workflow_id\":\"pipeline\",\"message\":\"hi\","
          + "\"session_id\":\"u1-ws\"}");
      assertThat(ws.next()).startsWith("event: WorkflowStarted");
    }
  }

  @Test
  void under_isolation_another_users_run_is_not_found_on_the_socket() throws Exception {
    String runId;
    try (Client alice = Client.connect(server, token("alice", List.of("workflows:run")))) {
      alice.send("{\"action\":\"start-workflow\",\"workflow_id\":\"pipeline\",\"message\":\"hi\","
          + "\"session_id\":\"alice-ws\"}");
      String frame = alice.next();
      assertThat(frame).startsWith("event: WorkflowStarted");
      runId = TestServer.JSON.readTree(frame.substring(frame.indexOf("\ndata: ") + 7).strip()).path("run_id")
          .asString();
      while (!alice.next().startsWith("event: WorkflowCompleted")) {
        // the rest of Alice's run
      }
    }
    try (Client bob = Client.connect(server, token("bob", List.of("workflows:run")))) {
      bob.send("{\"action\":\"reconnect\",\"run_id\":\"" + runId + "\",\"session_id\":\"alice-ws\"}");
      assertThat(bob.json().path("error").asString())
          .isEqualTo("workflow_id is required to reconnect to a workflow run");
      bob.send("{\"action\":\"reconnect\",\"workflow_id\":\"pipeline\",\"run_id\":\"" + runId + "\"}");
      assertThat(bob.json().path("error").asString())
          .isEqualTo("session_id is required to reconnect to a workflow run");
      bob.send("{\"action\":\"reconnect\",\"workflow_id\":\"pipeline\",\"run_id\":\"" + runId
          + "\",\"session_id\":\"alice-ws\"}");
      assertThat(bob.json().path("error").asString()).isEqualTo("Run " + runId + " not found");
      bob.send("{\"action\":\"continue-workflow\",\"workflow_id\":\"pipeline\",\"run_id\":\"" + runId + "\"}");
      assertThat(bob.json().path("error").asString()).isEqualTo("session_id is required for this action");
      bob.send("{\"action\":\"start-workflow\",\"workflow_id\":\"pipeline\",\"message\":\"hi\","
          + "\"session_id\":\"alice-ws\"}");
      assertThat(bob.json().path("error").asString()).isEqualTo("Session not found");
    }
    try (Client alice = Client.connect(server, token("alice", List.of("workflows:run")))) {
      alice.send("{\"action\":\"reconnect\",\"workflow_id\":\"pipeline\",\"run_id\":\"" + runId
          + "\",\"session_id\":\"alice-ws\"}");
      assertThat(alice.json().path("event").asString()).isEqualTo("replay");
    }
  }

  /** A WebSocket client, authenticated with {@code token}, that queues the text frames it receives. */
  private static final class Client implements WebSocket.Listener, AutoCloseable {
    private final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;

    static Client connect(TestServer server, String token) throws InterruptedException {
      Client client = new Client();
      client.socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
          .buildAsync(URI.create(server.url().replace("http://", "ws://") + "/workflows/ws"), client).join();
      client.json(); // connected
      client.send("{\"action\":\"authenticate\",\"token\":\"" + token + "\"}");
      assertThat(client.json().path("event").asString()).isEqualTo("authenticated");
      return client;
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

    JsonNode json() throws InterruptedException {
      return TestServer.JSON.readTree(next());
    }

    @Override
    public void close() {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
    }
  }
}
