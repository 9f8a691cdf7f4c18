package dev.agentry.engine.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentry.engine.internal.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The workflow family on the wire, checked against the contract ({@code agentos-api.md} §3.2 envelope, §3.4 catalogue,
 * §3.5 StepOutput and StepRequirement, and Agno's {@code run/workflow.py} field order): the expected field names below
 * are copied from there, not from what the serializer writes.
 */
class WorkflowEventJsonTest {
  /** §3.2: the workflow family's envelope, in order. */
  private static final List<String> ENVELOPE = List.of("created_at", "event", "workflow_id", "workflow_name",
      "session_id", "run_id", "step_id", "parent_step_id", "nested_depth");

  /** §3.5 StepOutput, in Agno's {@code StepOutput.to_dict()} order; every key written, null or not. */
  private static final List<String> STEP_OUTPUT = List.of("content", "step_name", "step_id", "step_type",
      "executor_type", "executor_name", "step_run_id", "images", "videos", "audio", "files", "metrics", "success",
      "error", "stop", "is_paused");

  /** §3.5 StepRequirement, in Agno's {@code StepRequirement.to_dict()} order, then the optional step_input. */
  private static final List<String> STEP_REQUIREMENT = List.of("step_id", "step_name", "step_index", "step_type",
      "requires_confirmation", "confirmation_message", "confirmed", "on_reject", "requires_user_input",
      "user_input_message", "user_input", "requires_route_selection", "available_choices",
      "allow_multiple_selections", "selected_choices", "requires_output_review", "output_review_message",
      "is_post_execution", "rejection_feedback", "retry_count", "max_retries", "timeout_at", "on_timeout",
      "step_input");

  private static final long AT = 1795266871L;
  private final RunScope run = RunScope.of(ComponentKind.WORKFLOW, "content-pipeline", "Content Pipeline", "wr1", "s1");
  /** A step inside a group: the envelope names both. */
  private final RunScope step = run.forStep("st-2", "st-parallel");
  private final StepIndex index = StepIndex.of(1).child(0);

  private final StepResult research = new StepResult("notes", "research", "st-1", "Step", "agent", "Researcher",
      "ar1", null, null, null, null, new Metrics(3, 2, 5, 0, 0, 0, 0.5, null), true, null, false, false, null);
  private final StepResult parallel = StepResult.ofGroup("gather", "st-parallel", "Parallel", "notes",
      List.of(research));

  /** Every workflow event, with every field set, and its class-specific fields as §3.4 and Agno name them. */
  private List<Case> cases() {
    ToolExecution call = ToolExecution.pending("c1", "publish", Json.MAPPER.readTree("{\"url\":\"x\"}"), AT)
        .awaiting(true, null, false);
    StepRequirement confirm = StepRequirement.confirmation("st-3", "publish", 2, "Step", "Publish now?", "skip",
        StepInput.of("write about otters", Map.of("research", research), "notes"));
    StepRequirement.UserInputField audience = new StepRequirement.UserInputField("audience", "str", "Who reads it",
        null, true, List.of("kids", "adults"));
    MemberResponses executorRuns = MemberResponses.of(List.of(
        Json.MAPPER.readTree("{\"run_id\":\"ar1\",\"agent_id\":\"researcher\",\"content\":\"notes\"}")));
    WorkflowMetrics metrics = new WorkflowMetrics(Map.of("research", new WorkflowMetrics.StepMetrics("research",
        "agent", "Researcher", new Metrics(3, 2, 5, 0, 0, 0, 0.5, null))), 1.25);
    Map<String, Object> metadata = Map.of("team", "blog");

    return List.of(
        new Case(new WorkflowEvent.WorkflowStarted(run, AT)),
        new Case(new WorkflowEvent.WorkflowCompleted(run, AT, "the post", "str", List.of(research), executorRuns,
            metadata, metrics), "content", "content_type", "step_results", "step_executor_runs", "metadata",
            "metrics"),
        new Case(new WorkflowEvent.WorkflowPaused(run, AT, RunStatus.PAUSED, 2, "publish", "step", List.of(confirm),
            List.of(research), executorRuns, "notes", metadata), "status", "paused_step_index", "paused_step_name",
            "pause_kind", "step_requirements", "step_results", "step_executor_runs", "content", "metadata"),
        new Case(new WorkflowEvent.WorkflowCancelled(run, AT, "Run wr1 was cancelled", "Run wr1 was cancelled"),
            "reason", "content"),
        new Case(new WorkflowEvent.WorkflowError(run, AT, "boom", "RuntimeError", "e1", Map.of("step", "research")),
            "error", "error_type", "error_id", "additional_data"),
        new Case(new WorkflowEvent.StepStarted(step, AT, "research", index), "step_name", "step_index"),
        new Case(new WorkflowEvent.StepCompleted(step, AT, "research", index, "notes", "str", research),
            "step_name", "step_index", "content", "content_type", "step_response"),
        new Case(new WorkflowEvent.StepOutput(step, AT, "research", index, research), "step_name", "step_index",
            "step_output"),
        new Case(new WorkflowEvent.StepPaused(step, AT, "publish", index, true, "Publish now?", true, "Who for?",
            List.of(audience)), "step_name", "step_index", "requires_confirmation", "confirmation_message",
            "requires_user_input", "user_input_message", "user_input_schema"),
        new Case(new WorkflowEvent.StepContinued(step, AT, "publish", index), "step_name", "step_index"),
        new Case(new WorkflowEvent.StepExecutorPaused(step, AT, "publish", index, "publisher", "Publisher", "ar9",
            "agent", RunRequirement.waitingIn(List.of(call))), "step_name", "step_index", "executor_id",
            "executor_name", "executor_run_id", "executor_type", "executor_requirements"),
        new Case(new WorkflowEvent.StepExecutorContinued(step, AT, "publish", index, "publisher", "Publisher", "ar9",
            "agent"), "step_name", "step_index", "executor_id", "executor_name", "executor_run_id", "executor_type"),
        new Case(new WorkflowEvent.StepError(step, AT, "research", index, "model failed"), "step_name", "step_index",
            "error"),
        new Case(new WorkflowEvent.LoopExecutionStarted(step, AT, "refine", index, 3), "step_name", "step_index",
            "max_iterations"),
        new Case(new WorkflowEvent.LoopIterationStarted(step, AT, "refine", index, 1, 3), "step_name", "step_index",
            "iteration", "max_iterations"),
        new Case(new WorkflowEvent.LoopIterationCompleted(step, AT, "refine", index, 1, 3, List.of(research), true),
            "step_name", "step_index", "iteration", "max_iterations", "iteration_results", "should_continue"),
        new Case(new WorkflowEvent.LoopExecutionCompleted(step, AT, "refine", index, 2, 3,
            List.of(List.of(research), List.of(research))), "step_name", "step_index", "total_iterations",
            "max_iterations", "all_results"),
        new Case(new WorkflowEvent.ParallelExecutionStarted(step, AT, "gather", index, 2), "step_name", "step_index",
            "parallel_step_count"),
        new Case(new WorkflowEvent.ParallelExecutionCompleted(step, AT, "gather", index, 2, List.of(research)),
            "step_name", "step_index", "parallel_step_count", "step_results"),
        new Case(new WorkflowEvent.ConditionExecutionStarted(step, AT, "if-long", index, true), "step_name",
            "step_index", "condition_result"),
        new Case(new WorkflowEvent.ConditionExecutionCompleted(step, AT, "if-long", index, false, 1, "else",
            List.of(research)), "step_name", "step_index", "condition_result", "executed_steps", "branch",
            "step_results"),
        new Case(new WorkflowEvent.RouterExecutionStarted(step, AT, "pick", index, List.of("tech", "news")),
            "step_name", "step_index", "selected_steps"),
        new Case(new WorkflowEvent.RouterExecutionCompleted(step, AT, "pick", index, List.of("tech"), 1,
            List.of(research)), "step_name", "step_index", "selected_steps", "executed_steps", "step_results"),
        new Case(new WorkflowEvent.RouterPaused(step, AT, "pick", index, List.of("tech", "news"), "Which desk?",
            true), "step_name", "step_index", "available_choices", "user_input_message",
            "allow_multiple_selections"),
        new Case(new WorkflowEvent.StepsExecutionStarted(step, AT, "draft", index, 2), "step_name", "step_index",
            "steps_count"),
        new Case(new WorkflowEvent.StepsExecutionCompleted(step, AT, "draft", index, 2, 2, List.of(parallel)),
            "step_name", "step_index", "steps_count", "executed_steps", "step_results"));
  }

  private record Case(WorkflowEvent event, List<String> fields) {
    Case(WorkflowEvent event, String... fields) {
      this(event, List.of(fields));
    }
  }

  @Test
  void every_workflow_event_is_checked_here() {
    assertThat(cases().stream().<Class<?>>map(c -> c.event().getClass()).toList())
        .containsExactlyInAnyOrder(WorkflowEvent.class.getPermittedSubclasses());
  }

  @Test
  void each_event_writes_the_workflow_envelope_then_its_fields_in_agnos_order() {
    for (Case c : cases()) {
      ObjectNode json = EventJson.toTree(c.event());
      List<String> envelope = c.event().scope().stepId() == null
          ? ENVELOPE.stream().filter(k -> !k.endsWith("step_id")).toList() : ENVELOPE;
      List<String> expected = Stream.concat(envelope.stream(), c.fields().stream()).toList();

      assertThat(fieldNames(json)).as(c.event().name()).containsExactlyElementsOf(expected);
      assertThat(json.get("event").asString()).isEqualTo(c.event().getClass().getSimpleName());
      assertThat(json.get("created_at").isIntegralNumber()).isTrue();
      assertThat(json.get("nested_depth").isInt()).isTrue();
    }
  }

  @Test
  void workflow_events_are_never_prefixed_and_carry_no_agent_envelope() {
    for (Case c : cases()) {
      assertThat(c.event().name()).isEqualTo(c.event().getClass().getAnnotation(EventName.class).value());
      ObjectNode json = EventJson.toTree(c.event());
      assertThat(json.has("agent_id") || json.has("team_id") || json.has("parent_run_id")
          || json.has("workflow_run_id")).as(c.event().name()).isFalse();
    }
  }

  @Test
  void a_step_event_reads_as_the_contract_shows_it() {
    String json = EventJson.write(new WorkflowEvent.StepStarted(run.forStep("st-1", null), AT, "research",
        StepIndex.of(0)));

    assertThat(json).isEqualTo("{\"created_at\":1795266871,\"event\":\"StepStarted\","
        + "\"workflow_id\":\"content-pipeline\",\"workflow_name\":\"Content Pipeline\",\"session_id\":\"s1\","
        + "\"run_id\":\"wr1\",\"step_id\":\"st-1\",\"nested_depth\":0,\"step_name\":\"research\",\"step_index\":0}");
  }

  @Test
  void a_step_index_is_a_number_at_the_top_and_a_list_inside_a_group() {
    ObjectNode top = EventJson.toTree(new WorkflowEvent.StepStarted(step, AT, "research", StepIndex.of(2)));
    ObjectNode nested = EventJson.toTree(new WorkflowEvent.StepStarted(step, AT, "research",
        StepIndex.of(2).child(0).child(1)));

    assertThat(top.get("step_index").isInt()).isTrue();
    assertThat(top.get("step_index").asInt()).isEqualTo(2);
    assertThat(nested.get("step_index").toString()).isEqualTo("[2,0,1]");
    assertThat(StepIndex.of(2).child(0).label()).isEqualTo("3.1");
  }

  @Test
  void step_outputs_keep_their_null_fields_in_agnos_order_and_a_groups_nest_its_steps() {
    ObjectNode json = EventJson.toTree(new WorkflowEvent.StepsExecutionCompleted(step, AT, "draft", index, 1, 1,
        List.of(parallel)));

    JsonNode group = json.get("step_results").get(0);
    assertThat(fieldNames(group)).containsExactlyElementsOf(Stream.concat(STEP_OUTPUT.stream(), Stream.of("steps"))
        .toList());
    assertThat(group.get("executor_type").isNull()).isTrue();
    assertThat(group.get("success").isBoolean()).isTrue();
    JsonNode inner = group.get("steps").get(0);
    assertThat(fieldNames(inner)).containsExactlyElementsOf(STEP_OUTPUT);
    assertThat(inner.get("images").isNull()).isTrue();
    assertThat(inner.get("metrics").toString())
        .isEqualTo("{\"input_tokens\":3,\"output_tokens\":2,\"total_tokens\":5,\"duration\":0.5}");
  }

  @Test
  void a_paused_workflow_carries_step_requirements_as_agno_writes_them() {
    WorkflowEvent.WorkflowPaused paused = (WorkflowEvent.WorkflowPaused) cases().stream()
        .filter(c -> c.event() instanceof WorkflowEvent.WorkflowPaused).findFirst().orElseThrow().event();
    JsonNode requirement = EventJson.toTree(paused).get("step_requirements").get(0);

    assertThat(fieldNames(requirement)).containsExactlyElementsOf(STEP_REQUIREMENT);
    assertThat(requirement.get("confirmed").isNull()).isTrue(); // not answered yet, and written as null
    assertThat(requirement.get("requires_confirmation").asBoolean()).isTrue();
    assertThat(requirement.get("step_index").isInt()).isTrue();
    assertThat(requirement.get("on_reject").asString()).isEqualTo("skip");
    assertThat(fieldNames(requirement.get("step_input"))).containsExactly("input", "previous_step_outputs",
        "previous_step_content", "additional_data", "images", "videos", "audio", "files");
    assertThat(fieldNames(requirement.get("step_input").get("previous_step_outputs").get("research")))
        .containsExactlyElementsOf(STEP_OUTPUT);
  }

  @Test
  void a_route_selection_and_a_user_input_field_read_as_agno_writes_them() {
    StepRequirement route = StepRequirement.routeSelection("st-r", "pick", 1, "Which desk?", List.of("tech", "news"),
        false, null);
    JsonNode json = EventJson.MAPPER.valueToTree(route);
    assertThat(fieldNames(json)).containsExactlyElementsOf(STEP_REQUIREMENT.subList(0, STEP_REQUIREMENT.size() - 1));
    assertThat(json.get("requires_route_selection").asBoolean()).isTrue();
    assertThat(json.get("available_choices").toString()).isEqualTo("[\"tech\",\"news\"]");

    JsonNode field = EventJson.MAPPER.valueToTree(new StepRequirement.UserInputField("audience", "str", null, null,
        true, null));
    assertThat(field.toString()).isEqualTo(
        "{\"name\":\"audience\",\"field_type\":\"str\",\"description\":null,\"value\":null,\"required\":true}");
  }

  @Test
  void workflow_metrics_list_each_step_in_the_order_it_ran() {
    Map<String, WorkflowMetrics.StepMetrics> steps = new LinkedHashMap<>();
    for (String name : List.of("write", "research", "edit")) {
      steps.put(name, new WorkflowMetrics.StepMetrics(name, "agent", name, null));
    }
    JsonNode json = EventJson.MAPPER.valueToTree(new WorkflowMetrics(steps, null));

    assertThat(fieldNames(json)).containsExactly("steps", "duration");
    assertThat(fieldNames(json.get("steps"))).containsExactly("write", "research", "edit");
    assertThat(fieldNames(json.get("steps").get("write"))).containsExactly("step_name", "executor_type",
        "executor_name", "metrics");
  }

  @Test
  void every_workflow_event_reads_back_equal() {
    for (Case c : cases()) {
      RunEvent read = EventJson.read(Json.MAPPER.readTree(EventJson.write(c.event())));

      assertThat(read).as(c.event().name()).isEqualTo(c.event());
    }
  }

  @Test
  void an_agents_events_inside_a_workflow_step_keep_the_agent_envelope_and_read_back() {
    RunScope agent = new RunScope(ComponentKind.AGENT, "researcher", "Researcher", "ar1", "wr1", "s1",
        "content-pipeline", "wr1", "st-1", "research", StepIndex.of(0), 1);
    RunEvent started = new RunEvent.RunStarted(agent, AT, "scripted", "test");
    ObjectNode json = EventJson.toTree(started);

    assertThat(fieldNames(json)).containsExactly("created_at", "event", "agent_id", "agent_name", "run_id",
        "parent_run_id", "session_id", "workflow_id", "workflow_run_id", "step_id", "step_name", "step_index",
        "nested_depth", "model", "model_provider");
    assertThat(EventJson.read(json)).isEqualTo(started);
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.propertyNames().forEach(names::add);
    return names;
  }
}
