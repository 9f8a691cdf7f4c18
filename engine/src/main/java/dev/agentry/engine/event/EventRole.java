package dev.agentry.engine.event;

/**
 * What an event is to the consumers that treat events differently by type: the answer's content, an ending, or
 * progress. Decided in one exhaustive switch without a default branch, so adding an event breaks the build here,
 * where its role must be chosen, and nowhere else.
 */
public enum EventRole {
  /** A piece of the answer ({@code RunContent}): streamed even without {@code stream_events}, never stored. */
  CONTENT,
  /** The run ended well ({@code RunCompleted}, {@code WorkflowCompleted}). */
  COMPLETED,
  /**
   * The run stopped short: failed, cancelled or paused ({@code RunError}, {@code WorkflowPaused}, ...); always
   * streamed. A workflow's step-level pauses ({@code StepPaused}, {@code RouterPaused}, {@code StepExecutorPaused})
   * are progress: the {@code WorkflowPaused} after them is the stop.
   */
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
      case RunEvent.SessionSummaryStarted e -> PROGRESS;
      case RunEvent.SessionSummaryCompleted e -> PROGRESS;
      case RunEvent.CompressionStarted e -> PROGRESS;
      case RunEvent.CompressionCompleted e -> PROGRESS;
      case RunEvent.ParserModelResponseStarted e -> PROGRESS;
      case RunEvent.ParserModelResponseCompleted e -> PROGRESS;
      case RunEvent.OutputModelResponseStarted e -> PROGRESS;
      case RunEvent.OutputModelResponseCompleted e -> PROGRESS;
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
      case WorkflowEvent.WorkflowCompleted e -> COMPLETED;
      case WorkflowEvent.WorkflowPaused e -> STOPPED;
      case WorkflowEvent.WorkflowCancelled e -> STOPPED;
      case WorkflowEvent.WorkflowError e -> STOPPED;
      case WorkflowEvent.WorkflowStarted e -> PROGRESS;
      case WorkflowEvent.StepStarted e -> PROGRESS;
      case WorkflowEvent.StepCompleted e -> PROGRESS;
      case WorkflowEvent.StepOutput e -> PROGRESS;
      case WorkflowEvent.StepPaused e -> PROGRESS;
      case WorkflowEvent.StepContinued e -> PROGRESS;
      case WorkflowEvent.StepExecutorPaused e -> PROGRESS;
      case WorkflowEvent.StepExecutorContinued e -> PROGRESS;
      case WorkflowEvent.StepError e -> PROGRESS;
      case WorkflowEvent.LoopExecutionStarted e -> PROGRESS;
      case WorkflowEvent.LoopIterationStarted e -> PROGRESS;
      case WorkflowEvent.LoopIterationCompleted e -> PROGRESS;
      case WorkflowEvent.LoopExecutionCompleted e -> PROGRESS;
      case WorkflowEvent.ParallelExecutionStarted e -> PROGRESS;
      case WorkflowEvent.ParallelExecutionCompleted e -> PROGRESS;
      case WorkflowEvent.ConditionExecutionStarted e -> PROGRESS;
      case WorkflowEvent.ConditionExecutionCompleted e -> PROGRESS;
      case WorkflowEvent.RouterExecutionStarted e -> PROGRESS;
      case WorkflowEvent.RouterExecutionCompleted e -> PROGRESS;
      case WorkflowEvent.RouterPaused e -> PROGRESS;
      case WorkflowEvent.StepsExecutionStarted e -> PROGRESS;
      case WorkflowEvent.StepsExecutionCompleted e -> PROGRESS;
    };
  }
}
