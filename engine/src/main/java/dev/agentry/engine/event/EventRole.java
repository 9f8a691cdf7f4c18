package dev.agentry.engine.event;

/**
 * What an event is to the consumers that treat events differently by type: the answer's content, an ending, or
 * progress. Decided in one exhaustive switch without a default branch, so adding an event breaks the build here,
 * where its role must be chosen, and nowhere else.
 */
public enum EventRole {
  /** A piece of the answer ({@code RunContent}): streamed even without {@code stream_events}, never stored. */
  CONTENT,
  /** The run ended well ({@code RunCompleted}). */
  COMPLETED,
  /** The run stopped short: failed, cancelled or paused; always streamed. */
  STOPPED,
  /** Everything else: the run's progress, streamed with {@code stream_events}. */
  PROGRESS;

  public static EventRole of(RunEvent event) {
    return switch (event) {
      case RunEvent.RunContent e -> CONTENT;
      case RunEvent.RunCompleted e -> COMPLETED;
      case RunEvent.RunError e -> STOPPED;
      case RunEvent.RunCancelled e -> STOPPED;
      case RunEvent.RunPaused e -> STOPPED;
      case RunEvent.RunStarted e -> PROGRESS;
      case RunEvent.RunContinued e -> PROGRESS;
      case RunEvent.PreHookStarted e -> PROGRESS;
      case RunEvent.PreHookCompleted e -> PROGRESS;
      case RunEvent.PostHookStarted e -> PROGRESS;
      case RunEvent.PostHookCompleted e -> PROGRESS;
      case RunEvent.MemoryUpdateStarted e -> PROGRESS;
      case RunEvent.MemoryUpdateCompleted e -> PROGRESS;
      case RunEvent.TaskIterationStarted e -> PROGRESS;
      case RunEvent.TaskIterationCompleted e -> PROGRESS;
      case RunEvent.TaskStateUpdated e -> PROGRESS;
      case RunEvent.TaskCreated e -> PROGRESS;
      case RunEvent.TaskUpdated e -> PROGRESS;
      case RunEvent.ModelRequestStarted e -> PROGRESS;
      case RunEvent.ModelRequestCompleted e -> PROGRESS;
      case RunEvent.RunIntermediateContent e -> PROGRESS;
      case RunEvent.RunContentCompleted e -> PROGRESS;
      case RunEvent.ReasoningStarted e -> PROGRESS;
      case RunEvent.ReasoningContentDelta e -> PROGRESS;
      case RunEvent.ReasoningStep e -> PROGRESS;
      case RunEvent.ReasoningCompleted e -> PROGRESS;
      case RunEvent.ToolCallStarted e -> PROGRESS;
      case RunEvent.ToolCallCompleted e -> PROGRESS;
      case RunEvent.ToolCallError e -> PROGRESS;
    };
  }
}
