package dev.agentry.engine.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentry.engine.event.RunStatus;
import dev.agentry.engine.event.StepRequirement;
import dev.agentry.engine.event.StepResult;
import dev.agentry.engine.event.WorkflowEvent;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A workflow that waits for a person: before a step, at a router, and when a step's agent waits for one. */
class WorkflowHitlTest {
  @TempDir Path dir;

  private static final String CONFIRMED = """
      stream_events: true
      steps:
        - {name: first, agent: echo}
        - name: approve
          agent: upper
          requires_confirmation: true
          confirmation_message: "Shout it?"
          on_reject: %s
        - {name: last, agent: echo}
      """;

  private Engine engine(String workflowSpec) {
    return Engine.create(Workflows.compile(dir, workflowSpec));
  }

  private static RunOutput start(Engine engine, String input, EventLog log) {
    return engine.run(Target.workflow("wf"), RunRequest.create(r -> r.input(input).streamEvents(true)), log);
  }

  private static StepRequirement only(RunOutput paused) {
    assertThat(paused.status()).as(paused.contentText()).isEqualTo(RunStatus.PAUSED);
    assertThat(paused.stepRequirements()).hasSize(1);
    return paused.stepRequirements().getFirst();
  }

  @Test
  void a_step_that_requires_confirmation_pauses_the_workflow_before_it_runs() {
    Engine engine = engine(CONFIRMED.formatted("skip"));
    EventLog log = new EventLog();

    RunOutput paused = start(engine, "x", log);

    StepRequirement waiting = only(paused);
    assertThat(waiting.stepName()).isEqualTo("approve");
    assertThat(waiting.stepIndex()).isEqualTo(1);
    assertThat(waiting.requiresConfirmation()).isTrue();
    assertThat(waiting.confirmationMessage()).isEqualTo("Shout it?");
    assertThat(waiting.confirmed()).isNull();
    assertThat(paused.memberResponses()).extracting(RunOutput::componentId).as("upper has not run")
        .containsExactly("echo");
    assertThat(log.names()).containsSubsequence("WorkflowStarted", "StepCompleted", "StepPaused", "WorkflowPaused")
        .last().isEqualTo("WorkflowPaused");
    assertThat(engine.store().findRun(paused.runId()).orElseThrow().status()).isEqualTo(RunStatus.PAUSED);
  }

  @Test
  void a_confirmed_step_runs_with_the_previous_output_and_the_workflow_completes() {
    Engine engine = engine(CONFIRMED.formatted("skip"));
    RunOutput paused = start(engine, "x", new EventLog());

    EventLog log = new EventLog();
    RunOutput done = engine.continueWorkflow(paused.runId(), List.of(Workflows.confirm(only(paused), true)), log)
        .await();

    assertThat(done.status()).as(done.contentText()).isEqualTo(RunStatus.COMPLETED);
    assertThat(done.stepResults()).extracting(StepResult::content).containsExactly("[x]", "UP:[x]", "[UP:[x]]");
    assertThat(done.content()).isEqualTo("[UP:[x]]");
    assertThat(log.names()).contains("StepContinued").last().isEqualTo("WorkflowCompleted");
    assertThat(done.memberResponses()).extracting(RunOutput::componentId).as("the first step does not run again")
        .containsExactly("echo", "upper", "echo");
  }

  @Test
  void a_rejected_step_with_on_reject_skip_is_skipped_and_the_workflow_goes_on() {
    Engine engine = engine(CONFIRMED.formatted("skip"));
    RunOutput paused = start(engine, "x", new EventLog());

    RunOutput done = engine.continueWorkflow(paused.runId(), List.of(Workflows.confirm(only(paused), false)),
        e -> {}).await();

    assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(done.stepResults().get(1).content()).isEqualTo("Step approve was rejected and skipped");
    assertThat(done.memberResponses()).extracting(RunOutput::componentId).doesNotContain("upper");
  }

  @Test
  void a_rejected_step_with_on_reject_cancel_cancels_the_workflow() {
    Engine engine = engine(CONFIRMED.formatted("cancel"));
    RunOutput paused = start(engine, "x", new EventLog());
    EventLog log = new EventLog();

    RunOutput done = engine.continueWorkflow(paused.runId(), List.of(Workflows.confirm(only(paused), false)), log)
        .await();

    assertThat(done.status()).isEqualTo(RunStatus.CANCELLED);
    assertThat(log.names()).last().isEqualTo("WorkflowCancelled");
    assertThat(engine.store().findRun(paused.runId()).orElseThrow().status()).isEqualTo(RunStatus.CANCELLED);
  }

  @Test
  void user_input_is_checked_before_the_continue_and_given_to_the_step_as_user_preferences() {
    Engine engine = engine("""
        steps:
          - name: ask
            agent: echo
            requires_user_input: true
            user_input_message: "How?"
            user_input_schema:
              - {name: tone, field_type: str, required: true}
              - {name: words, field_type: int}
        """);
    RunOutput paused = start(engine, "write", new EventLog());
    StepRequirement waiting = only(paused);
    assertThat(waiting.requiresUserInput()).isTrue();
    assertThat(waiting.userInputSchema()).extracting(StepRequirement.UserInputField::name)
        .containsExactly("tone", "words");

    assertThatThrownBy(() -> engine.continueWorkflow(paused.runId(),
        List.of(Workflows.give(waiting, Map.of("words", 3))), e -> {}))
        .isInstanceOf(InvalidAnswerException.class).hasMessageContaining("tone");
    assertThat(engine.store().findRun(paused.runId()).orElseThrow().status()).isEqualTo(RunStatus.PAUSED);

    RunOutput done = engine.continueWorkflow(paused.runId(),
        List.of(Workflows.give(waiting, Map.of("tone", "warm", "words", "3"))), e -> {}).await();

    assertThat(done.status()).as(done.contentText()).isEqualTo(RunStatus.COMPLETED);
    assertThat(done.memberResponses().getFirst().input().inputContent().toString())
        .isEqualTo("write\n\nUser preferences:\n- tone: warm\n- words: 3");
  }

  @Test
  void a_router_waiting_for_a_person_runs_the_chosen_routes_in_the_order_chosen() {
    Engine engine = engine("""
        steps:
          - name: route
            router:
              requires_user_input: true
              allow_multiple_selections: true
              choices: [{name: to-upper, agent: upper}, {name: to-echo, agent: echo}, {name: to-hello, agent: hello}]
        """);
    EventLog log = new EventLog();
    RunOutput paused = start(engine, "x", log);
    StepRequirement waiting = only(paused);
    assertThat(waiting.requiresRouteSelection()).isTrue();
    assertThat(waiting.availableChoices()).containsExactly("to-upper", "to-echo", "to-hello");
    assertThat(log.names()).contains("RouterPaused");

    RunOutput done = engine.continueWorkflow(paused.runId(),
        List.of(Workflows.choose(waiting, List.of("to-echo", "to-upper"))), e -> {}).await();

    assertThat(done.status()).as(done.contentText()).isEqualTo(RunStatus.COMPLETED);
    assertThat(done.stepResults().getFirst().steps()).extracting(StepResult::stepName)
        .containsExactly("to-echo", "to-upper");
    assertThat(done.content()).isEqualTo("UP:[x]");
  }

  @Test
  void a_router_waiting_for_a_person_ignores_its_selector() {
    Engine engine = engine("""
        steps:
          - name: route
            router:
              selector: '"to-upper"'
              requires_user_input: true
              choices: [{name: to-upper, agent: upper}, {name: to-echo, agent: echo}]
        """);

    RunOutput paused = start(engine, "x", new EventLog());

    assertThat(only(paused).requiresRouteSelection()).isTrue();
  }

  @Test
  void an_agent_waiting_for_a_tool_confirmation_inside_a_router_pauses_the_workflow_and_is_resumed() {
    assertExecutorPauseResumes("""
        steps:
          - {name: first, agent: echo}
          - name: route
            router:
              selector: '"mail-it"'
              choices: [{name: mail-it, agent: mailer}, {name: other, agent: hello}]
          - {name: last, agent: upper}
        """, "mail-it");
  }

  @Test
  void an_agent_waiting_for_a_tool_confirmation_inside_a_loop_pauses_the_workflow_and_is_resumed() {
    assertExecutorPauseResumes("""
        steps:
          - {name: first, agent: echo}
          - name: loop
            loop:
              steps: [{name: mail-it, agent: mailer}]
              max_iterations: 1
          - {name: last, agent: upper}
        """, "mail-it");
  }

  private void assertExecutorPauseResumes(String spec, String stepName) {
    Engine engine = engine(spec);
    EventLog log = new EventLog();
    RunOutput paused = start(engine, "mail Ada", log);

    StepRequirement waiting = only(paused);
    assertThat(waiting.stepName()).isEqualTo(stepName);
    assertThat(waiting.requiresExecutorInput()).isTrue();
    assertThat(waiting.executorRequirements()).singleElement()
        .satisfies(r -> assertThat(r.toolExecution().toolName()).isEqualTo("send_email"));
    assertThat(log.names()).contains("StepExecutorPaused").last().isEqualTo("WorkflowPaused");
    String mailerRun = waiting.executorRunId();
    assertThat(engine.store().findRun(mailerRun).orElseThrow().status()).isEqualTo(RunStatus.PAUSED);

    RunOutput done = engine.continueWorkflow(paused.runId(), List.of(Workflows.confirmTools(waiting)), e -> {})
        .await();

    assertThat(done.status()).as(done.contentText()).isEqualTo(RunStatus.COMPLETED);
    assertThat(done.content()).isEqualTo("UP:Mail sent: The user confirmed the call to send_email.");
    assertThat(done.memberResponses()).filteredOn(r -> r.componentId().equals("mailer")).as("resumed, not restarted")
        .singleElement().satisfies(r -> {
          assertThat(r.runId()).isEqualTo(mailerRun);
          assertThat(r.status()).isEqualTo(RunStatus.COMPLETED);
        });
    assertThat(done.memberResponses()).filteredOn(r -> r.componentId().equals("echo")).hasSize(1);
    assertThat(engine.store().findRun(mailerRun).orElseThrow().status()).isEqualTo(RunStatus.COMPLETED);
  }

  @Test
  void a_workflow_run_continued_once_cannot_be_continued_again() {
    Engine engine = engine(CONFIRMED.formatted("skip"));
    RunOutput paused = start(engine, "x", new EventLog());
    List<StepRequirement> answers = List.of(Workflows.confirm(only(paused), true));
    engine.continueWorkflow(paused.runId(), answers, e -> {}).await();

    assertThatThrownBy(() -> engine.continueWorkflow(paused.runId(), answers, e -> {}))
        .isInstanceOf(RunNotPausedException.class);
  }

  @Test
  void a_step_paused_event_says_what_the_step_waits_for() {
    Engine engine = engine(CONFIRMED.formatted("skip"));
    EventLog log = new EventLog();
    start(engine, "x", log);

    assertThat(log.of(WorkflowEvent.StepPaused.class)).singleElement().satisfies(e -> {
      assertThat(e.stepName()).isEqualTo("approve");
      assertThat(e.requiresConfirmation()).isTrue();
      assertThat(e.confirmationMessage()).isEqualTo("Shout it?");
    });
    assertThat(log.of(WorkflowEvent.WorkflowPaused.class)).singleElement()
        .satisfies(e -> assertThat(e.stepRequirements()).hasSize(1));
  }

  @Test
  void a_branch_waiting_in_a_parallel_step_is_resumed_and_the_branch_that_ended_does_not_run_again() {
    Engine engine = engine("""
        steps:
          - name: both
            parallel: {steps: [{name: mail-it, agent: mailer}, {name: other, agent: upper}]}
          - {name: last, agent: echo}
        """);
    RunOutput paused = start(engine, "mail Ada", new EventLog());
    StepRequirement waiting = only(paused);

    RunOutput done = engine.continueWorkflow(paused.runId(), List.of(Workflows.confirmTools(waiting)), e -> {})
        .await();

    assertThat(done.status()).as(done.contentText()).isEqualTo(RunStatus.COMPLETED);
    assertThat(done.memberResponses()).filteredOn(r -> r.componentId().equals("upper")).hasSize(1);
    assertThat(done.content()).isEqualTo("[=== mail-it ===\nMail sent: The user confirmed the call to send_email."
        + "\n\n=== other ===\nUP:mail Ada]");
  }

  @Test
  void an_agent_waiting_inside_a_nested_workflow_pauses_both_and_the_continue_resumes_it() {
    Engine engine = Engine.create(Workflows.compile(dir, """
        steps:
          - {name: first, agent: echo}
          - {name: inner, workflow: sub}
          - {name: last, agent: upper}
        """, Workflows.workflow("sub", """
        steps:
          - {name: mail-it, agent: mailer}
        """)));
    RunOutput paused = start(engine, "mail Ada", new EventLog());
    StepRequirement waiting = only(paused);
    assertThat(waiting.stepName()).isEqualTo("mail-it");
    String mailerRun = waiting.executorRunId();

    RunOutput done = engine.continueWorkflow(paused.runId(), List.of(Workflows.confirmTools(waiting)), e -> {})
        .await();

    assertThat(done.status()).as(done.contentText()).isEqualTo(RunStatus.COMPLETED);
    assertThat(done.content()).isEqualTo("UP:Mail sent: The user confirmed the call to send_email.");
    assertThat(engine.store().findRun(mailerRun).orElseThrow().status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(done.memberResponses()).filteredOn(r -> r.componentId().equals("echo")).hasSize(1);
  }

  @Test
  void a_step_waiting_for_confirmation_inside_a_condition_pauses_and_runs_once_confirmed() {
    Engine engine = engine("""
        steps:
          - name: check
            condition:
              evaluator: 'true'
              steps:
                - {name: before, agent: echo}
                - {name: approve, agent: upper, requires_confirmation: true}
        """);
    RunOutput paused = start(engine, "x", new EventLog());

    RunOutput done = engine.continueWorkflow(paused.runId(), List.of(Workflows.confirm(only(paused), true)),
        e -> {}).await();

    assertThat(done.status()).as(done.contentText()).isEqualTo(RunStatus.COMPLETED);
    assertThat(done.content()).isEqualTo("UP:[x]");
    assertThat(done.memberResponses()).extracting(RunOutput::componentId).containsExactly("echo", "upper");
  }

  @Test
  void a_step_waiting_for_confirmation_in_every_round_of_a_loop_pauses_in_each_and_keeps_earlier_rounds() {
    Engine engine = engine("""
        steps:
          - name: loop
            loop:
              steps:
                - {name: wrap, agent: echo}
                - {name: approve, agent: upper, requires_confirmation: true}
              max_iterations: 2
        """);
    RunOutput first = start(engine, "x", new EventLog());
    RunOutput second = engine.continueWorkflow(first.runId(), List.of(Workflows.confirm(only(first), true)),
        e -> {}).await();
    StepRequirement again = only(second);
    assertThat(again.stepName()).isEqualTo("approve");

    RunOutput done = engine.continueWorkflow(first.runId(), List.of(Workflows.confirm(again, true)), e -> {})
        .await();

    assertThat(done.status()).as(done.contentText()).isEqualTo(RunStatus.COMPLETED);
    assertThat(done.stepResults().getFirst().steps()).extracting(StepResult::content)
        .containsExactly("[x]", "UP:[x]", "[UP:[x]]", "UP:[UP:[x]]");
    assertThat(done.memberResponses()).extracting(RunOutput::componentId)
        .containsExactly("echo", "upper", "echo", "upper");
  }

  @Test
  void an_agent_waiting_in_a_loop_twice_is_resumed_each_time() {
    Engine engine = engine("""
        steps:
          - name: loop
            loop:
              steps: [{name: mail-it, agent: mailer}]
              end_condition: 'false'
              max_iterations: 2
        """);
    RunOutput first = start(engine, "mail Ada", new EventLog());
    RunOutput second = engine.continueWorkflow(first.runId(), List.of(Workflows.confirmTools(only(first))),
        e -> {}).await();
    StepRequirement again = only(second);
    assertThat(again.executorRunId()).isNotEqualTo(only(first).executorRunId());

    RunOutput done = engine.continueWorkflow(first.runId(), List.of(Workflows.confirmTools(again)), e -> {})
        .await();

    assertThat(done.status()).as(done.contentText()).isEqualTo(RunStatus.COMPLETED);
    assertThat(done.memberResponses()).extracting(RunOutput::runId)
        .containsExactlyInAnyOrder(only(first).executorRunId(), again.executorRunId());
    assertThat(done.stepResults().getFirst().steps()).hasSize(2);
  }

  @Test
  void a_router_taking_one_choice_refuses_two_and_an_unknown_one() {
    Engine engine = engine("""
        steps:
          - name: route
            router:
              requires_user_input: true
              choices: [{name: to-upper, agent: upper}, {name: to-echo, agent: echo}]
        """);
    RunOutput paused = start(engine, "x", new EventLog());
    StepRequirement waiting = only(paused);
    assertThat(waiting.allowMultipleSelections()).isFalse();

    assertThatThrownBy(() -> engine.continueWorkflow(paused.runId(),
        List.of(Workflows.choose(waiting, List.of("to-upper", "to-echo"))), e -> {}))
        .isInstanceOf(InvalidAnswerException.class);
    assertThatThrownBy(() -> engine.continueWorkflow(paused.runId(),
        List.of(Workflows.choose(waiting, List.of("elsewhere"))), e -> {}))
        .isInstanceOf(InvalidAnswerException.class).hasMessageContaining("elsewhere");
    RunOutput done = engine.continueWorkflow(paused.runId(), List.of(Workflows.choose(waiting, List.of("to-echo"))),
        e -> {}).await();
    assertThat(done.content()).isEqualTo("[x]");
  }
}
