package dev.agentry.server;

import static dev.agentry.server.Await.awaitTrue;
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

/**
 * A workflow's run routes over HTTP ({@code agentos-api.md} §2.4, §2.5, §3.4-§3.7): the non-streamed
 * {@code WorkflowRunOutput} field by field against Agno's shape, the streamed events in the contract's order and as
 * the run goes, background runs polled, cancel during a running step, a confirmation pause answered through
 * {@code step_requirements}, an input_schema refusal, and the run listings.
 */
class WorkflowRunsTest {
  static final Set<String> EXTRAS = Set.of("spec_version", "session_state");

  static final String WORKFLOWS = """
      apiVersion: agentry.dev/v1
      kind: Workflow
      metadata: {name: pipeline}
      spec:
        name: Pipeline
        db: local-db
        steps:
          - name: greet
            agent: echo
          - name: sum
            agent: echo
      ---
      apiVersion: agentry.dev/v1
      kind: Workflow
      metadata: {name: slow-flow}
      spec:
        name: Slow Flow
        db: local-db
        steps:
          - name: first
            agent: echo
          - name: nap
            agent: napper
      ---
      apiVersion: agentry.dev/v1
      kind: Workflow
      metadata: {name: reviewed}
      spec:
        name: Reviewed
        db: local-db
        steps:
          - name: draft
            agent: echo
          - name: publish
            agent: echo
            requires_confirmation: true
            confirmation_message: Publish it?
      ---
      apiVersion: agentry.dev/v1
      kind: Workflow
      metadata: {name: typed}
      spec:
        name: Typed
        db: local-db
        input_schema:
          type: object
          required: [topic]
          properties: {topic: {type: string}}
        steps:
          - name: only
            agent: echo
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
    server = TestServer.start(specs);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void a_non_streamed_workflow_run_is_agnos_workflow_run_output() {
    JsonNode run = ok(server.postForm("/workflows/pipeline/runs",
        Map.of("message", "hello", "stream", "false", "session_id", "wf-json-1", "user_id", "ada")));

    assertThat(AgnoWorkflowShapes.WORKFLOW_RUN_OUTPUT.check(run, "$", EXTRAS)).isEmpty();
    assertThat(run.path("workflow_id").asString()).isEqualTo("pipeline");
    assertThat(run.path("workflow_name").asString()).isEqualTo("Pipeline");
    assertThat(run.path("input").asString()).as("the input as given, not wrapped").isEqualTo("hello");
    assertThat(run.path("status").asString()).isEqualTo("COMPLETED");
    assertThat(run.path("user_id").asString()).isEqualTo("ada");
    assertThat(run.path("session_id").asString()).isEqualTo("wf-json-1");
    assertThat(run.has("agent_id")).isFalse();
    assertThat(run.has("paused_step_index")).isFalse();
    JsonNode steps = run.path("step_results");
    assertThat(steps.size()).isEqualTo(2);
    assertThat(steps.path(0).path("step_name").asString()).isEqualTo("greet");
    assertThat(steps.path(1).path("step_name").asString()).isEqualTo("sum");
    assertThat(steps.path(0).path("executor_type").asString()).isEqualTo("agent");
    assertThat(run.path("content").asString()).isEqualTo(steps.path(1).path("content").asString());
    JsonNode executors = run.path("step_executor_runs");
    assertThat(executors.size()).isEqualTo(2);
    for (JsonNode executor : executors) {
      assertThat(AgnoShapes.RUN_OUTPUT.check(executor, "step_executor_runs[]", Set.of("spec_version"))).isEmpty();
      assertThat(executor.path("agent_id").asString()).isEqualTo("echo");
    }
    JsonNode metrics = run.path("metrics");
    assertThat(metrics.path("steps").path("greet").path("executor_name").asString()).isEqualTo("Echo");
    assertThat(metrics.path("steps").path("sum").path("step_name").asString()).isEqualTo("sum");
    Golden.assertMatches("golden/workflow-run-output.json", run);
  }

  @Test
  void an_unknown_workflow_is_404_with_the_contracts_text() {
    HttpResponse<String> response = server.postForm("/workflows/nope/runs", Map.of("message", "hi", "stream", "false"));
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(TestServer.json(response).path("detail").asString()).isEqualTo("Workflow not found");
    assertThat(server.get("/workflows/nope/runs?session_id=x").statusCode()).isEqualTo(404);
  }

  @Test
  void a_streamed_workflow_run_sends_the_contracts_sequence_as_it_runs() {
    try (TimedSse sse = TimedSse.post(server, "/workflows/slow-flow/runs",
        Map.of("message", "hello", "session_id", "wf-sse-1"))) {
      List<TimedSse.Arrival> events = sse.rest();
      List<String> names = events.stream().map(TimedSse.Arrival::name).toList();
      assertThat(names).startsWith("WorkflowStarted").endsWith("WorkflowCompleted");
      assertThat(names).containsSubsequence("WorkflowStarted", "StepStarted", "RunStarted", "RunCompleted",
          "StepCompleted", "StepStarted", "RunStarted", "RunContent", "RunCompleted", "StepCompleted",
          "WorkflowCompleted");
      String runId = events.getFirst().data().path("run_id").asString();
      for (TimedSse.Arrival event : events) {
        JsonNode data = event.data();
        assertThat(data.path("event").asString()).isEqualTo(event.name());
        if (!data.has("agent_id")) {
          assertThat(data.path("workflow_id").asString()).as(event.name()).isEqualTo("slow-flow");
          assertThat(data.path("run_id").asString()).as(event.name()).isEqualTo(runId);
        }
      }
      JsonNode completed = events.getLast().data();
      assertThat(completed.path("step_results").size()).isEqualTo(2);
      List<TimedSse.Arrival> naps = events.stream().filter(e -> e.name().equals("RunContent")
          && "napper".equals(e.data().path("agent_id").asString())).toList();
      assertThat(naps.size()).isGreaterThan(10);
      assertThat(naps.getLast().millis() - naps.getFirst().millis())
          .as("the napping step's content arrives spread over its run, not all at the end")
          .isGreaterThanOrEqualTo(20 * 60 / 2);
      assertThat(events.getLast().millis() - events.getFirst().millis())
          .as("WorkflowStarted arrives well before WorkflowCompleted").isGreaterThanOrEqualTo(20 * 60 / 2);
    }
  }

  @Test
  void a_background_run_answers_202_and_is_polled_to_completion() {
    HttpResponse<String> response = server.postForm("/workflows/pipeline/runs",
        Map.of("message", "hello", "stream", "false", "background", "true", "session_id", "wf-bg-1"));
    assertThat(response.statusCode()).isEqualTo(202);
    JsonNode accepted = TestServer.json(response);
    assertThat(accepted.path("status").asString()).isEqualTo("PENDING");
    String runId = accepted.path("run_id").asString();
    awaitTrue("the background workflow run completes", () -> "COMPLETED".equals(
        TestServer.json(server.get("/workflows/pipeline/runs/" + runId + "?session_id=wf-bg-1")).path("status")
            .asString()));
    JsonNode run = ok(server.get("/workflows/pipeline/runs/" + runId + "?session_id=wf-bg-1"));
    assertThat(AgnoWorkflowShapes.WORKFLOW_RUN_OUTPUT.check(run, "$", EXTRAS)).isEmpty();
    assertThat(run.path("step_results").size()).isEqualTo(2);
  }

  @Test
  void cancel_during_a_running_step_cancels_the_workflow() {
    try (TimedSse sse = TimedSse.post(server, "/workflows/slow-flow/runs",
        Map.of("message", "hello", "session_id", "wf-cancel-1"))) {
      String runId = sse.until("WorkflowStarted").data().path("run_id").asString();
      sse.until("RunContent"); // the first step's agent streams
      TimedSse.Arrival napping;
      do {
        napping = sse.until("RunContent");
      } while (!"napper".equals(napping.data().path("agent_id").asString()));
      HttpResponse<String> cancel = server.postForm("/workflows/slow-flow/runs/" + runId + "/cancel", Map.of());
      assertThat(cancel.statusCode()).isEqualTo(200);
      assertThat(cancel.body()).isEqualTo("{}");
      sse.rest();
      assertThat(sse.names()).containsSubsequence("RunCancelled", "WorkflowCancelled");
      JsonNode stored = ok(server.get("/workflows/slow-flow/runs/" + runId + "?session_id=wf-cancel-1"));
      assertThat(stored.path("status").asString()).isEqualTo("CANCELLED");
    }
  }

  @Test
  void a_confirmation_pause_is_continued_with_step_requirements() {
    List<TimedSse.Arrival> events;
    try (TimedSse timed = TimedSse.post(server, "/workflows/reviewed/runs",
        Map.of("message", "hello", "session_id", "wf-hitl-1"))) {
      events = timed.rest();
    }
    List<String> names = events.stream().map(TimedSse.Arrival::name).toList();
    assertThat(names).containsSubsequence("WorkflowStarted", "StepStarted", "StepCompleted", "StepPaused",
        "WorkflowPaused", "WorkflowRunOutput");
    assertThat(names.getLast()).as("Agno's legacy run dict closes a paused stream").isEqualTo("WorkflowRunOutput");
    JsonNode paused = events.get(names.indexOf("WorkflowPaused")).data();
    assertThat(paused.path("pause_kind").asString()).isEqualTo("step");
    assertThat(paused.path("paused_step_name").asString()).isEqualTo("publish");
    JsonNode legacy = events.getLast().data();
    assertThat(AgnoWorkflowShapes.WORKFLOW_RUN_OUTPUT.check(legacy, "$", EXTRAS)).isEmpty();
    assertThat(legacy.path("status").asString()).isEqualTo("PAUSED");
    String runId = legacy.path("run_id").asString();

    JsonNode stored = ok(server.get("/workflows/reviewed/runs/" + runId + "?session_id=wf-hitl-1"));
    assertThat(stored.path("status").asString()).isEqualTo("PAUSED");
    assertThat(stored.path("pause_kind").asString()).isEqualTo("step");
    assertThat(stored.path("paused_step_index").asInt()).isEqualTo(1);
    assertThat(stored.path("paused_step_name").asString()).isEqualTo("publish");
    JsonNode requirement = stored.path("step_requirements").path(0);
    assertThat(AgnoWorkflowShapes.STEP_REQUIREMENT.check(requirement, "step_requirements[0]", Set.of())).isEmpty();
    assertThat(requirement.path("requires_confirmation").asBoolean()).isTrue();
    assertThat(requirement.path("confirmation_message").asString()).isEqualTo("Publish it?");

    HttpResponse<String> bad = server.postForm("/workflows/reviewed/runs/" + runId + "/continue",
        Map.of("step_requirements", "[{not json", "session_id", "wf-hitl-1", "stream", "false"));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(TestServer.json(bad).path("detail").asString()).isEqualTo("Invalid JSON in step_requirements field");

    ((tools.jackson.databind.node.ObjectNode) requirement).put("confirmed", true);
    String answers = "[" + requirement + "]";
    JsonNode done = ok(server.postForm("/workflows/reviewed/runs/" + runId + "/continue",
        Map.of("step_requirements", answers, "session_id", "wf-hitl-1", "stream", "false")));
    assertThat(done.path("status").asString()).isEqualTo("COMPLETED");
    assertThat(done.path("step_results").size()).isEqualTo(2);
    assertThat(done.has("pause_kind")).isFalse();

    HttpResponse<String> again = server.postForm("/workflows/reviewed/runs/" + runId + "/continue",
        Map.of("step_requirements", answers, "session_id", "wf-hitl-1", "stream", "false"));
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(TestServer.json(again).path("detail").asString()).isEqualTo("run is already completed");
  }

  @Test
  void an_input_that_fails_the_input_schema_is_422_and_nothing_runs() {
    HttpResponse<String> response = server.postForm("/workflows/typed/runs",
        Map.of("message", "{\"subject\": 1}", "stream", "false", "session_id", "wf-typed-1"));
    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(TestServer.json(response).path("detail").asString()).isNotBlank();
    assertThat(server.get("/workflows/typed/runs?session_id=wf-typed-1").statusCode()).isEqualTo(404);

    JsonNode run = ok(server.postForm("/workflows/typed/runs",
        Map.of("message", "{\"topic\": \"tea\"}", "stream", "false", "session_id", "wf-typed-2")));
    assertThat(run.path("status").asString()).isEqualTo("COMPLETED");
    assertThat(run.path("input").path("topic").asString()).isEqualTo("tea");
  }

  @Test
  void the_run_listings_show_workflow_runs_as_workflow_run_schema() {
    JsonNode run = ok(server.postForm("/workflows/pipeline/runs",
        Map.of("message", "hello", "stream", "false", "session_id", "wf-list-1")));
    String runId = run.path("run_id").asString();

    JsonNode listed = ok(server.get("/workflows/pipeline/runs?session_id=wf-list-1"));
    assertThat(listed.size()).isEqualTo(1);
    assertThat(AgnoWorkflowShapes.WORKFLOW_RUN_SCHEMA.check(listed.path(0), "$[0]", Set.of("session_id", "session_state",
        "metadata", "spec_version", "instance_id"))).isEmpty();
    assertThat(listed.path(0).path("run_input").asString()).isEqualTo("hello");
    assertThat(ok(server.get("/workflows/pipeline/runs?session_id=wf-list-1&status=PAUSED")).size()).isZero();

    JsonNode sessionRuns = ok(server.get("/sessions/wf-list-1/runs"));
    assertThat(sessionRuns.size()).as("the steps' agent runs are inside the workflow run, not beside it").isEqualTo(1);
    assertThat(sessionRuns.path(0).path("workflow_id").asString()).isEqualTo("pipeline");
    assertThat(sessionRuns.path(0).path("step_executor_runs").size()).isEqualTo(2);
    JsonNode one = ok(server.get("/sessions/wf-list-1/runs/" + runId));
    assertThat(AgnoWorkflowShapes.WORKFLOW_RUN_SCHEMA.check(one, "$", Set.of("session_id", "session_state", "metadata",
        "spec_version", "instance_id"))).isEmpty();
    assertThat(one.path("status").asString()).isEqualTo("COMPLETED");
    assertThat(one.path("instance_id").asString()).as("the instance that ran it").isNotBlank();
    assertThat(one.path("spec_version").asString()).isNotBlank();
  }

  private static JsonNode ok(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return TestServer.json(response);
  }
}
