package dev.agentry.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentry.engine.event.ComponentKind;
import dev.agentry.engine.event.RunStatus;
import dev.agentry.engine.event.StepResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a workflow run leaves in the store: the run, its steps' results and runs, its session's state and history. */
class WorkflowStorageTest {
  @TempDir Path dir;

  private Engine engine(String workflowSpec) {
    return Engine.create(Workflows.compile(dir, workflowSpec));
  }

  private static RunOutput run(Engine engine, String input, String sessionId) {
    return engine.run(Target.workflow("wf"), RunRequest.create(r -> r.input(input).sessionId(sessionId)), e -> {});
  }

  @Test
  void a_stored_workflow_run_reads_back_with_its_step_results_and_its_steps_runs() {
    Engine engine = engine("""
        steps:
          - {name: one, agent: echo}
          - name: group
            steps: [{name: two, agent: upper}]
        """);
    RunOutput out = run(engine, "x", "s1");

    RunOutput stored = engine.store().findRun(out.runId()).orElseThrow();
    assertThat(stored.kind()).isEqualTo(ComponentKind.WORKFLOW);
    assertThat(stored.componentId()).isEqualTo("wf");
    assertThat(stored.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(stored.content()).isEqualTo("UP:[x]");
    assertThat(stored.stepResults()).extracting(StepResult::stepName).containsExactly("one", "group");
    assertThat(stored.stepResults().get(1).steps()).singleElement()
        .satisfies(r -> assertThat(r.content()).isEqualTo("UP:[x]"));
    assertThat(stored.memberResponses()).extracting(RunOutput::componentId).containsExactly("echo", "upper");
    assertThat(stored.memberResponses().getFirst().runId()).isEqualTo(stored.stepResults().getFirst().stepRunId());
    assertThat(engine.store().listRuns("s1")).filteredOn(r -> r.kind() == ComponentKind.AGENT)
        .as("the steps' runs are stored on their own, with the workflow run as their parent").hasSize(2)
        .allSatisfy(r -> assertThat(r.parentRunId()).isEqualTo(out.runId()));
  }

  @Test
  void store_executor_outputs_false_keeps_only_the_paused_steps_runs_with_the_workflow_run() {
    Engine engine = engine("""
        store_executor_outputs: false
        steps:
          - {name: one, agent: echo}
          - {name: mail, agent: mailer}
        """);
    RunOutput paused = run(engine, "mail Ada", "s1");
    assertThat(paused.status()).isEqualTo(RunStatus.PAUSED);

    RunOutput stored = engine.store().findRun(paused.runId()).orElseThrow();
    assertThat(stored.memberResponses()).extracting(RunOutput::componentId).containsExactly("mailer");
    assertThat(stored.stepResults().getFirst().content()).isEqualTo("[mail Ada]");

    RunOutput done = engine.continueWorkflow(paused.runId(),
        List.of(Workflows.confirmTools(paused.stepRequirements().getFirst())), e -> {}).await();
    assertThat(done.status()).as(done.contentText()).isEqualTo(RunStatus.COMPLETED);
    assertThat(engine.store().findRun(paused.runId()).orElseThrow().memberResponses()).isEmpty();
  }

  @Test
  void store_executor_outputs_true_keeps_every_steps_run() {
    Engine engine = engine("""
        steps:
          - {name: one, agent: echo}
        """);
    RunOutput out = run(engine, "x", "s1");

    assertThat(engine.store().findRun(out.runId()).orElseThrow().memberResponses()).hasSize(1);
  }

  @Test
  void the_session_keeps_the_workflows_state_across_runs() {
    Engine engine = engine("""
        session_state: {audience: developers}
        steps:
          - name: route
            router:
              selector: 'has(session_state.plan) && session_state.plan == "pro" ? "to-upper" : "to-echo"'
              choices: [{name: to-upper, agent: upper}, {name: to-echo, agent: echo}]
        """);
    engine.run(Target.workflow("wf"), RunRequest.create(r -> r.input("x").sessionId("s1")
        .sessionState(Map.of("plan", "pro"))), e -> {});

    assertThat(engine.store().findSession("s1").orElseThrow().sessionState())
        .containsEntry("audience", "developers").containsEntry("plan", "pro");
    RunOutput second = run(engine, "y", "s1");
    assertThat(second.content()).as("the second run reads the state the first left").isEqualTo("UP:y");
  }

  @Test
  void with_workflow_history_the_second_runs_step_is_told_the_first_runs_input_and_output() {
    Engine engine = engine("""
        add_workflow_history_to_steps: true
        steps:
          - {name: one, agent: echo}
        """);
    RunOutput first = run(engine, "first question", "s1");
    RunOutput second = run(engine, "second question", "s1");

    assertThat(first.memberResponses().getFirst().input().inputContent()).isEqualTo("first question");
    String asked = second.memberResponses().getFirst().input().inputContent().toString();
    assertThat(asked).startsWith("<workflow_history_context>\n[Workflow Run-1]\nUser input: first question\n"
        + "Workflow output: [first question]\n").endsWith("</workflow_history_context>\nsecond question");
  }

  @Test
  void a_step_can_ask_for_the_history_itself_and_the_other_steps_do_not_get_it() {
    Engine engine = engine("""
        steps:
          - {name: one, agent: echo, add_workflow_history: true, num_history_runs: 1}
          - {name: two, agent: upper}
        """);
    run(engine, "a", "s1");
    run(engine, "b", "s1");
    RunOutput third = run(engine, "c", "s1");

    String one = third.memberResponses().getFirst().input().inputContent().toString();
    assertThat(one).as("only the latest run").startsWith("<workflow_history_context>\n[Workflow Run-1]\nUser input: b\n")
        .doesNotContain("[Workflow Run-2]");
    assertThat(third.memberResponses().get(1).input().inputContent()).as("step two: step one's output, no history")
        .isEqualTo("[" + one + "]");
  }
}
