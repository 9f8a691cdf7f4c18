package dev.agentry.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Background runs, resume, human-in-the-loop continue and cancel, over HTTP. */
class RunLifecycleTest {
  static final String EXTRA = """
      apiVersion: agentry.dev/v1
      kind: Agent
      metadata: {name: slow}
      spec:
        model: slow-model
      ---
      apiVersion: agentry.dev/v1
      kind: Model
      metadata: {name: slow-model}
      spec:
        provider: scripted
        script:
          chunk_size: 2
          chunk_delay_ms: 20
          fallback: "This answer streams slowly, two characters at a time, so that a test can cancel it."
      ---
      apiVersion: agentry.dev/v1
      kind: Toolkit
      metadata: {name: mail}
      spec:
        functions:
          - name: send_email
            description: Send an e-mail.
            parameters: {type: object, properties: {to: {type: string}}}
            requires_confirmation: true
      ---
      apiVersion: agentry.dev/v1
      kind: Agent
      metadata: {name: mailer}
      spec:
        model: mail-model
        tools: [{toolkit: mail}]
      ---
      apiVersion: agentry.dev/v1
      kind: Model
      metadata: {name: mail-model}
      spec:
        provider: scripted
        script:
          rules:
            - when: '(?i)mail'
              tool_calls: [{name: send_email, arguments: {to: ada@example.com}}]
              content: "Mail result: {tool_result}"
          fallback: "Nothing to do."
      """;

  static TestServer server;

  @BeforeAll
  static void start() {
    Map<String, String> specs = new HashMap<>(TestServer.SPECS);
    specs.put("extra.yaml", EXTRA);
    server = TestServer.start(specs);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void background_run_answers_202_and_can_be_polled_until_completed() throws Exception {
    HttpResponse<String> accepted = server.postForm("/agents/echo/runs",
        Map.of("message", "hi", "stream", "false", "background", "true"));
    assertThat(accepted.statusCode()).isEqualTo(202);
    JsonNode body = TestServer.json(accepted);
    assertThat(body.path("status").asString()).isEqualTo("PENDING");
    String path = "/agents/echo/runs/" + body.path("run_id").asString() + "?session_id="
        + body.path("session_id").asString();
    JsonNode run = poll(path, "COMPLETED");
    assertThat(run.path("content").asString()).isEqualTo("Hello from the echo agent.");
  }

  @Test
  void background_stream_carries_event_index_and_resume_replays_after_an_index() {
    TestServer.Sse sse = server.stream("/agents/echo/runs",
        Map.of("message", "please add", "background", "true", "session_id", "bg-1"));
    List<Long> indices = sse.events().stream().map(e -> e.data().path("event_index").asLong(-1)).toList();
    assertThat(indices).first().isEqualTo(0L);
    for (int i = 0; i < indices.size(); i++) {
      assertThat(indices.get(i)).isEqualTo(i);
    }
    String runId = sse.first("RunStarted").data().path("run_id").asString();

    TestServer.Sse resumed = server.stream("/agents/echo/runs/" + runId + "/resume",
        Map.of("last_event_index", "2", "session_id", "bg-1"));
    assertThat(resumed.names().getFirst()).isEqualTo("replay");
    assertThat(resumed.events().get(1).data().path("event_index").asLong()).isEqualTo(3);
    assertThat(resumed.names()).hasSize(1 + indices.size() - 3).endsWith("RunCompleted");
  }

  @Test
  void resume_of_an_unknown_run_says_so_in_an_error_event() {
    TestServer.Sse resumed = server.stream("/agents/echo/runs/no-such-run/resume", Map.of());
    assertThat(resumed.names()).containsExactly("error");
    assertThat(resumed.events().getFirst().data().path("error").asString())
        .isEqualTo("Run no-such-run not found in buffer or database");
  }

  @Test
  void paused_run_continues_with_the_confirmation() {
    TestServer.Sse paused = server.stream("/agents/mailer/runs", Map.of("message", "send the mail",
        "session_id", "hitl-1"));
    assertThat(paused.names()).endsWith("RunPaused");
    JsonNode tools = paused.first("RunPaused").data().path("tools");
    String runId = paused.first("RunPaused").data().path("run_id").asString();
    ((tools.jackson.databind.node.ObjectNode) tools.get(0)).put("confirmed", true);

    TestServer.Sse continued = server.stream("/agents/mailer/runs/" + runId + "/continue",
        Map.of("tools", tools.toString(), "session_id", "hitl-1"));
    assertThat(continued.names()).startsWith("RunContinued").endsWith("RunCompleted");
    assertThat(continued.first("RunCompleted").data().path("content").asString()).startsWith("Mail result:");

    HttpResponse<String> again = server.postForm("/agents/mailer/runs/" + runId + "/continue",
        Map.of("tools", tools.toString(), "session_id", "hitl-1", "stream", "false"));
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(again.body()).isEqualTo("{\"detail\":\"run is already completed\"}");
  }

  @Test
  void cancel_ends_a_streaming_run_as_cancelled() throws Exception {
    CompletableFuture<TestServer.Sse> stream = CompletableFuture.supplyAsync(() ->
        server.stream("/agents/slow/runs", Map.of("message", "go", "session_id", "cancel-1")));
    String[] found = new String[1];
    Await.awaitTrue("the run in the session's list", () -> {
      HttpResponse<String> runs = server.get("/agents/slow/runs?session_id=cancel-1");
      if (runs.statusCode() == 200 && TestServer.json(runs).size() > 0) {
        found[0] = TestServer.json(runs).get(0).path("run_id").asString();
      }
      return found[0] != null;
    });
    String runId = found[0];
    HttpResponse<String> cancelled = server.postForm("/agents/slow/runs/" + runId + "/cancel", Map.of());
    assertThat(cancelled.statusCode()).isEqualTo(200);
    assertThat(cancelled.body()).isEqualTo("{}");
    TestServer.Sse sse = stream.get();
    assertThat(sse.names()).contains("RunCancelled").doesNotContain("RunError");
    JsonNode stored = poll("/agents/slow/runs/" + runId + "?session_id=cancel-1", "CANCELLED");
    assertThat(stored.path("run_id").asString()).isEqualTo(runId);
  }

  private static JsonNode poll(String path, String status) {
    JsonNode[] last = new JsonNode[1];
    Await.awaitTrue("the run " + status, () -> {
      HttpResponse<String> response = server.get(path);
      last[0] = response.statusCode() == 200 ? TestServer.json(response) : last[0];
      return last[0] != null && status.equals(last[0].path("status").asString());
    });
    return last[0];
  }
}
