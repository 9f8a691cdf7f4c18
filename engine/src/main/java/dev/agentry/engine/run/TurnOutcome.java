package dev.agentry.engine.run;

import dev.agentry.engine.llm.ToolCall;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What one step of the run loop decided; {@link RunLoop} switches over it exhaustively. */
sealed interface TurnOutcome {
  /** Ask the model again (after tool results). */
  record Next() implements TurnOutcome {}

  /** The model asked for these calls. */
  record CallTools(List<ToolCall> calls) implements TurnOutcome {}

  /** The structured answer did not match the schema: tell the model once and ask again. */
  record Correct(String feedback) implements TurnOutcome {}

  /** The answer is final. */
  record FinalOutput(@Nullable Object content, String contentType) implements TurnOutcome {}

  /** A tool call waits for a person or the client: the run pauses. */
  record Paused() implements TurnOutcome {}

  /** A tool ended the run (StopAgentRun, {@code stop_after_tool_call}); {@code content} is what it showed. */
  record Stopped(@Nullable String content) implements TurnOutcome {}

  /** The run's {@code tool_call_limit} or another limit stopped the loop. */
  record LimitReached(String reason) implements TurnOutcome {}

  TurnOutcome NEXT = new Next();
}
