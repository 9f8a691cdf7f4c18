package dev.agentry.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentry.engine.event.RunStatus;
import dev.agentry.engine.event.StepResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each step kind, and what flows from step to step, through the engine on scripted echoing agents. */
class WorkflowStepsTest {
  @TempDir Path dir;

  private RunOutput run(String workflowSpec, String input, String... extra) {
    Engine engine = Engine.create(Workflows.compile(dir, workflowSpec, extra));
    return engine.run(Target.workflow("wf"), RunRequest.of(input), e -> {});
  }

  private static List<String> names(List<StepResult> results) {
    return results.stream().map(StepResult::stepName).toList();
  }

  @Test
  void each_step_gets_the_previous_steps_output_and_the_workflow_answers_with_the_last() {
    RunOutput out = run("""
        steps:
          - {name: one, agent: echo}
          - {name: two, agent: upper}
          - {name: three, agent: echo}
        """, "hi");

    assertThat(out.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(out.stepResults()).extracting(StepResult::content).containsExactly("[hi]", "UP:[hi]", "[UP:[hi]]");
    assertThat(out.content()).isEqualTo("[UP:[hi]]");
    assertThat(out.memberResponses()).extracting(RunOutput::componentId).containsExactly("echo", "upper", "echo");
  }

  @Test
  void a_team_step_and_a_nested_workflow_step_run_and_hand_their_output_on() {
    RunOutput out = run("""
        steps:
          - {name: inner, workflow: sub}
          - {name: by-team, team: echo-team}
        """, "x", Workflows.workflow("sub", """
        steps:
          - {name: sub-one, agent: upper}
        """));

    assertThat(out.status()).as(out.contentText()).isEqualTo(RunStatus.COMPLETED);
    assertThat(out.stepResults().getFirst().content()).isEqualTo("UP:x");
    assertThat(out.stepResults().getFirst().stepType()).isEqualTo("Workflow");
    assertThat(out.stepResults().get(1).executorType()).isEqualTo("team");
    assertThat(out.memberResponses()).extracting(RunOutput::componentId).containsExactly("sub", "echo-team");
    assertThat(out.memberResponses().get(1).input().inputContent()).isEqualTo("UP:x");
  }

  @Test
  void a_steps_group_runs_its_steps_in_order_and_hands_on_its_last_output() {
    RunOutput out = run("""
        steps:
          - name: group
            steps:
              - {name: a, agent: upper}
              - {name: b, agent: echo}
          - {name: after, agent: echo}
        """, "x");

    StepResult group = out.stepResults().getFirst();
    assertThat(names(group.steps())).containsExactly("a", "b");
    assertThat(group.content()).isEqualTo("[UP:x]");
    assertThat(out.content()).isEqualTo("[[UP:x]]");
  }

  @Test
  void a_condition_runs_its_steps_when_true_its_else_steps_when_false_and_nothing_without_else() {
    String spec = """
        steps:
          - name: check
            condition:
              evaluator: 'input.contains("yes")'
              steps: [{name: then, agent: upper}]
              else_steps: [{name: otherwise, agent: echo}]
          - name: only-if
            condition:
              evaluator: 'input.contains("never")'
              steps: [{name: never, agent: upper}]
        """;
    RunOutput yes = run(spec, "yes");
    RunOutput no = run(spec, "no");

    assertThat(names(yes.stepResults().getFirst().steps())).containsExactly("then");
    assertThat(names(no.stepResults().getFirst().steps())).containsExactly("otherwise");
    assertThat(yes.stepResults().get(1).content()).isEqualTo("Condition only-if not met - skipped 1 steps");
    assertThat(yes.content()).as("a condition that ran nothing does not hide the output before it").isEqualTo("UP:yes");
    assertThat(no.content()).isEqualTo("[no]");
  }

  @Test
  void a_loop_ends_when_its_end_condition_holds_or_at_max_iterations() {
    RunOutput byCondition = run("""
        steps:
          - name: loop
            loop:
              steps: [{name: wrap, agent: echo}]
              end_condition: 'previous_step_content.startsWith("[[")'
              max_iterations: 5
        """, "x");
    RunOutput byMax = run("""
        steps:
          - name: loop
            loop:
              steps: [{name: wrap, agent: echo}]
              end_condition: 'false'
              max_iterations: 3
        """, "x");

    assertThat(byCondition.stepResults().getFirst().steps()).extracting(StepResult::content)
        .containsExactly("[x]", "[[x]]");
    assertThat(byCondition.content()).isEqualTo("[[x]]");
    assertThat(byMax.stepResults().getFirst().steps()).hasSize(3);
    assertThat(byMax.content()).isEqualTo("[[[x]]]");
  }

  @Test
  void a_loop_end_condition_reads_the_iteration() {
    RunOutput out = run("""
        steps:
          - name: loop
            loop:
              steps: [{name: wrap, agent: echo}]
              end_condition: 'iteration >= 2'
              max_iterations: 5
        """, "x");

    assertThat(out.stepResults().getFirst().steps()).hasSize(2);
  }

  @Test
  void parallel_results_are_in_declaration_order_and_merged_under_their_names_for_the_next_step() {
    RunOutput out = run("""
        steps:
          - name: both
            parallel:
              steps:
                - {name: slow-one, agent: slow}
                - {name: quick, agent: upper}
          - {name: next, agent: echo}
        """, "x");

    assertThat(out.status()).as(out.contentText()).isEqualTo(RunStatus.COMPLETED);
    assertThat(names(out.stepResults().getFirst().steps())).containsExactly("slow-one", "quick");
    assertThat(out.content()).isEqualTo(
        "[=== slow-one ===\nabcdefghijklmnopqrstuvwxyz0123456789ABCD\n\n=== quick ===\nUP:x]");
  }

  @Test
  void a_router_runs_the_one_route_or_the_list_of_routes_its_selector_returns() {
    RunOutput one = run("""
        steps:
          - name: route
            router:
              selector: 'input == "up" ? "to-upper" : "to-echo"'
              choices: [{name: to-upper, agent: upper}, {name: to-echo, agent: echo}]
        """, "up");
    RunOutput list = run("""
        steps:
          - name: route
            router:
              selector: '["to-echo", "to-upper"]'
              choices: [{name: to-upper, agent: upper}, {name: to-echo, agent: echo}]
        """, "x");

    assertThat(names(one.stepResults().getFirst().steps())).containsExactly("to-upper");
    assertThat(one.content()).isEqualTo("UP:up");
    assertThat(names(list.stepResults().getFirst().steps())).containsExactly("to-echo", "to-upper");
    assertThat(list.content()).as("the second route gets the first's output").isEqualTo("UP:[x]");
  }

  @Test
  void cel_reads_step_outputs_previous_step_content_session_state_and_input() {
    RunOutput out = run("""
        session_state: {mode: loud}
        steps:
          - {name: first, agent: echo}
          - name: check
            condition:
              evaluator: >-
                step_outputs["first"] == "[hi]" && previous_step_content == "[hi]"
                && session_state.mode == "loud" && input == "hi"
              steps: [{name: yes, agent: upper}]
              else_steps: [{name: no, agent: hello}]
        """, "hi");

    assertThat(out.content()).isEqualTo("UP:[hi]");
  }

  @Test
  void a_cel_expression_that_fails_at_run_time_fails_the_step_naming_the_expression_and_column() {
    RunOutput out = run("""
        steps:
          - name: check
            condition:
              evaluator: 'session_state.missing == "x"'
              steps: [{name: yes, agent: upper}]
        """, "hi");

    assertThat(out.status()).isEqualTo(RunStatus.ERROR);
    assertThat(out.contentText()).contains("session_state.missing == \"x\"").contains("column ");
    assertThat(out.memberResponses()).isEmpty();
  }

  @Test
  void run_session_state_overrides_the_spec_default_for_cel() {
    Engine engine = Engine.create(Workflows.compile(dir, """
        session_state: {mode: quiet}
        steps:
          - name: route
            router:
              selector: 'session_state.mode == "loud" ? "to-upper" : "to-echo"'
              choices: [{name: to-upper, agent: upper}, {name: to-echo, agent: echo}]
        """));

    RunOutput out = engine.run(Target.workflow("wf"), RunRequest.create(r -> r.input("x")
        .sessionState(Map.of("mode", "loud"))), e -> {});

    assertThat(out.content()).isEqualTo("UP:x");
  }

  @Test
  void a_router_choosing_a_name_that_is_not_a_choice_fails_naming_its_choices() {
    RunOutput out = run("""
        steps:
          - name: route
            router:
              selector: 'input'
              choices: [{name: to-upper, agent: upper}]
        """, "nowhere");

    assertThat(out.status()).isEqualTo(RunStatus.ERROR);
    assertThat(out.contentText()).contains("'nowhere'").contains("to-upper");
  }
}
