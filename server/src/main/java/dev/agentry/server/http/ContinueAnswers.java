package dev.agentry.server.http;

import dev.agentry.engine.event.StepRequirement;
import dev.agentry.engine.event.ToolExecution;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The answers a continue sends for the tool calls a paused run waits for ({@code agentos-api.md} §2.5.5): an agent's
 * continue sends them as the {@code tools} form field (ToolExecution dicts), a team's as {@code requirements}
 * (RunRequirement dicts, each holding its {@code tool_execution}, also for a member's call).
 */
final class ContinueAnswers {
  private ContinueAnswers() {}

  /** The {@code tools} field: the paused tool executions with {@code confirmed}, {@code result} or user input set. */
  static List<ToolExecution> ofTools(Forms form) {
    JsonNode list = list(form, "tools");
    List<ToolExecution> answers = new ArrayList<>(list.size());
    for (JsonNode item : list) {
      answers.add(execution(item, "tools"));
    }
    return answers;
  }

  /**
   * The {@code requirements} field: Agno's {@code RunRequirement.to_dict()}s, answered either on their
   * {@code tool_execution} or, as {@code requirement.confirm()} and {@code set_external_execution_result()} leave
   * them, in {@code confirmation}, {@code confirmation_note} and {@code external_execution_result}.
   */
  static List<ToolExecution> ofRequirements(Forms form) {
    JsonNode list = list(form, "requirements");
    List<ToolExecution> answers = new ArrayList<>(list.size());
    for (JsonNode item : list) {
      if (!item.isObject() || !item.path("tool_execution").isObject()) {
        throw invalid("requirements", "each requirement needs its tool_execution");
      }
      ToolExecution tool = execution(item.get("tool_execution"), "requirements");
      JsonNode confirmation = item.path("confirmation");
      if (confirmation.isBoolean() && tool.confirmed() == null) {
        JsonNode note = item.path("confirmation_note");
        tool = tool.withAnswer(confirmation.booleanValue(), note.isString() ? note.stringValue() : null, null);
      }
      JsonNode result = item.path("external_execution_result");
      if (result.isString() && tool.result() == null) {
        tool = tool.withExternalResult(result.stringValue());
      }
      answers.add(tool);
    }
    return answers;
  }

  /**
   * The {@code step_requirements} field of a workflow continue: the list of {@code WorkflowPaused.step_requirements}
   * (Agno's {@code StepRequirement.to_dict()}s) with {@code confirmed}, {@code user_input}, {@code selected_choices}
   * or {@code executor_requirements} filled in.
   */
  static List<StepRequirement> ofStepRequirements(Forms form) {
    JsonNode list = list(form, "step_requirements");
    List<StepRequirement> answers = new ArrayList<>(list.size());
    for (JsonNode item : list) {
      if (!item.isObject() || !item.path("step_id").isString()) {
        throw invalid("step_requirements", "each step requirement needs its step_id");
      }
      try {
        answers.add(Json.MAPPER.convertValue(item, StepRequirement.class));
      } catch (JacksonException | IllegalArgumentException e) {
        throw invalid("step_requirements",
            e instanceof JacksonException j ? JsonErrors.describe(j) : "not a step requirement");
      }
    }
    return answers;
  }

  private static JsonNode list(Forms form, String field) {
    String text = form.text(field);
    if (text == null || text.isBlank()) {
      return Json.MAPPER.createArrayNode();
    }
    JsonNode node = Json.parse(text);
    if (node == null) {
      throw ApiException.badRequest("Invalid JSON in " + field + " field");
    }
    InputText.check(node, List.of("body", field));
    if (!node.isArray()) {
      throw invalid(field, "expected a list of " + switch (field) {
        case "tools" -> "tool executions";
        case "requirements" -> "requirements";
        default -> "step requirements";
      });
    }
    return node;
  }

  private static ToolExecution execution(JsonNode node, String field) {
    try {
      return Json.MAPPER.convertValue(node, ToolExecution.class);
    } catch (JacksonException | IllegalArgumentException e) {
      throw invalid(field, e instanceof JacksonException j ? JsonErrors.describe(j) : "not a tool execution");
    }
  }

  private static ApiException invalid(String field, String reason) {
    return ApiException.badRequest("Invalid structure or content for " + field + ": " + reason);
  }
}
