package dev.agentry.engine.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a paused workflow waits for, as Agno's {@code StepRequirement} ({@code agentos-api.md} §3.5): a step to confirm,
 * input to give, a router's route(s) to choose, or a step's agent or team that paused for a person. Carried by
 * {@code WorkflowPaused.step_requirements}, and sent back filled in ({@code confirmed}, {@code user_input},
 * {@code selected_choices}) to continue the run.
 *
 * <p>As Agno writes it: the fields up to {@code on_timeout} always (nulls included), the others only when set; the
 * executor's fields only when {@code requires_executor_input}.
 *
 * @param stepType Agno's {@code StepType} of the step that paused ("Step", "Router", ...)
 * @param confirmed the person's answer to a confirmation: null until answered
 * @param onReject what a rejection does: "skip", "cancel" or, for a condition, "else"
 * @param userInput the person's values, by field name
 * @param availableChoices for a router: the names of the routes to choose from
 * @param selectedChoices for a router: the person's choice(s)
 * @param timeoutAt when the requirement expires (ISO-8601), if it does
 * @param onTimeout what expiry does: "cancel" or "skip"
 * @param stepInput the input the step runs with once the workflow continues
 * @param executorRequirements for a step whose agent or team paused: that run's requirements
 * @param executorType "agent" or "team"
 * @param stepOutput for a review after the step ran: its output
 * @param editedOutput for a review: the person's replacement of the output
 */
public record StepRequirement(
    @JsonInclude(JsonInclude.Include.ALWAYS) String stepId,
    @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable String stepName,
    @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable Integer stepIndex,
    @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable String stepType,
    boolean requiresConfirmation,
    @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable String confirmationMessage,
    @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable Boolean confirmed,
    String onReject,
    boolean requiresUserInput,
    @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable String userInputMessage,
    @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable Map<String, Object> userInput,
    boolean requiresRouteSelection,
    @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable List<String> availableChoices,
    boolean allowMultipleSelections,
    @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable List<String> selectedChoices,
    boolean requiresOutputReview,
    @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable String outputReviewMessage,
    boolean isPostExecution,
    @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable String rejectionFeedback,
    int retryCount,
    @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable Integer maxRetries,
    @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable String timeoutAt,
    String onTimeout,
    @Nullable List<UserInputField> userInputSchema,
    @Nullable StepInput stepInput,
    @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean requiresExecutorInput,
    @Nullable List<RunRequirement> executorRequirements,
    @Nullable String executorId,
    @Nullable String executorName,
    @Nullable String executorRunId,
    @Nullable String executorType,
    @Nullable String executorSessionId,
    @Nullable StepResult stepOutput,
    @Nullable Object editedOutput) {
  public StepRequirement {
    userInput = userInput == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(userInput));
    availableChoices = availableChoices == null ? null : List.copyOf(availableChoices);
    selectedChoices = selectedChoices == null ? null : List.copyOf(selectedChoices);
    userInputSchema = userInputSchema == null ? null : List.copyOf(userInputSchema);
    executorRequirements = executorRequirements == null ? null : List.copyOf(executorRequirements);
  }

  /** A step that waits to be confirmed before it runs; a rejection does {@code onReject}. */
  public static StepRequirement confirmation(String stepId, String stepName, int stepIndex, String stepType,
      @Nullable String message, String onReject, @Nullable StepInput stepInput) {
    return new StepRequirement(stepId, stepName, stepIndex, stepType, true, message, null, onReject, false, null, null,
        false, null, false, null, false, null, false, null, 0, null, null, "cancel", null, stepInput, false, null,
        null, null, null, null, null, null, null);
  }

  /** A step that waits for the person's values for {@code fields} before it runs. */
  public static StepRequirement userInput(String stepId, String stepName, int stepIndex, String stepType,
      @Nullable String message, List<UserInputField> fields, @Nullable StepInput stepInput) {
    return new StepRequirement(stepId, stepName, stepIndex, stepType, false, null, null, "cancel", true, message, null,
        false, null, false, null, false, null, false, null, 0, null, null, "cancel", fields, stepInput, false, null,
        null, null, null, null, null, null, null);
  }

  /** A router that waits for the person to choose among {@code choices}. */
  public static StepRequirement routeSelection(String stepId, String stepName, int stepIndex,
      @Nullable String message, List<String> choices, boolean allowMultiple, @Nullable StepInput stepInput) {
    return new StepRequirement(stepId, stepName, stepIndex, "Router", false, null, null, "cancel", false, message,
        null, true, choices, allowMultiple, null, false, null, false, null, 0, null, null, "cancel", null, stepInput,
        false, null, null, null, null, null, null, null, null);
  }

  /**
   * A step whose agent or team paused for a person (its tool calls' HITL): answered by answering
   * {@code executorRequirements} as the paused run's own requirements are.
   *
   * @param executorType "agent" or "team"
   */
  public static StepRequirement executor(String stepId, String stepName, int stepIndex, List<RunRequirement> waiting,
      String executorId, String executorName, String executorRunId, String executorType, String sessionId) {
    return new StepRequirement(stepId, stepName, stepIndex, "Step", false, null, null, "cancel", false, null, null,
        false, null, false, null, false, null, false, null, 0, null, null, "cancel", null, null, true, waiting,
        executorId, executorName, executorRunId, executorType, sessionId, null, null);
  }

  /**
   * A field a step waits for, as Agno's workflow {@code UserInputField} (unlike a tool call's, it says whether it is
   * required and may list the allowed values).
   *
   * @param fieldType "str", "int", "float", "bool", "list" or "dict"
   * @param value the person's value; null until given
   * @param allowedValues the values allowed, if restricted
   */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record UserInputField(
      String name,
      String fieldType,
      @Nullable String description,
      @Nullable Object value,
      boolean required,
      @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable List<Object> allowedValues) {}
}
