package dev.agentry.engine.run;

import dev.agentry.engine.event.ComponentKind;
import dev.agentry.engine.event.RunRequirement;
import dev.agentry.engine.event.StepRequirement;
import dev.agentry.engine.event.StepResult;
import dev.agentry.engine.event.ToolExecution;
import dev.agentry.engine.event.WorkflowEvent;
import dev.agentry.engine.model.StepDef;
import dev.agentry.engine.model.StepSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Human in the loop in workflows, as Agno's {@code StepRequirement}s: a step that waits for a confirmation or user
 * input before it runs, a router that waits for a person's choice, a step whose agent or team paused for a person;
 * and the checks of a continue's answers, made before anything runs.
 */
final class HumanReview {
  private HumanReview() {}

  /** Pauses before {@code step} runs, asking for what its review needs. */
  static StepResult pause(StepRunner runner, StepDef step, StepRunner.At at, StepSettings.Review review) {
    List<StepRequirement.UserInputField> fields = review.fields().stream().map(f -> new StepRequirement.UserInputField(
        f.name(), f.fieldType(), f.description(), null, f.required(),
        f.allowedValues().isEmpty() ? null : f.allowedValues())).toList();
    StepRequirement requirement = new StepRequirement(step.id(), step.name(), at.top(), step.stepType(),
        review.requiresConfirmation(), review.confirmationMessage(), null, review.cancelOnReject() ? "cancel" : "skip",
        review.requiresUserInput(), review.userInputMessage(), null, false, null, false, null, false, null, false,
        null, 0, null, null, "cancel", review.requiresUserInput() ? fields : null, runner.stepInput(at), false, null,
        null, null, null, null, null, null, null);
    runner.run.emit(new WorkflowEvent.StepPaused(runner.eventScope(step, at), runner.run.now(), step.name(),
        at.index(), review.requiresConfirmation(), review.confirmationMessage(), review.requiresUserInput(),
        review.userInputMessage(), review.requiresUserInput() ? fields : null));
    return waiting(runner, step, null, null, null, requirement);
  }

  /** Pauses at a router for a person to choose its route(s). */
  static StepResult chooseRoute(StepRunner runner, StepDef.Router router, StepRunner.At at) {
    StepDef.RouteSelection selection = router.selection();
    List<String> choices = router.choices().stream().map(StepDef::name).toList();
    String message = selection == null ? null : selection.message();
    boolean multiple = selection != null && selection.allowMultiple();
    runner.run.emit(new WorkflowEvent.RouterPaused(runner.eventScope(router, at), runner.run.now(), router.name(),
        at.index(), choices, message, multiple));
    return waiting(runner, router, null, null, null, StepRequirement.routeSelection(router.id(), router.name(),
        at.top(), message, choices, multiple, runner.stepInput(at)));
  }

  /** A step whose agent, team or nested workflow paused: the workflow waits for what that run waits for. */
  static StepResult executorPaused(StepRunner runner, StepDef step, StepRunner.At at, Target target, RunOutput out) {
    if (out.kind() == ComponentKind.WORKFLOW) {
      return waiting(runner, step, "workflow", out.componentName(), out.runId(),
          out.stepRequirements().toArray(StepRequirement[]::new));
    }
    List<RunRequirement> requirements = out.requirements();
    String type = target.kind().wireName();
    runner.run.emit(new WorkflowEvent.StepExecutorPaused(runner.eventScope(step, at), runner.run.now(), step.name(),
        at.index(), out.componentId(), out.componentName(), out.runId(), type, requirements));
    return waiting(runner, step, type, out.componentName(), out.runId(), StepRequirement.executor(step.id(),
        step.name(), at.top(), requirements, out.componentId(), out.componentName(), out.runId(), type,
        out.sessionId()));
  }

  private static StepResult waiting(StepRunner runner, StepDef step, @Nullable String executorType,
      @Nullable String executorName, @Nullable String runId, StepRequirement... requirements) {
    StepResult paused = new StepResult(null, step.name(), step.id(), step.stepType(), executorType, executorName,
        runId, null, null, null, null, null, true, null, false, true, null);
    runner.run.waitsFor(paused, List.of(requirements));
    return paused;
  }

  /** The values a person gave for a step's fields, converted to their types. */
  static Map<String, Object> values(StepSettings.Review review, StepRequirement answer) {
    Map<String, Object> given = given(answer);
    Map<String, Object> values = new LinkedHashMap<>();
    for (StepSettings.Field field : review.fields()) {
      Object value = given.get(field.name());
      if (value != null) {
        values.put(field.name(), convert(field.fieldType(), value));
      }
    }
    given.forEach(values::putIfAbsent); // fields the step did not declare are passed on as given
    return values;
  }

  /** The person's values: {@code user_input}, else the values filled in {@code user_input_schema}. */
  private static Map<String, Object> given(StepRequirement answer) {
    Map<String, Object> given = new LinkedHashMap<>();
    if (answer.userInputSchema() != null) {
      answer.userInputSchema().stream().filter(f -> f.value() != null).forEach(f -> given.put(f.name(), f.value()));
    }
    if (answer.userInput() != null) {
      answer.userInput().forEach((k, v) -> {
        if (v != null) {
          given.put(k, v);
        }
      });
    }
    return given;
  }

  private static Object convert(String type, Object value) {
    if (!(value instanceof String text)) {
      return value;
    }
    try {
      return switch (type) {
        case "int" -> Long.parseLong(text.strip());
        case "float" -> Double.parseDouble(text.strip());
        case "bool" -> Boolean.parseBoolean(text.strip());
        default -> text;
      };
    } catch (NumberFormatException e) {
      throw new InvalidAnswerException("'" + text + "' is not a " + type);
    }
  }

  /** The answers to a paused agent's or team's tool calls, as its {@code executor_requirements} carry them. */
  static List<ToolExecution> toolAnswers(@Nullable StepRequirement answer) {
    List<ToolExecution> out = new ArrayList<>();
    if (answer == null || answer.executorRequirements() == null) {
      return out;
    }
    for (RunRequirement r : answer.executorRequirements()) {
      ToolExecution tool = r.toolExecution();
      if (r.confirmation() != null && tool.confirmed() == null) {
        tool = tool.withAnswer(r.confirmation(), null, null);
      }
      out.add(tool);
    }
    return out;
  }

  /**
   * Checks that {@code answer} gives what {@code waiting} asks for, before the run is continued.
   *
   * @throws InvalidAnswerException naming what is missing
   */
  static void check(StepRequirement waiting, @Nullable StepRequirement answer) {
    String step = "step '" + waiting.stepName() + "'";
    if (answer == null) {
      throw new InvalidAnswerException(step + " waits for a person: send its step requirement back (step_id "
          + waiting.stepId() + ") with the answer filled in");
    }
    if (waiting.requiresConfirmation() && answer.confirmed() == null) {
      throw new InvalidAnswerException(step + " waits to be confirmed: set confirmed to true or false");
    }
    if (waiting.requiresUserInput() && waiting.userInputSchema() != null && !Boolean.FALSE.equals(answer.confirmed())) {
      Map<String, Object> given = given(answer);
      for (StepRequirement.UserInputField field : waiting.userInputSchema()) {
        if (field.required() && given.get(field.name()) == null) {
          throw new InvalidAnswerException(step + " waits for '" + field.name() + "': give it in user_input");
        }
        Object value = given.get(field.name());
        if (value != null && field.allowedValues() != null && !field.allowedValues().contains(value)) {
          throw new InvalidAnswerException(step + ": '" + value + "' is not allowed for '" + field.name()
              + "' (allowed: " + field.allowedValues() + ")");
        }
        if (value != null) {
          convert(field.fieldType(), value);
        }
      }
    }
    if (waiting.requiresRouteSelection()) {
      List<String> chosen = answer.selectedChoices();
      List<String> choices = waiting.availableChoices() == null ? List.of() : waiting.availableChoices();
      if (chosen == null || chosen.isEmpty()) {
        throw new InvalidAnswerException(step + " waits for a choice: set selected_choices to one of " + choices);
      }
      if (chosen.size() > 1 && !waiting.allowMultipleSelections()) {
        throw new InvalidAnswerException(step + " takes one choice, not " + chosen.size());
      }
      for (String c : chosen) {
        if (!choices.contains(c)) {
          throw new InvalidAnswerException(step + ": '" + c + "' is not one of its choices " + choices);
        }
      }
    }
  }
}
