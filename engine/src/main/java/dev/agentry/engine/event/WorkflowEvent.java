package dev.agentry.engine.event;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An event of a workflow run: its lifecycle, its steps and its groups (loop, parallel, condition, router, steps), with
 * Agno's wire names ({@code shared/reference/agentos-api.md} §3.4, {@code run/workflow.py}). Part of the
 * {@link RunEvent} catalogue, in its own file so that {@code RunEvent.java} stays readable; the {@code permits} list
 * below is the whole workflow family.
 *
 * <p>Workflow events are never prefixed and carry the workflow family's envelope ({@code workflow_id},
 * {@code workflow_name}, {@code session_id}, {@code run_id}, {@code step_id}, {@code parent_step_id},
 * {@code nested_depth}): an event about one step has a scope naming it ({@link RunScope#forStep}); its
 * {@code step_name} and {@code step_index} are the event's own fields, as in Agno. The events that the agents and
 * teams of the steps emit are theirs, in their own families.
 *
 * <p>Not here (reserved for when Agentry has what emits them): {@code WorkflowAgentStarted/Completed} (a workflow
 * agent), {@code StepOutputReview} (review of a step's output), {@code ConditionPaused} (named by Agno, never emitted)
 * and {@code CustomEvent}.
 */
public sealed interface WorkflowEvent extends RunEvent {

  // ---- the workflow ----

  @EventName("WorkflowStarted")
  record WorkflowStarted(@JsonIgnore RunScope scope, @JsonIgnore long createdAt) implements WorkflowEvent {}

  /**
   * The workflow's final event (also after {@code WorkflowCancelled}, as Agno does); {@code content} is the last step's
   * output, {@code step_results} every step's, {@code step_executor_runs} the runs of the steps' agents and teams as
   * Agno's run dicts.
   */
  @EventName("WorkflowCompleted")
  record WorkflowCompleted(
      @JsonIgnore RunScope scope,
      @JsonIgnore long createdAt,
      @Nullable Object content,
      String contentType,
      List<StepResult> stepResults,
      @Nullable MemberResponses stepExecutorRuns,
      @Nullable Map<String, Object> metadata,
      @Nullable WorkflowMetrics metrics) implements WorkflowEvent {
    public WorkflowCompleted {
      stepResults = List.copyOf(stepResults);
    }
  }

  /**
   * The workflow stopped to wait for a person, after the step-level pause event ({@code StepPaused},
   * {@code StepExecutorPaused} or {@code RouterPaused}); it carries what a client needs to continue.
   *
   * @param pauseKind "step" (the step itself waits) or "executor" (the step's agent or team paused)
   */
  @EventName("WorkflowPaused")
  record WorkflowPaused(
      @JsonIgnore RunScope scope,
      @JsonIgnore long createdAt,
      RunStatus status,
      @Nullable Integer pausedStepIndex,
      @Nullable String pausedStepName,
      @Nullable String pauseKind,
      List<StepRequirement> stepRequirements,
      List<StepResult> stepResults,
      @Nullable MemberResponses stepExecutorRuns,
      @Nullable Object content,
      @Nullable Map<String, Object> metadata) implements WorkflowEvent {
    public WorkflowPaused {
      stepRequirements = List.copyOf(stepRequirements);
      stepResults = List.copyOf(stepResults);
    }
  }

  /** The workflow was cancelled; {@code content} is Agno's copy of the reason. */
  @EventName("WorkflowCancelled")
  record WorkflowCancelled(@JsonIgnore RunScope scope, @JsonIgnore long createdAt, String reason,
      @Nullable String content) implements WorkflowEvent {}

  /** The workflow failed; {@code error} is the message. */
  @EventName("WorkflowError")
  record WorkflowError(
      @JsonIgnore RunScope scope,
      @JsonIgnore long createdAt,
      String error,
      @Nullable String errorType,
      @Nullable String errorId,
      @Nullable Map<String, Object> additionalData) implements WorkflowEvent {}

  // ---- a step ----

  @EventName("StepStarted")
  record StepStarted(@JsonIgnore RunScope scope, @JsonIgnore long createdAt, String stepName, StepIndex stepIndex)
      implements WorkflowEvent {}

  /** A step ended; {@code content} is its output, {@code step_response} the whole of it. */
  @EventName("StepCompleted")
  record StepCompleted(
      @JsonIgnore RunScope scope,
      @JsonIgnore long createdAt,
      String stepName,
      StepIndex stepIndex,
      @Nullable Object content,
      String contentType,
      @Nullable StepResult stepResponse) implements WorkflowEvent {}

  /** A step's output, streamed as it is produced (Agno emits it for function steps). */
  @EventName("StepOutput")
  record StepOutput(@JsonIgnore RunScope scope, @JsonIgnore long createdAt, String stepName, StepIndex stepIndex,
      StepResult stepOutput) implements WorkflowEvent {}

  /** A step waits, before it runs, for a confirmation or for user input; {@code WorkflowPaused} follows. */
  @EventName("StepPaused")
  record StepPaused(
      @JsonIgnore RunScope scope,
      @JsonIgnore long createdAt,
      String stepName,
      StepIndex stepIndex,
      boolean requiresConfirmation,
      @Nullable String confirmationMessage,
      boolean requiresUserInput,
      @Nullable String userInputMessage,
      @Nullable List<StepRequirement.UserInputField> userInputSchema) implements WorkflowEvent {}

  /** A paused step resumes: the workflow was continued with its requirement met. */
  @EventName("StepContinued")
  record StepContinued(@JsonIgnore RunScope scope, @JsonIgnore long createdAt, String stepName, StepIndex stepIndex)
      implements WorkflowEvent {}

  /**
   * A step's agent or team paused for a person (its tool calls' HITL); {@code WorkflowPaused} follows.
   *
   * @param executorType "agent" or "team"
   * @param executorRequirements the paused run's requirements
   */
  @EventName("StepExecutorPaused")
  record StepExecutorPaused(
      @JsonIgnore RunScope scope,
      @JsonIgnore long createdAt,
      String stepName,
      StepIndex stepIndex,
      String executorId,
      String executorName,
      String executorRunId,
      String executorType,
      List<RunRequirement> executorRequirements) implements WorkflowEvent {
    public StepExecutorPaused {
      executorRequirements = List.copyOf(executorRequirements);
    }
  }

  /** A step's paused agent or team resumes. */
  @EventName("StepExecutorContinued")
  record StepExecutorContinued(
      @JsonIgnore RunScope scope,
      @JsonIgnore long createdAt,
      String stepName,
      StepIndex stepIndex,
      String executorId,
      String executorName,
      String executorRunId,
      String executorType) implements WorkflowEvent {}

  /** A step failed; {@code error} is the message. */
  @EventName("StepError")
  record StepError(@JsonIgnore RunScope scope, @JsonIgnore long createdAt, String stepName, StepIndex stepIndex,
      String error) implements WorkflowEvent {}

  // ---- loop ----

  @EventName("LoopExecutionStarted")
  record LoopExecutionStarted(@JsonIgnore RunScope scope, @JsonIgnore long createdAt, String stepName,
      StepIndex stepIndex, @Nullable Integer maxIterations) implements WorkflowEvent {}

  /** An iteration begins; {@code iteration} counts from 1. */
  @EventName("LoopIterationStarted")
  record LoopIterationStarted(@JsonIgnore RunScope scope, @JsonIgnore long createdAt, String stepName,
      StepIndex stepIndex, int iteration, @Nullable Integer maxIterations) implements WorkflowEvent {}

  /** An iteration ended with its steps' results; {@code should_continue} is false when the loop ends after it. */
  @EventName("LoopIterationCompleted")
  record LoopIterationCompleted(
      @JsonIgnore RunScope scope,
      @JsonIgnore long createdAt,
      String stepName,
      StepIndex stepIndex,
      int iteration,
      @Nullable Integer maxIterations,
      List<StepResult> iterationResults,
      boolean shouldContinue) implements WorkflowEvent {
    public LoopIterationCompleted {
      iterationResults = List.copyOf(iterationResults);
    }
  }

  /** The loop ended; {@code all_results} has one list of step results per iteration. */
  @EventName("LoopExecutionCompleted")
  record LoopExecutionCompleted(
      @JsonIgnore RunScope scope,
      @JsonIgnore long createdAt,
      String stepName,
      StepIndex stepIndex,
      int totalIterations,
      @Nullable Integer maxIterations,
      List<List<StepResult>> allResults) implements WorkflowEvent {
    public LoopExecutionCompleted {
      allResults = allResults.stream().map(List::copyOf).toList();
    }
  }

  // ---- parallel ----

  @EventName("ParallelExecutionStarted")
  record ParallelExecutionStarted(@JsonIgnore RunScope scope, @JsonIgnore long createdAt, String stepName,
      StepIndex stepIndex, @Nullable Integer parallelStepCount) implements WorkflowEvent {}

  /** The parallel steps all ended; their results in declaration order. */
  @EventName("ParallelExecutionCompleted")
  record ParallelExecutionCompleted(@JsonIgnore RunScope scope, @JsonIgnore long createdAt, String stepName,
      StepIndex stepIndex, @Nullable Integer parallelStepCount, List<StepResult> stepResults)
      implements WorkflowEvent {
    public ParallelExecutionCompleted {
      stepResults = List.copyOf(stepResults);
    }
  }

  // ---- condition ----

  @EventName("ConditionExecutionStarted")
  record ConditionExecutionStarted(@JsonIgnore RunScope scope, @JsonIgnore long createdAt, String stepName,
      StepIndex stepIndex, @Nullable Boolean conditionResult) implements WorkflowEvent {}

  /**
   * The condition's branch ended.
   *
   * @param branch "if" or "else"; null when the condition was false and there are no {@code else_steps}
   */
  @EventName("ConditionExecutionCompleted")
  record ConditionExecutionCompleted(
      @JsonIgnore RunScope scope,
      @JsonIgnore long createdAt,
      String stepName,
      StepIndex stepIndex,
      @Nullable Boolean conditionResult,
      @Nullable Integer executedSteps,
      @Nullable String branch,
      List<StepResult> stepResults) implements WorkflowEvent {
    public ConditionExecutionCompleted {
      stepResults = List.copyOf(stepResults);
    }
  }

  // ---- router ----

  /** The router chose; {@code selected_steps} are the names of the routes it runs, in order. */
  @EventName("RouterExecutionStarted")
  record RouterExecutionStarted(@JsonIgnore RunScope scope, @JsonIgnore long createdAt, String stepName,
      StepIndex stepIndex, List<String> selectedSteps) implements WorkflowEvent {
    public RouterExecutionStarted {
      selectedSteps = List.copyOf(selectedSteps);
    }
  }

  @EventName("RouterExecutionCompleted")
  record RouterExecutionCompleted(
      @JsonIgnore RunScope scope,
      @JsonIgnore long createdAt,
      String stepName,
      StepIndex stepIndex,
      List<String> selectedSteps,
      @Nullable Integer executedSteps,
      List<StepResult> stepResults) implements WorkflowEvent {
    public RouterExecutionCompleted {
      selectedSteps = List.copyOf(selectedSteps);
      stepResults = List.copyOf(stepResults);
    }
  }

  /** A router waits for the person to choose its route(s); {@code WorkflowPaused} follows. */
  @EventName("RouterPaused")
  record RouterPaused(
      @JsonIgnore RunScope scope,
      @JsonIgnore long createdAt,
      String stepName,
      StepIndex stepIndex,
      List<String> availableChoices,
      @Nullable String userInputMessage,
      boolean allowMultipleSelections) implements WorkflowEvent {
    public RouterPaused {
      availableChoices = List.copyOf(availableChoices);
    }
  }

  // ---- steps (a named group run in order) ----

  @EventName("StepsExecutionStarted")
  record StepsExecutionStarted(@JsonIgnore RunScope scope, @JsonIgnore long createdAt, String stepName,
      StepIndex stepIndex, @Nullable Integer stepsCount) implements WorkflowEvent {}

  @EventName("StepsExecutionCompleted")
  record StepsExecutionCompleted(
      @JsonIgnore RunScope scope,
      @JsonIgnore long createdAt,
      String stepName,
      StepIndex stepIndex,
      @Nullable Integer stepsCount,
      @Nullable Integer executedSteps,
      List<StepResult> stepResults) implements WorkflowEvent {
    public StepsExecutionCompleted {
      stepResults = List.copyOf(stepResults);
    }
  }
}
