package dev.agentry.engine.tool;

/**
 * What a tool call returned to the run: text for the model, and whether the run goes on.
 *
 * <p>Agno's tool signals map onto the outcomes: {@code StopAgentRun} is {@link #stop}, {@code RetryAgentRun} is
 * {@link #retry}. A tool that throws is reported as {@link #error} with the exception's message.
 *
 * @param content the text the model receives as the tool's result
 * @param outcome what the run does next
 */
public record ToolResult(String content, Outcome outcome) {
  /** What the run does after a tool call. */
  public enum Outcome {
    /** The call succeeded; the model sees the content. */
    OK,
    /** The call failed; the model sees the error and may try again. */
    ERROR,
    /** Like {@code RetryAgentRun}: the model sees the content as an error with instructions, and the loop goes on. */
    RETRY,
    /** Like {@code StopAgentRun}: the tool loop ends now and the run completes with the content. */
    STOP
  }

  public static ToolResult of(String content) {
    return new ToolResult(content, Outcome.OK);
  }

  public static ToolResult error(String message) {
    return new ToolResult(message, Outcome.ERROR);
  }

  public static ToolResult retry(String instructions) {
    return new ToolResult(instructions, Outcome.RETRY);
  }

  public static ToolResult stop(String reason) {
    return new ToolResult(reason, Outcome.STOP);
  }

  /** True for {@link Outcome#ERROR} and {@link Outcome#RETRY}: the model sees the content as an error. */
  public boolean isError() {
    return outcome == Outcome.ERROR || outcome == Outcome.RETRY;
  }
}
