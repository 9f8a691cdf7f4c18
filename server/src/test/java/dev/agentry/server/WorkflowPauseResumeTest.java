package dev.agentry.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The other pauses of a workflow over HTTP ({@code agentos-api.md} §2.4, §2.5.5, §3.5): a step's user input, a
 * person's route choice, a step agent's own tool confirmation ({@code pause_kind} "executor"), each answered through
 * {@code step_requirements}; a continue without the answer; a background stream resumed from an event index
 * (§3.7); and a cancel while a parallel block runs.
 */
class WorkflowPauseResumeTest {
  static final String WORKFLOWS = """
      apiVersion: agentry.dev/v1
      kind: Workflow
      metadata: {name: asking}
      spec:
        name: Asking
        db: local-db
        steps:
          - name: write
            agent: echo
            requires_user_input: true
            user_input_message: How should it sound?
            user_input_schema: [{name: tone, description: The tone}]
      ---
      apiVersion: agentry.dev/v1
      kind: Workflow
      metadata: {name: choosing}
      spec:
        name: Choosing
        db: local-db
        steps:
          - name: pick
            router:
              selector: '"left"'
              requires_user_input: true
              user_input_message: Which way?
              choices:
                - name: left
                  agent: echo
                - name: right
                  agent: napper
      ---
      apiVersion: agentry.dev/v1
      kind: Workflow
      metadata: {name: mailing}
      spec:
        name: Mailing
        db: local-db
        steps:
          - name: send
            agent: mailer
      ---
      apiVersion: agentry.dev/v1
      kind: Workflow
      metadata: {name: fan-out}
      spec:
        name: Fan Out
        db: local-db
        steps:
          - name: both
            parallel:
              steps:
                - name: quick
                  agent: echo
                - name: slow
                  agent: napper
      ---
      apiVersion: agentry.dev/v1
      kind: Agent
      metadata: {name: napper}
      spec:
        name: Napper
        model: napper-model
      ---
      apiVersion: agentry.dev/v1
      kind: Model
      metadata: {name: napper-model}
      spec:
        provider: scripted
        script:
          chunk_size: 1
          chunk_delay_ms: 60
          fallback: "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"
      """;

  static TestServer server;

  @BeforeAll
  static void start() {
    Map<String, String> specs = new HashMap<>(TestServer.SPECS);
    specs.put("workflows.yaml", WORKFLOWS);
    specs.put("mailer.yaml", ContinueRunTest.MAILER);
    server = TestServer.start(specs);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void a_user_input_pause_is_continued_with_the_values() {
    JsonNode paused = run("asking", "write it", "wf-ask-1");
    assertThat(paused.path("status").asString()).isEqualTo("PAUSED");
    assertThat(paused.path("pause_kind").asString()).isEqualTo("step");
    ObjectNode requirement = (ObjectNode) paused.path("step_requirements").path(0);
    assertThat(AgnoWorkflowShapes.STEP_REQUIREMENT.check(requirement, "step_requirements[0]", Set.of())).isEmpty();
    assertThat(requirement.path("requires_user_input").asBoolean()).isTrue();
    assertThat(requirement.path("user_input_message").asString()).isEqualTo("How should it sound?");

    HttpResponse<String> missing = continueWith("asking", paused, "[]");
    assertThat(missing.statusCode()).as(missing.body()).isEqualTo(400);
    assertThat(TestServer.json(missing).path("detail").asString())
        .startsWith("Invalid structure or content for step_requirements");

    requirement.putObject("user_input").put("tone", "dry");
    JsonNode done = ok(continueWith("asking", paused, "[" + requirement + "]"));
    assertThat(done.path("status").asString()).isEqualTo("COMPLETED");
    assertThat(done.path("step_results").path(0).path("step_name").asString()).isEqualTo("write");
  }

  @Test
  void a_route_choice_pause_runs_the_chosen_route() {
    JsonNode paused = run("choosing", "go", "wf-route-1");
    assertThat(paused.path("status").asString()).isEqualTo("PAUSED");
    ObjectNode requirement = (ObjectNode) paused.path("step_requirements").path(0);
    assertThat(requirement.path("requires_route_selection").asBoolean()).isTrue();
    assertThat(requirement.path("available_choices").valueStream().map(JsonNode::asString))
        .containsExactly("left", "right");

    requirement.putArray("selected_choices").add("right");
    JsonNode done = ok(continueWith("choosing", paused, "[" + requirement + "]"));
    assertThat(done.path("status").asString()).isEqualTo("COMPLETED");
    assertThat(done.path("step_executor_runs").valueStream().map(r -> r.path("agent_id").asString()))
        .containsExactly("napper");
  }

  @Test
  void a_step_agents_own_pause_pauses_the_workflow_as_an_executor_pause() {
    JsonNode paused = run("mailing", "send the mail", "wf-mail-1");
    assertThat(paused.path("status").asString()).isEqualTo("PAUSED");
    assertThat(paused.path("pause_kind").asString()).isEqualTo("executor");
    assertThat(paused.path("paused_step_name").asString()).isEqualTo("send");
    ObjectNode requirement = (ObjectNode) paused.path("step_requirements").path(0);
    assertThat(requirement.path("requires_executor_input").asBoolean()).isTrue();
    JsonNode waiting = requirement.path("executor_requirements").path(0);
    assertThat(AgnoShapes.RUN_REQUIREMENT.check(waiting, "executor_requirements[0]", Set.of())).isEmpty();
    assertThat(waiting.path("tool_execution").path("tool_name").asString()).isEqualTo("send_email");

    ((ObjectNode) waiting.path("tool_execution")).put("confirmed", true);
    ((ObjectNode) waiting).put("confirmation", true);
    JsonNode done = ok(continueWith("mailing", paused, "[" + requirement + "]"));
    assertThat(done.path("status").asString()).as(done.toString()).isEqualTo("COMPLETED");
    assertThat(done.path("content").asString()).startsWith("Mail result:");
  }

  @Test
  void a_background_stream_is_resumed_from_the_last_event_index() {
    String runId;
    long last;
    try (TimedSse first = TimedSse.post(server, "/workflows/fan-out/runs",
        Map.of("message", "go", "background", "true", "session_id", "wf-resume-1"))) {
      runId = first.until("WorkflowStarted").data().path("run_id").asString();
      last = first.until("StepStarted").data().path("event_index").asLong();
    } // the client drops the connection; a background run goes on

    try (TimedSse sse = TimedSse.post(server, "/workflows/fan-out/runs/" + runId + "/resume",
        Map.of("session_id", "wf-resume-1", "last_event_index", Long.toString(last)))) {
      sse.rest();
      assertThat(sse.names()).contains("subscribed").endsWith("WorkflowCompleted");
      List<Long> indices = sse.seen().stream().filter(a -> a.data().has("event_index"))
          .map(a -> a.data().path("event_index").asLong()).toList();
      assertThat(indices.getFirst()).as("the stream goes on after the last event the client saw").isEqualTo(last + 1);
      for (int i = 1; i < indices.size(); i++) {
        assertThat(indices.get(i)).as("event_index counts up by one").isEqualTo(indices.get(i - 1) + 1);
      }
    }
  }

  @Test
  void cancel_during_a_parallel_block_cancels_its_running_branch_and_the_workflow() {
    try (TimedSse sse = TimedSse.post(server, "/workflows/fan-out/runs",
        Map.of("message", "go", "session_id", "wf-par-cancel-1"))) {
      String runId = sse.until("WorkflowStarted").data().path("run_id").asString();
      sse.until("ParallelExecutionStarted");
      TimedSse.Arrival napping;
      do {
        napping = sse.until("RunContent");
      } while (!"napper".equals(napping.data().path("agent_id").asString()));
      assertThat(server.postForm("/workflows/fan-out/runs/" + runId + "/cancel", Map.of()).statusCode())
          .isEqualTo(200);
      sse.rest();
      assertThat(sse.names()).containsSubsequence("RunCancelled", "WorkflowCancelled");
      assertThat(ok(server.get("/workflows/fan-out/runs/" + runId + "?session_id=wf-par-cancel-1"))
          .path("status").asString()).isEqualTo("CANCELLED");
    }
  }

  private static JsonNode run(String workflow, String message, String session) {
    return ok(server.postForm("/workflows/" + workflow + "/runs",
        Map.of("message", message, "stream", "false", "session_id", session)));
  }

  private static HttpResponse<String> continueWith(String workflow, JsonNode paused, String answers) {
    return server.postForm("/workflows/" + workflow + "/runs/" + paused.path("run_id").asString() + "/continue",
        Map.of("step_requirements", answers, "session_id", paused.path("session_id").asString(), "stream", "false"));
  }

  private static JsonNode ok(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return TestServer.json(response);
  }
}
