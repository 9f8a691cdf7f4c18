package dev.agentry.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentry.engine.event.EventJson;
import dev.agentry.engine.event.RunEvent;
import dev.agentry.engine.event.RunStatus;
import dev.agentry.engine.event.WorkflowEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The events a workflow run sends and stores, in order, with the step's place in the envelope of its agents'. */
class WorkflowEventsTest {
  @TempDir Path dir;

  private Engine engine(String workflowSpec) {
    return Engine.create(Workflows.compile(dir, workflowSpec));
  }

  private static RunOutput run(Engine engine, String input, EventLog log) {
    return engine.run(Target.workflow("wf"), RunRequest.create(r -> r.input(input).streamEvents(true)), log);
  }

  /** The names of the workflow's own events (not its agents'), in order. */
  private static List<String> workflowEvents(EventLog log) {
    return log.events.stream().filter(e -> e instanceof WorkflowEvent).map(RunEvent::name).toList();
  }

  @Test
  void a_one_step_workflow_sends_started_step_agent_and_completed_events_in_order() {
    EventLog log = new EventLog();
    RunOutput out = run(engine("""
        steps:
          - {name: only, agent: echo}
        """), "x", log);

    assertThat(log.names()).containsExactly("WorkflowStarted", "StepStarted", "RunStarted", "ModelRequestStarted",
        "RunContent*", "ModelRequestCompleted", "RunContentCompleted", "RunCompleted", "StepCompleted", "WorkflowCompleted");
    WorkflowEvent.WorkflowCompleted completed = log.of(WorkflowEvent.WorkflowCompleted.class).getFirst();
    assertThat(completed.content()).isEqualTo("[x]");
    assertThat(completed.stepResults()).singleElement().satisfies(r -> assertThat(r.content()).isEqualTo("[x]"));
    assertThat(completed.metrics()).isNotNull();
    assertThat(completed.scope().runId()).isEqualTo(out.runId());
  }

  @Test
  void the_agents_events_carry_the_workflow_and_the_step_in_their_envelope() {
    EventLog log = new EventLog();
    RunOutput out = run(engine("""
        steps:
          - {name: first, agent: upper}
          - name: group
            steps:
              - {name: inner, agent: echo}
        """), "x", log);

    JsonNode started = log.events.stream().filter(e -> e instanceof RunEvent.RunStarted)
        .filter(e -> e.scope().componentId().equals("echo")).map(EventJson::toTree).findFirst().orElseThrow();
    assertThat(started.get("workflow_id").asString()).isEqualTo("wf");
    assertThat(started.get("workflow_run_id").asString()).isEqualTo(out.runId());
    assertThat(started.get("step_name").asString()).isEqualTo("inner");
    assertThat(started.get("step_id").asString()).isEqualTo(out.stepResults().get(1).steps().getFirst().stepId());
    assertThat(started.get("step_index").isArray()).isTrue();
    assertThat(started.get("step_index").get(0).asInt()).isEqualTo(1);
    assertThat(started.get("step_index").get(1).asInt()).isEqualTo(0);
    JsonNode first = log.events.stream().filter(e -> e instanceof RunEvent.RunStarted)
        .filter(e -> e.scope().componentId().equals("upper")).map(EventJson::toTree).findFirst().orElseThrow();
    assertThat(first.get("step_index").asInt()).isEqualTo(0);
    assertThat(first.get("step_name").asString()).isEqualTo("first");
  }

  @Test
  void groups_send_their_started_and_completed_events_around_their_steps() {
    EventLog log = new EventLog();
    run(engine("""
        steps:
          - name: loop
            loop: {steps: [{name: a, agent: echo}], max_iterations: 2}
          - name: both
            parallel: {steps: [{name: p1, agent: echo}, {name: p2, agent: upper}]}
          - name: check
            condition: {evaluator: 'true', steps: [{name: c, agent: echo}]}
          - name: route
            router: {selector: '"r"', choices: [{name: r, agent: echo}]}
          - name: group
            steps: [{name: g, agent: echo}]
        """), "x", log);

    List<String> names = workflowEvents(log);
    assertThat(names.subList(12, 16)).as("the branches run at the same time")
        .containsExactlyInAnyOrder("StepStarted", "StepStarted", "StepCompleted", "StepCompleted");
    assertThat(names.subList(0, 12)).containsExactly("WorkflowStarted",
        "LoopExecutionStarted", "LoopIterationStarted", "StepStarted", "StepCompleted", "LoopIterationCompleted",
        "LoopIterationStarted", "StepStarted", "StepCompleted", "LoopIterationCompleted", "LoopExecutionCompleted",
        "ParallelExecutionStarted");
    assertThat(names.subList(16, names.size())).containsExactly("ParallelExecutionCompleted",
        "ConditionExecutionStarted", "StepStarted", "StepCompleted", "ConditionExecutionCompleted",
        "RouterExecutionStarted", "StepStarted", "StepCompleted", "RouterExecutionCompleted",
        "StepsExecutionStarted", "StepStarted", "StepCompleted", "StepsExecutionCompleted",
        "WorkflowCompleted");
  }

  @Test
  void events_to_skip_are_left_out_of_the_stored_events_only() {
    Engine engine = engine("""
        store_events: true
        events_to_skip: [StepStarted]
        steps:
          - {name: only, agent: echo}
        """);
    EventLog log = new EventLog();
    RunOutput out = run(engine, "x", log);

    assertThat(log.names()).contains("StepStarted");
    List<String> stored = engine.store().findRun(out.runId()).orElseThrow().events().stream().map(RunEvent::name)
        .toList();
    assertThat(stored).contains("WorkflowStarted", "StepCompleted", "WorkflowCompleted").doesNotContain("StepStarted");
  }

  @Test
  void stream_executor_events_false_keeps_the_agents_events_out() {
    EventLog log = new EventLog();
    run(engine("""
        stream_executor_events: false
        steps:
          - {name: only, agent: echo}
        """), "x", log);

    assertThat(log.names()).containsExactly("WorkflowStarted", "StepStarted", "StepCompleted", "WorkflowCompleted");
  }

  @Test
  void stream_events_false_sends_no_progress_events() {
    EventLog log = new EventLog();
    engine("""
        steps:
          - {name: only, agent: echo}
        """).run(Target.workflow("wf"), RunRequest.create(r -> r.input("x").streamEvents(false)), log);

    assertThat(workflowEvents(log)).doesNotContain("StepStarted", "StepCompleted").contains("WorkflowCompleted");
  }

  @Test
  void a_cancel_during_a_parallel_step_cancels_both_branches_runs_and_the_workflow() {
    Engine engine = engine("""
        steps:
          - name: both
            parallel: {steps: [{name: s1, agent: slow}, {name: s2, agent: slow}]}
          - {name: after, agent: echo}
        """);
    EventLog log = new EventLog();
    RunHandle handle = engine.start(Target.workflow("wf"), RunRequest.create(r -> r.input("x").streamEvents(true)),
        log);
    await(() -> log.events.stream().filter(e -> e instanceof RunEvent.RunContent).map(e -> e.scope().runId())
        .distinct().count() == 2);

    assertThat(engine.cancel(handle.runId())).isTrue();
    RunOutput out = handle.await();

    assertThat(out.status()).isEqualTo(RunStatus.CANCELLED);
    assertThat(log.names()).last().isEqualTo("WorkflowCancelled");
    List<RunOutput> branches = engine.store().listRuns(out.sessionId()).stream()
        .filter(r -> "slow".equals(r.componentId())).toList();
    assertThat(branches).hasSize(2).extracting(RunOutput::status).containsOnly(RunStatus.CANCELLED);
    assertThat(engine.store().listRuns(out.sessionId())).extracting(RunOutput::componentId).doesNotContain("echo");
    assertThat(engine.store().findRun(out.runId()).orElseThrow().status()).isEqualTo(RunStatus.CANCELLED);
  }

  private static void await(BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waited 5 s").isLessThan(deadline);
      Thread.onSpinWait();
    }
  }
}
