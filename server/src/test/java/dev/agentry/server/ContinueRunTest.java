package dev.agentry.server;

import static dev.agentry.server.Await.awaitTrue;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST .../runs/{run_id}/continue} beyond the happy path ({@code agentos-api.md} §2.2, §2.5.4, §3.7): a
 * continue of a run another continue is running is a 409 that leaves the running one alone, a continued background
 * run numbers its events on from its paused part, and {@code background=true, stream=false} answers 202 at once.
 */
class ContinueRunTest {
  /** An agent {@code mailer} whose {@code send_email} needs a confirmation; it pauses on any message with "mail". */
  static final String MAILER = """
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
          chunk_size: 2
          chunk_delay_ms: 40
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
    specs.put("mailer.yaml", MAILER);
    server = TestServer.start(specs);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void a_continue_of_a_run_already_being_continued_is_a_409_and_the_running_one_can_still_be_resumed()
      throws Exception {
    Paused paused = pause("race-1");
    Map<String, String> form = Map.of("tools", paused.confirmed(), "session_id", "race-1", "background", "true");
    List<HttpResponse<String>> answers = new ArrayList<>();
    try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
      List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        sent.add(CompletableFuture.supplyAsync(() -> server.postForm(continuePath(paused), form), clients));
      }
      for (CompletableFuture<HttpResponse<String>> answer : sent) {
        answers.add(answer.get(30, TimeUnit.SECONDS));
      }
    }

    assertThat(answers).filteredOn(a -> a.statusCode() == 200).as("the one continue that runs").hasSize(1);
    assertThat(answers).filteredOn(a -> a.statusCode() != 200).allSatisfy(refused -> {
      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
      // a continue that only arrives once the run has ended finds it completed, as a client would
      assertThat(refused.body()).isIn("{\"detail\":\"run is already running\"}",
          "{\"detail\":\"run is already completed\"}");
    });
    TestServer.Sse resumed = CompletableFuture.supplyAsync(() -> server.stream(resumePath(paused),
        Map.of("last_event_index", String.valueOf(paused.count() - 1), "session_id", "race-1")))
        .get(20, TimeUnit.SECONDS); // a refused continue's buffer in its place would send heartbeats for ever
    assertThat(resumed.names()).startsWith("replay", "RunContinued").endsWith("RunCompleted");
    assertThat(resumed.first("replay").data().path("status").asString()).isEqualTo("COMPLETED");
  }

  @Test
  void a_continued_background_run_keeps_its_event_index_so_resume_works_across_the_continue() {
    Paused paused = pause("count-1");

    TestServer.Sse continued = server.stream(continuePath(paused),
        Map.of("tools", paused.confirmed(), "session_id", "count-1", "background", "true"));

    assertThat(continued.status()).isEqualTo(200);
    assertThat(continued.names()).startsWith("RunContinued").endsWith("RunCompleted");
    for (int i = 0; i < continued.events().size(); i++) {
      assertThat(continued.events().get(i).data().path("event_index").asLong(-1)).as("event %d", i)
          .isEqualTo(paused.count() + i);
    }
    long total = paused.count() + continued.events().size();
    TestServer.Sse resumed = server.stream(resumePath(paused),
        Map.of("last_event_index", String.valueOf(paused.count() - 2), "session_id", "count-1"));
    JsonNode replay = resumed.first("replay").data();
    assertThat(replay.path("total_buffered").asLong()).isEqualTo(total);
    assertThat(replay.path("total_events").asLong()).isEqualTo(continued.events().size() + 1);
    assertThat(resumed.names()).containsSubsequence("replay", "RunPaused", "RunContinued", "RunCompleted");
    assertThat(resumed.first("RunPaused").data().path("event_index").asLong()).isEqualTo(paused.count() - 1);
    assertThat(resumed.events().getLast().data().path("event_index").asLong()).isEqualTo(total - 1);
  }

  @Test
  void a_background_continue_without_a_stream_answers_202_and_the_run_can_be_polled() {
    Paused paused = pause("bg-continue-1");

    HttpResponse<String> accepted = server.postForm(continuePath(paused), Map.of("tools", paused.confirmed(),
        "session_id", "bg-continue-1", "background", "true", "stream", "false"));

    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    JsonNode body = TestServer.json(accepted);
    assertThat(body.propertyNames()).containsExactlyInAnyOrder("run_id", "session_id", "status");
    assertThat(body.path("run_id").asString()).isEqualTo(paused.runId());
    assertThat(body.path("session_id").asString()).isEqualTo("bg-continue-1");
    assertThat(body.path("status").asString()).isEqualTo("RUNNING");
    String run = "/agents/mailer/runs/" + paused.runId() + "?session_id=bg-continue-1";
    awaitTrue("the continued run completed", () -> "COMPLETED".equals(
        TestServer.json(server.get(run)).path("status").asString()));
    assertThat(TestServer.json(server.get(run)).path("content").asString()).startsWith("Mail result:");
  }

  /** A background run of the mailer, streamed until it pauses for the confirmation of its e-mail. */
  private static Paused pause(String sessionId) {
    TestServer.Sse sse = server.stream("/agents/mailer/runs",
        Map.of("message", "send the mail", "session_id", sessionId, "background", "true"));
    assertThat(sse.names()).endsWith("RunPaused");
    JsonNode event = sse.first("RunPaused").data();
    assertThat(event.path("event_index").asLong()).isEqualTo(sse.events().size() - 1);
    JsonNode tools = event.path("tools").deepCopy();
    ((ObjectNode) tools.get(0)).put("confirmed", true);
    return new Paused(event.path("run_id").asString(), sse.events().size(), tools.toString());
  }

  private static String continuePath(Paused paused) {
    return "/agents/mailer/runs/" + paused.runId() + "/continue";
  }

  private static String resumePath(Paused paused) {
    return "/agents/mailer/runs/" + paused.runId() + "/resume";
  }

  /** A paused run: its id, how many events its first part had, and its tools with the call confirmed. */
  private record Paused(String runId, long count, String confirmed) {}
}
