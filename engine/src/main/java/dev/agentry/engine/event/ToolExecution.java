package dev.agentry.engine.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One tool call of a run, as Agno's {@code ToolExecution} ({@code agentos-api.md} §3.5): carried by the tool events,
 * {@code RunPaused} and {@code RunOutput.tools}, and sent back by clients to continue a paused run. Unlike the
 * events around it, its null fields are written out.
 *
 * @param toolArgs the parsed arguments (null when the model wrote invalid JSON)
 * @param toolCallError true when the call failed and {@code result} is the error
 * @param confirmed for a tool that requires confirmation: the user's answer (null until answered)
 * @param userInputSchema for a tool that requires user input: the fields the user fills in ({@code value})
 * @param externalExecutionRequired true when the client executes the tool and sends its {@code result}
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ToolExecution(
    String toolCallId,
    String toolName,
    @Nullable JsonNode toolArgs,
    @Nullable Boolean toolCallError,
    @Nullable String result,
    @Nullable ToolMetrics metrics,
    @Nullable String childRunId,
    boolean stopAfterToolCall,
    long createdAt,
    boolean requiresConfirmation,
    @Nullable Boolean confirmed,
    @Nullable String confirmationNote,
    boolean requiresUserInput,
    @Nullable List<UserInputField> userInputSchema,
    @Nullable List<UserInputField> userFeedbackSchema,
    @Nullable Boolean answered,
    boolean externalExecutionRequired,
    @Nullable Boolean externalExecutionSilent,
    @Nullable String approvalType,
    @Nullable String approvalId) {

  /** Start and end (epoch seconds) and duration (seconds) of a call. */
  public record ToolMetrics(double startTime, double endTime, double duration) {}

  /**
   * A parameter of a call that waits for user input ({@code user_input_fields}): every parameter is listed, with the
   * model's value, and the user's fields have none until the user gives one.
   *
   * @param fieldType the Python type name of the field, as Agno writes it ("str", "int", "float", "bool", "list",
   *     "dict")
   * @param value the model's or the user's value; null until given
   */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record UserInputField(String name, String fieldType, @Nullable String description, @Nullable Object value) {}

  /** A call as the model made it, before it ran. */
  public static ToolExecution pending(String toolCallId, String toolName, @Nullable JsonNode args, long createdAt) {
    return new ToolExecution(toolCallId, toolName, args, null, null, null, null, false, createdAt, false, null, null,
        false, null, null, null, false, null, null, null);
  }

  /** This call with its result. */
  public ToolExecution withResult(String result, boolean error, ToolMetrics metrics, boolean stopAfter) {
    return new ToolExecution(toolCallId, toolName, toolArgs, error, result, metrics, childRunId, stopAfter, createdAt,
        requiresConfirmation, confirmed, confirmationNote, requiresUserInput, userInputSchema, userFeedbackSchema,
        answered, externalExecutionRequired, externalExecutionSilent, approvalType, approvalId);
  }

  /** This call flagged for the human-in-the-loop step it waits on. */
  public ToolExecution awaiting(boolean confirmation, @Nullable List<UserInputField> inputFields, boolean external) {
    return new ToolExecution(toolCallId, toolName, toolArgs, toolCallError, result, metrics, childRunId,
        stopAfterToolCall, createdAt, confirmation, confirmed, confirmationNote, inputFields != null, inputFields,
        userFeedbackSchema, answered, external, externalExecutionSilent, approvalType, approvalId);
  }

  /** This call with the user's answer recorded. */
  public ToolExecution withAnswer(@Nullable Boolean confirmed, @Nullable String note, @Nullable Boolean answered) {
    return new ToolExecution(toolCallId, toolName, toolArgs, toolCallError, result, metrics, childRunId,
        stopAfterToolCall, createdAt, requiresConfirmation, confirmed, note, requiresUserInput, userInputSchema,
        userFeedbackSchema, answered, externalExecutionRequired, externalExecutionSilent, approvalType, approvalId);
  }

  /** This call with the user's values for its input fields. */
  public ToolExecution withUserInput(List<UserInputField> fields) {
    return new ToolExecution(toolCallId, toolName, toolArgs, toolCallError, result, metrics, childRunId,
        stopAfterToolCall, createdAt, requiresConfirmation, confirmed, confirmationNote, true, fields,
        userFeedbackSchema, true, externalExecutionRequired, externalExecutionSilent, approvalType, approvalId);
  }

  /** This call with the arguments it runs with (the model's, completed by the user's input). */
  public ToolExecution withToolArgs(JsonNode args) {
    return new ToolExecution(toolCallId, toolName, args, toolCallError, result, metrics, childRunId,
        stopAfterToolCall, createdAt, requiresConfirmation, confirmed, confirmationNote, requiresUserInput,
        userInputSchema, userFeedbackSchema, answered, externalExecutionRequired, externalExecutionSilent,
        approvalType, approvalId);
  }

  /** This call with the result the client computed (external execution). */
  public ToolExecution withExternalResult(String externalResult) {
    return new ToolExecution(toolCallId, toolName, toolArgs, toolCallError, externalResult, metrics, childRunId,
        stopAfterToolCall, createdAt, requiresConfirmation, confirmed, confirmationNote, requiresUserInput,
        userInputSchema, userFeedbackSchema, answered, true, externalExecutionSilent, approvalType, approvalId);
  }

  /** This call with the member run it started (a team's delegation). */
  public ToolExecution withChildRunId(@Nullable String childRun) {
    if (Objects.equals(childRun, childRunId)) {
      return this; // most calls start no member run: no copy
    }
    return new ToolExecution(toolCallId, toolName, toolArgs, toolCallError, result, metrics, childRun,
        stopAfterToolCall, createdAt, requiresConfirmation, confirmed, confirmationNote, requiresUserInput,
        userInputSchema, userFeedbackSchema, answered, externalExecutionRequired, externalExecutionSilent,
        approvalType, approvalId);
  }
}
