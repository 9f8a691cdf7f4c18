package dev.agentry.engine.event;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An event of a run of an agent, a team or a workflow; the {@code permits} lists below are the whole catalogue, with
 * Agno's wire names ({@code shared/reference/agentos-api.md} §3.3, §3.4) declared by {@link EventName} on each record.
 *
 * <p>Every event carries its run's {@link RunScope} and its creation time (epoch seconds); the other components are
 * the class-specific fields in wire order. Events are grouped by source: {@link ModelEvent} (model requests, content
 * and reasoning), {@link ToolEvent} (tool calls), {@link FlowEvent} (the run's lifecycle, hooks, memory) and
 * {@link WorkflowEvent} (a workflow's lifecycle and steps; in its own file, {@code WorkflowEvent.java}, whose
 * {@code permits} list is that family). Consumers switch over them exhaustively, so adding an event breaks the build
 * where it must be handled.
 */
public sealed interface RunEvent
    permits RunEvent.ModelEvent, RunEvent.ToolEvent, RunEvent.FlowEvent, WorkflowEvent {
  /** The run this event belongs to. */
  RunScope scope();

  /** When the event was created, in epoch seconds. */
  long createdAt();

  /**
   * The wire name: the base name declared by {@link EventName}, prefixed by the run's family, e.g. {@code RunStarted}
   * for an agent and {@code TeamRunStarted} for a team; a {@link WorkflowEvent}'s is never prefixed.
   */
  default String name() {
    String base = EventNames.of(getClass());
    return this instanceof WorkflowEvent ? base : scope().kind().eventPrefix() + base;
  }

  /** Events of a model request: its start and end, the answer's content and reasoning. */
  sealed interface ModelEvent extends RunEvent {}

  /** Events of a tool call. */
  sealed interface ToolEvent extends RunEvent {}

  /** Events of the run's lifecycle: start, end, pause, hooks, memory. */
  sealed interface FlowEvent extends RunEvent {}

  // ---- flow ----

  @EventName("RunStarted")
  record RunStarted(@JsonIgnore RunScope scope, @JsonIgnore long createdAt, String model, String modelProvider)
      implements FlowEvent {}

  /**
   * The run's final event on success; {@code content} is the whole answer (text, or JSON for structured output).
   * A team's carries its members' runs ({@code member_responses}, as Agno's {@code RunOutput.to_dict()} writes them);
   * an agent's none.
   */
  @EventName("RunCompleted")
  record RunCompleted(
      @JsonIgnore RunScope scope,
      @JsonIgnore long createdAt,
      @Nullable Object content,
      String contentType,
      @Nullable String reasoningContent,
      @Nullable List<MessageReferences> references,
      @Nullable List<ReasoningSteps.Step> reasoningSteps,
      @Nullable List<Object> reasoningMessages,
      ReasoningSteps.@Nullable ExtraData extraData,
      @Nullable Map<String, Object> metadata,
      Metrics metrics,
      @Nullable Map<String, Object> sessionState,
      @Nullable MemberResponses memberResponses) implements FlowEvent {
    /** A run's ending without reasoning steps or references. */
    public RunCompleted(RunScope scope, long createdAt, @Nullable Object content, String contentType,
        @Nullable String reasoningContent, @Nullable Map<String, Object> metadata, Metrics metrics,
        @Nullable Map<String, Object> sessionState, @Nullable MemberResponses memberResponses) {
      this(scope, createdAt, content, contentType, reasoningContent, null, null, null, null, metadata, metrics,
          sessionState, memberResponses);
    }
  }

  /** The run stopped to wait for a person: {@code tools} lists the calls to confirm, fill in or execute. */
  @EventName("RunPaused")
  record RunPaused(
      @JsonIgnore RunScope scope,
      @JsonIgnore long createdAt,
      String content,
      List<ToolExecution> tools,
      List<RunRequirement> requirements) implements FlowEvent {}

  @EventName("RunContinued")
  record RunContinued(@JsonIgnore RunScope scope, @JsonIgnore long createdAt) implements FlowEvent {}

  /** The run failed; {@code content} is the error message. */
  @EventName("RunError")
  record RunError(
      @JsonIgnore RunScope scope,
      @JsonIgnore long createdAt,
      String content,
      String errorType,
      @Nullable String errorId,
      @Nullable Map<String, Object> additionalData) implements FlowEvent {}

  /** The run was cancelled; {@code content} is what had been answered until then. */
  @EventName("RunCancelled")
  record RunCancelled(@JsonIgnore RunScope scope, @JsonIgnore long createdAt, String reason, @Nullable String content)
      implements FlowEvent {}

  @EventName("PreHookStarted")
  record PreHookStarted(@JsonIgnore RunScope scope, @JsonIgnore long createdAt, String preHookName,
      @Nullable Object runInput) implements FlowEvent {}

  @EventName("PreHookCompleted")
  record PreHookCompleted(@JsonIgnore RunScope scope, @JsonIgnore long createdAt, String preHookName,
      @Nullable Object runInput) implements FlowEvent {}

  @EventName("PostHookStarted")
  record PostHookStarted(@JsonIgnore RunScope scope, @JsonIgnore long createdAt, String postHookName)
      implements FlowEvent {}

  @EventName("PostHookCompleted")
  record PostHookCompleted(@JsonIgnore RunScope scope, @JsonIgnore long createdAt, String postHookName)
      implements FlowEvent {}

  /** The memory manager starts reading the run to update the user's memories. */
  @EventName("MemoryUpdateStarted")
  record MemoryUpdateStarted(@JsonIgnore RunScope scope, @JsonIgnore long createdAt) implements FlowEvent {}

  /** The user's memories were updated; {@code memories} are the user's memories afterwards (UserMemorySchema dicts). */
  @EventName("MemoryUpdateCompleted")
  record MemoryUpdateCompleted(@JsonIgnore RunScope scope, @JsonIgnore long createdAt, @Nullable List<Object> memories)
      implements FlowEvent {}

  /** The session summary manager starts summarizing the session. */
  @EventName("SessionSummaryStarted")
  record SessionSummaryStarted(@JsonIgnore RunScope scope, @JsonIgnore long createdAt) implements FlowEvent {}

  /** The session summary was updated: {@code {"summary": ..., "topics": [...], "updated_at": ...}}. */
  @EventName("SessionSummaryCompleted")
  record SessionSummaryCompleted(@JsonIgnore RunScope scope, @JsonIgnore long createdAt,
      @Nullable Map<String, Object> sessionSummary) implements FlowEvent {}

  /** Long tool results are about to be compressed by the compression manager's model. */
  @EventName("CompressionStarted")
  record CompressionStarted(@JsonIgnore RunScope scope, @JsonIgnore long createdAt) implements FlowEvent {}

  /** Tool results were compressed: how many, and their total size in characters before and after. */
  @EventName("CompressionCompleted")
  record CompressionCompleted(@JsonIgnore RunScope scope, @JsonIgnore long createdAt, int toolResultsCompressed,
      long originalSize, long compressedSize) implements FlowEvent {}

  // ---- tasks (a team in tasks mode; on the wire with the family prefix: TeamTaskCreated, ...) ----

  /** A round of the leader's work on the task list begins; {@code iteration} counts from 1. */
  @EventName("TaskIterationStarted")
  record TaskIterationStarted(@JsonIgnore RunScope scope, @JsonIgnore long createdAt, int iteration,
      int maxIterations) implements FlowEvent {}

  @EventName("TaskIterationCompleted")
  record TaskIterationCompleted(@JsonIgnore RunScope scope, @JsonIgnore long createdAt, int iteration,
      int maxIterations, String taskSummary) implements FlowEvent {}

  /** The task list after a round: every task, and whether the leader marked the goal complete. */
  @EventName("TaskStateUpdated")
  record TaskStateUpdated(@JsonIgnore RunScope scope, @JsonIgnore long createdAt, String taskSummary,
      boolean goalComplete, List<TeamTask> tasks, @Nullable String completionSummary) implements FlowEvent {}

  @EventName("TaskCreated")
  record TaskCreated(@JsonIgnore RunScope scope, @JsonIgnore long createdAt, String taskId, String title,
      String description, @Nullable String assignee, String status, List<String> dependencies)
      implements FlowEvent {}

  /** A task changed status; {@code result} is set once it completed or failed. */
  @EventName("TaskUpdated")
  record TaskUpdated(@JsonIgnore RunScope scope, @JsonIgnore long createdAt, String taskId, String title,
      String status, @Nullable String previousStatus, @Nullable String result, @Nullable String assignee)
      implements FlowEvent {}

  // ---- model ----

  @EventName("ModelRequestStarted")
  record ModelRequestStarted(@JsonIgnore RunScope scope, @JsonIgnore long createdAt, String model,
      String modelProvider) implements ModelEvent {}

  /** A model request ended; token counts as the provider reported them, times in seconds. */
  @EventName("ModelRequestCompleted")
  record ModelRequestCompleted(
      @JsonIgnore RunScope scope,
      @JsonIgnore long createdAt,
      String model,
      String modelProvider,
      long inputTokens,
      long outputTokens,
      long totalTokens,
      @Nullable Double timeToFirstToken,
      long reasoningTokens,
      long cacheReadTokens,
      long cacheWriteTokens) implements ModelEvent {}

  /**
   * A piece of the answer (a delta when streaming), or reasoning content streamed alongside it. After step-by-step
   * reasoning every piece carries the steps, as Agno's do ({@code reasoning_steps}), and as Agent UI reads them
   * ({@code extra_data.reasoning_steps}).
   */
  @EventName("RunContent")
  record RunContent(
      @JsonIgnore RunScope scope,
      @JsonIgnore long createdAt,
      @Nullable Object content,
      String contentType,
      @Nullable String reasoningContent,
      @Nullable List<MessageReferences> references,
      @Nullable List<ReasoningSteps.Step> reasoningSteps,
      ReasoningSteps.@Nullable ExtraData extraData) implements ModelEvent {
    /** A piece of the answer without reasoning steps or references. */
    public RunContent(RunScope scope, long createdAt, @Nullable Object content, String contentType,
        @Nullable String reasoningContent) {
      this(scope, createdAt, content, contentType, reasoningContent, null, null, null);
    }

    /** This piece with the run's reasoning steps (both fields), unless it has some already or there are none. */
    public RunContent withReasoningSteps(@Nullable List<ReasoningSteps.Step> steps) {
      return steps == null || steps.isEmpty() || reasoningSteps != null ? this
          : new RunContent(scope, createdAt, content, contentType, reasoningContent, references, steps,
              ReasoningSteps.ExtraData.of(steps, references));
    }

    /** This piece with the run's references so far, as Agno's carry them; unchanged when there are none. */
    public RunContent withReferences(@Nullable List<MessageReferences> found) {
      return found == null || found.isEmpty() ? this
          : new RunContent(scope, createdAt, content, contentType, reasoningContent, List.copyOf(found),
              reasoningSteps, ReasoningSteps.ExtraData.of(reasoningSteps, found));
    }
  }

  /** Text the model wrote alongside tool calls, before its final answer. */
  @EventName("RunIntermediateContent")
  record RunIntermediateContent(@JsonIgnore RunScope scope, @JsonIgnore long createdAt, String content,
      String contentType) implements ModelEvent {}

  @EventName("RunContentCompleted")
  record RunContentCompleted(@JsonIgnore RunScope scope, @JsonIgnore long createdAt) implements ModelEvent {}

  @EventName("ReasoningStarted")
  record ReasoningStarted(@JsonIgnore RunScope scope, @JsonIgnore long createdAt) implements ModelEvent {}

  @EventName("ReasoningContentDelta")
  record ReasoningContentDelta(@JsonIgnore RunScope scope, @JsonIgnore long createdAt, String reasoningContent)
      implements ModelEvent {}

  /**
   * One reasoning step: with step-by-step reasoning, {@code content} is the step (content type "ReasoningStep"),
   * {@code reasoning_content} the steps so far as text, and {@code extra_data.reasoning_steps} this one step (Agent UI
   * appends it); with a model that reasons by itself, its reasoning text (content type "str").
   */
  @EventName("ReasoningStep")
  record ReasoningStep(@JsonIgnore RunScope scope, @JsonIgnore long createdAt, @Nullable Object content,
      String contentType, @Nullable String reasoningContent, ReasoningSteps.@Nullable ExtraData extraData)
      implements ModelEvent {}

  /**
   * Reasoning ended: with step-by-step reasoning, {@code content} is every step ({@code ReasoningSteps}) and
   * {@code extra_data.reasoning_steps} lists them again for Agent UI (which replaces its steps with them).
   */
  @EventName("ReasoningCompleted")
  record ReasoningCompleted(@JsonIgnore RunScope scope, @JsonIgnore long createdAt, @Nullable Object content,
      String contentType, ReasoningSteps.@Nullable ExtraData extraData) implements ModelEvent {}

  /** The parser model ({@code parser_model}) starts turning the answer into the output schema. */
  @EventName("ParserModelResponseStarted")
  record ParserModelResponseStarted(@JsonIgnore RunScope scope, @JsonIgnore long createdAt) implements ModelEvent {}

  @EventName("ParserModelResponseCompleted")
  record ParserModelResponseCompleted(@JsonIgnore RunScope scope, @JsonIgnore long createdAt) implements ModelEvent {}

  /** The output model ({@code output_model}) starts writing the final answer. */
  @EventName("OutputModelResponseStarted")
  record OutputModelResponseStarted(@JsonIgnore RunScope scope, @JsonIgnore long createdAt) implements ModelEvent {}

  @EventName("OutputModelResponseCompleted")
  record OutputModelResponseCompleted(@JsonIgnore RunScope scope, @JsonIgnore long createdAt) implements ModelEvent {}

  // ---- tools ----

  @EventName("ToolCallStarted")
  record ToolCallStarted(@JsonIgnore RunScope scope, @JsonIgnore long createdAt, ToolExecution tool)
      implements ToolEvent {}

  /** A tool call ended; {@code content} is Agno's summary line, e.g. "add(a=2, b=3) completed in 0.0001s.". */
  @EventName("ToolCallCompleted")
  record ToolCallCompleted(@JsonIgnore RunScope scope, @JsonIgnore long createdAt, ToolExecution tool,
      String content) implements ToolEvent {}

  @EventName("ToolCallError")
  record ToolCallError(@JsonIgnore RunScope scope, @JsonIgnore long createdAt, ToolExecution tool, String error)
      implements ToolEvent {}
}
