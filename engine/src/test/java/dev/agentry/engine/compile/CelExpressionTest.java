package dev.agentry.engine.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentry.engine.EngineException;
import dev.agentry.engine.model.CelExpression;
import dev.agentry.engine.model.StepDef;
import dev.agentry.engine.model.WorkflowDef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * The CEL expressions of a compiled workflow are runnable programs, compiled with the catalog: each variable of
 * {@code schemas/workflow.schema.json} reads what the step sees, a router gives one name or a list, and a failure
 * names the expression and CEL's reason with its position.
 */
class CelExpressionTest {
  @TempDir Path dir;

  private List<StepDef> steps(String steps) throws Exception {
    Files.writeString(dir.resolve("flow.yaml"), """
        apiVersion: agentry.dev/v1
        kind: Agent
        metadata: {name: a}
        spec: {model: openai:gpt-4o-mini}
        ---
        apiVersion: agentry.dev/v1
        kind: Workflow
        metadata: {name: flow}
        spec:
          steps:
        """ + steps.indent(4));
    WorkflowDef flow = SpecCompiler.create().compile(dir).orThrow().findWorkflow("flow").orElseThrow();
    return flow.steps();
  }

  private static CelExpression.Variables vars(@Nullable Object input, String previous, Map<String, ?> state,
      Map<String, ?> outputs, long iteration) {
    return new CelExpression.Variables(input, previous, state, outputs, iteration);
  }

  @Test
  void conditions_loop_ends_and_routers_read_every_variable() throws Exception {
    List<StepDef> steps = steps("""
        - {name: draft, agent: a}
        - name: check
          condition:
            evaluator: 'input.matches("(?i)research") && size(previous_step_content) > 3 && "draft" in step_outputs'
            steps: [{name: x, agent: a}]
        - name: rounds
          loop:
            steps: [{name: y, agent: a}]
            end_condition: 'step_outputs["y"].contains("done") || iteration >= int(session_state.max_rounds)'
        - name: route
          router:
            selector: 'session_state.escalate == true ? ["human", "summary"] : ["summary"]'
            choices: [{name: human, agent: a}, {name: summary, agent: a}]
        """);
    CelExpression check = ((StepDef.Condition) steps.get(1)).evaluator();
    CelExpression end = ((StepDef.Loop) steps.get(2)).endCondition();
    CelExpression route = ((StepDef.Router) steps.get(3)).selector();

    assertThat(check.test(vars("Research tides", "notes", Map.of(), Map.of("draft", "text"), 0))).isTrue();
    assertThat(check.test(vars("Research tides", "no", Map.of(), Map.of("draft", "text"), 0))).isFalse();
    assertThat(check.test(vars("Write a poem", "notes", Map.of(), Map.of("draft", "text"), 0))).isFalse();
    assertThat(end.test(vars("", "", Map.of("max_rounds", 3), Map.of("y", "not yet"), 2))).isFalse();
    assertThat(end.test(vars("", "", Map.of("max_rounds", 3), Map.of("y", "not yet"), 3))).isTrue();
    assertThat(end.test(vars("", "", Map.of("max_rounds", 3), Map.of("y", "all done"), 1))).isTrue();
    assertThat(route.names(vars("", "", Map.of("escalate", true), Map.of(), 0))).containsExactly("human", "summary");
    assertThat(route.names(vars("", "", Map.of("escalate", false), Map.of(), 0))).containsExactly("summary");
  }

  @Test
  void a_router_that_names_one_choice_gives_a_list_of_one() throws Exception {
    CelExpression route = ((StepDef.Router) steps("""
        - name: route
          router:
            selector: 'input.matches("(?i)refund") ? "billing" : "general"'
            choices: [{name: billing, agent: a}, {name: general, agent: a}]
        """).getFirst()).selector();

    assertThat(route.names(vars("I want a refund", "", Map.of(), Map.of(), 0))).containsExactly("billing");
    assertThat(route.names(vars("Hello", "", Map.of(), Map.of(), 0))).containsExactly("general");
  }

  @Test
  void a_structured_input_is_read_as_a_map() throws Exception {
    CelExpression check = ((StepDef.Condition) steps("""
        - name: check
          condition:
            evaluator: 'input.priority > 2 && input.tags.exists(t, t == "urgent")'
            steps: [{name: x, agent: a}]
        """).getFirst()).evaluator();
    JsonMapper json = JsonMapper.builder().build();

    assertThat(check.test(vars(json.readTree("{\"priority\": 3, \"tags\": [\"urgent\"]}"), "", Map.of(), Map.of(), 0)))
        .isTrue();
    assertThat(check.test(vars(json.readTree("{\"priority\": 1, \"tags\": [\"urgent\"]}"), "", Map.of(), Map.of(), 0)))
        .isFalse();
  }

  @Test
  void null_values_are_cels_null_and_a_value_cel_cannot_read_fails_the_step_by_name() throws Exception {
    List<StepDef> steps = steps("""
        - name: check
          condition:
            evaluator: 'session_state.approved == null && input == null'
            steps: [{name: x, agent: a}]
        - name: multi
          condition:
            evaluator: |-
              size(input) > 1 &&
                step_outputs["x"] == "y"
            steps: [{name: y, agent: a}]
        """);
    CelExpression check = ((StepDef.Condition) steps.get(0)).evaluator();
    CelExpression multi = ((StepDef.Condition) steps.get(1)).evaluator();
    Map<String, Object> state = new java.util.HashMap<>();
    state.put("approved", null);

    assertThat(check.test(vars(null, "", state, Map.of(), 0))).isTrue();
    assertThat(check.test(vars("text", "", state, Map.of(), 0))).isFalse();
    assertThatThrownBy(() -> check.test(vars(new StringBuilder("x"), "", Map.of(), Map.of(), 0)))
        .isInstanceOf(EngineException.class).hasMessageContaining("cannot read a StringBuilder value");
    assertThatThrownBy(() -> multi.test(vars("hello", "", Map.of(), Map.of(), 0)))
        .isInstanceOf(EngineException.class).hasMessageContaining("failed at line 2, column ");
  }

  @Test
  void a_failing_evaluation_names_the_expression_and_the_reason() throws Exception {
    List<StepDef> steps = steps("""
        - name: check
          condition:
            evaluator: 'step_outputs["research"] == "x"'
            steps: [{name: x, agent: a}]
        - name: route
          router:
            selector: 'size(input)'
            choices: [{name: only, agent: a}]
        - {name: research, agent: a}
        """);
    CelExpression check = ((StepDef.Condition) steps.get(0)).evaluator();
    CelExpression route = ((StepDef.Router) steps.get(1)).selector();

    assertThatThrownBy(() -> check.test(vars("hi", "", Map.of(), Map.of(), 0)))
        .isInstanceOf(EngineException.class)
        .hasMessage("the CEL expression 'step_outputs[\"research\"] == \"x\"' failed at column 13: "
            + "no such key: research");
    assertThatThrownBy(() -> route.names(vars("hi", "", Map.of(), Map.of(), 0)))
        .isInstanceOf(EngineException.class)
        .hasMessage("the CEL expression 'size(input)' gave Long 2, not a step name or a list of step names");
  }
}
