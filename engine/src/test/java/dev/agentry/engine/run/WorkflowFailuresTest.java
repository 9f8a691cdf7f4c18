package dev.agentry.engine.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentry.engine.event.RunStatus;
import dev.agentry.engine.event.StepResult;
import dev.agentry.engine.llm.StubProvider;
import dev.agentry.engine.llm.StubProvider.Reply;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A step that fails, is retried, times out or stops the workflow early; a workflow input that is refused. */
class WorkflowFailuresTest {
  @TempDir Path dir;
  private final StubProvider stub = StubProvider.start();

  @AfterEach
  void close() {
    stub.close();
  }

  /** Agent {@code remote} on the stub provider, which does not retry by itself. */
  private String remote() {
    return Specs.HEADER + """
        kind: Model
        metadata: {name: remote-model}
        spec:
          provider: openai
          id: gpt-4o-mini
          base_url: %s
          api_key: sk-test
          max_retries: 0
        ---
        """.formatted(stub.baseUrl()) + Specs.HEADER + """
        kind: Agent
        metadata: {name: remote}
        spec: {model: remote-model, name: Remote}
        """;
  }

  private Engine engine(String workflowSpec, String... extra) {
    return Engine.create(Workflows.compile(dir, workflowSpec, extra));
  }

  private static Reply failing() {
    return Reply.json(500, StubProvider.fixture("llm/openai/error-500.json"));
  }

  private static Reply answering() {
    return Reply.sse(StubProvider.fixture("llm/openai/text.sse"));
  }

  @Test
  void a_failing_parallel_branch_that_is_skipped_lets_the_other_branch_and_the_next_step_run() {
    stub.reply(failing());
    RunOutput out = engine("""
        steps:
          - name: both
            parallel:
              steps:
                - {name: bad, agent: remote, skip_on_failure: true}
                - {name: good, agent: upper}
          - {name: next, agent: echo}
        """, remote()).run(Target.workflow("wf"), RunRequest.of("x"), e -> {});

    assertThat(out.status()).as(out.contentText()).isEqualTo(RunStatus.COMPLETED);
    StepResult bad = out.stepResults().getFirst().steps().getFirst();
    assertThat(bad.stepName()).isEqualTo("bad");
    assertThat(bad.success()).isFalse();
    assertThat(bad.error()).contains("step 'bad' failed");
    assertThat(out.content()).isEqualTo("[=== good ===\nUP:x]");
  }

  @Test
  void a_failing_parallel_branch_not_skipped_fails_the_workflow_after_the_other_branch_ended() {
    stub.reply(failing());
    RunOutput out = engine("""
        steps:
          - name: both
            parallel:
              steps:
                - {name: bad, agent: remote}
                - {name: good, agent: upper}
          - {name: next, agent: echo}
        """, remote()).run(Target.workflow("wf"), RunRequest.of("x"), e -> {});

    assertThat(out.status()).isEqualTo(RunStatus.ERROR);
    assertThat(out.contentText()).contains("step 'bad' failed");
    assertThat(out.memberResponses()).extracting(RunOutput::componentId).doesNotContain("echo");
    assertThat(out.memberResponses()).filteredOn(r -> r.componentId().equals("upper")).singleElement()
        .extracting(RunOutput::status).isEqualTo(RunStatus.COMPLETED);
  }

  @Test
  void a_step_with_a_retry_runs_again_after_a_failure_and_succeeds() {
    stub.reply(failing(), answering());
    RunOutput out = engine("""
        steps:
          - {name: ask, agent: remote, max_retries: 1}
        """, remote()).run(Target.workflow("wf"), RunRequest.of("x"), e -> {});

    assertThat(out.status()).as(out.contentText()).isEqualTo(RunStatus.COMPLETED);
    assertThat(out.content()).isEqualTo("Hello! How can I help you today?");
    assertThat(stub.requests()).hasSize(2);
  }

  @Test
  void a_step_without_retries_fails_the_workflow_at_the_first_failure() {
    stub.reply(failing(), answering());
    RunOutput out = engine("""
        steps:
          - {name: ask, agent: remote}
          - {name: after, agent: echo}
        """, remote()).run(Target.workflow("wf"), RunRequest.of("x"), e -> {});

    assertThat(out.status()).isEqualTo(RunStatus.ERROR);
    assertThat(out.contentText()).contains("step 'ask' failed");
    assertThat(stub.requests()).hasSize(1);
    assertThat(out.memberResponses()).extracting(RunOutput::componentId).doesNotContain("echo");
  }

  @Test
  void a_step_that_takes_longer_than_its_timeout_cancels_its_run_and_fails() {
    Engine engine = engine("""
        steps:
          - {name: slowly, agent: slow, timeout_seconds: 1}
          - {name: after, agent: echo}
        """);
    long start = System.nanoTime();
    RunOutput out = engine.run(Target.workflow("wf"), RunRequest.of("x"), e -> {});

    assertThat((System.nanoTime() - start) / 1e9).as("ends at the timeout, before the slow answer").isLessThan(1.9);
    assertThat(out.status()).isEqualTo(RunStatus.ERROR);
    assertThat(out.contentText()).contains("step 'slowly' timed out");
    RunOutput child = engine.store().listRuns(out.sessionId()).stream()
        .filter(r -> "slow".equals(r.componentId())).findFirst().orElseThrow();
    assertThat(child.status()).isEqualTo(RunStatus.CANCELLED);
  }

  @Test
  void a_timed_out_step_that_is_skipped_lets_the_workflow_go_on() {
    RunOutput out = engine("""
        steps:
          - {name: slowly, agent: slow, timeout_seconds: 1, skip_on_failure: true}
          - {name: after, agent: upper}
        """).run(Target.workflow("wf"), RunRequest.of("x"), e -> {});

    assertThat(out.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(out.stepResults().getFirst().error()).contains("timed out");
    assertThat(out.content()).as("the skipped step hands nothing on: the next gets the input").isEqualTo("UP:x");
  }

  @Test
  void stop_when_ends_the_workflow_after_the_step() {
    RunOutput out = engine("""
        steps:
          - {name: one, agent: echo, stop_when: 'previous_step_content == "[stop]"'}
          - {name: two, agent: upper}
        """).run(Target.workflow("wf"), RunRequest.of("stop"), e -> {});
    RunOutput goesOn = engine("""
        steps:
          - {name: one, agent: echo, stop_when: 'previous_step_content == "[stop]"'}
          - {name: two, agent: upper}
        """).run(Target.workflow("wf"), RunRequest.of("go"), e -> {});

    assertThat(out.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(out.stepResults()).extracting(StepResult::stepName).containsExactly("one");
    assertThat(out.stepResults().getFirst().stop()).isTrue();
    assertThat(out.content()).isEqualTo("[stop]");
    assertThat(goesOn.content()).isEqualTo("UP:[go]");
  }

  @Test
  void stop_when_inside_a_loop_ends_the_loop_and_the_workflow() {
    RunOutput out = engine("""
        steps:
          - name: loop
            loop:
              steps: [{name: wrap, agent: echo, stop_when: 'iteration == 2'}]
              max_iterations: 5
          - {name: two, agent: upper}
        """).run(Target.workflow("wf"), RunRequest.of("x"), e -> {});

    assertThat(out.stepResults()).extracting(StepResult::stepName).containsExactly("loop");
    assertThat(out.stepResults().getFirst().steps()).hasSize(2);
    assertThat(out.content()).isEqualTo("[[x]]");
  }

  @Test
  void an_input_that_does_not_match_the_input_schema_is_refused_before_anything_is_stored() {
    Engine engine = engine("""
        input_schema:
          type: object
          required: [topic]
          properties: {topic: {type: string}}
        steps:
          - {name: one, agent: echo}
        """);

    assertThatThrownBy(() -> engine.run(Target.workflow("wf"), RunRequest.create(r -> r.input("no object")
        .sessionId("s1")), e -> {})).isInstanceOf(InvalidInputException.class).hasMessageContaining("input_schema");
    assertThat(engine.store().listRuns("s1")).isEmpty();
    assertThat(engine.store().findSession("s1")).isEmpty();
  }

  @Test
  void a_failed_workflow_is_stored_as_error_and_ends_with_step_error_then_workflow_error() {
    stub.reply(failing());
    Engine engine = engine("""
        steps:
          - {name: ask, agent: remote}
        """, remote());
    EventLog log = new EventLog();
    RunOutput out = engine.run(Target.workflow("wf"), RunRequest.create(r -> r.input("x").streamEvents(true)), log);

    assertThat(log.names()).containsSubsequence("StepStarted", "StepError", "WorkflowError")
        .last().isEqualTo("WorkflowError");
    assertThat(log.names()).doesNotContain("StepCompleted", "WorkflowCompleted");
    RunOutput stored = engine.store().findRun(out.runId()).orElseThrow();
    assertThat(stored.status()).isEqualTo(RunStatus.ERROR);
    assertThat(stored.contentText()).contains("step 'ask' failed");
  }

  @Test
  void strict_input_validation_fails_a_step_whose_input_does_not_match_its_agents_input_schema() {
    String picky = Specs.HEADER + """
        kind: Agent
        metadata: {name: picky}
        spec:
          model: echo-model
          input_schema: {type: object, properties: {topic: {type: string}}, required: [topic]}
        """;
    RunOutput strict = engine("""
        steps:
          - {name: ask, agent: picky, strict_input_validation: true}
        """, picky).run(Target.workflow("wf"), RunRequest.of("just text"), e -> {});
    RunOutput lenient = engine("""
        steps:
          - {name: ask, agent: picky}
        """, picky).run(Target.workflow("wf"), RunRequest.of("just text"), e -> {});

    assertThat(strict.status()).isEqualTo(RunStatus.ERROR);
    assertThat(strict.contentText()).contains("step 'ask' failed").contains("input_schema");
    assertThat(lenient.status()).as(lenient.contentText()).isEqualTo(RunStatus.COMPLETED);
    assertThat(lenient.content()).isEqualTo("[just text]");
  }

  @Test
  void a_timed_out_nested_workflow_step_cancels_the_nested_run_and_its_agents_run() {
    Engine engine = engine("""
        steps:
          - {name: inner, workflow: sub, timeout_seconds: 1}
        """, Workflows.workflow("sub", """
        steps:
          - {name: slowly, agent: slow}
        """));
    RunOutput out = engine.run(Target.workflow("wf"), RunRequest.of("x"), e -> {});

    assertThat(out.status()).isEqualTo(RunStatus.ERROR);
    assertThat(out.contentText()).contains("step 'inner' timed out");
    assertThat(out.memberResponses()).singleElement().satisfies(sub -> {
      assertThat(sub.componentId()).isEqualTo("sub");
      assertThat(sub.status()).isEqualTo(RunStatus.CANCELLED);
    });
    assertThat(engine.store().listRuns(out.sessionId())).filteredOn(r -> !r.runId().equals(out.runId()))
        .extracting(r -> r.componentId() + " " + r.status()).containsExactly("slow CANCELLED");
  }

  @Test
  void a_step_that_timed_out_is_retried_with_a_new_run() {
    Engine engine = engine("""
        steps:
          - {name: slowly, agent: slow, timeout_seconds: 1, max_retries: 1}
        """);
    RunOutput out = engine.run(Target.workflow("wf"), RunRequest.of("x"), e -> {});

    assertThat(out.status()).isEqualTo(RunStatus.ERROR);
    assertThat(out.contentText()).contains("timed out");
    assertThat(engine.store().listRuns(out.sessionId())).filteredOn(r -> "slow".equals(r.componentId()))
        .as("one run per attempt, each cancelled").hasSize(2).extracting(RunOutput::status)
        .containsOnly(RunStatus.CANCELLED);
  }
}
