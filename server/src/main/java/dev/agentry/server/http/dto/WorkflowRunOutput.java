package dev.agentry.server.http.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.agentry.engine.event.ComponentKind;
import dev.agentry.engine.event.StepRequirement;
import dev.agentry.engine.event.StepResult;
import dev.agentry.engine.event.WorkflowMetrics;
import dev.agentry.engine.run.RunOutput;
import dev.agentry.engine.run.RunOutputResponse;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * A workflow run as its run routes answer it (non-streamed, continued, polled) and as the legacy
 * {@code WorkflowRunOutput} event of a paused stream carries it: Agno's {@code WorkflowRunOutput.to_dict()}
 * ({@code agentos-api.md} §2.4), in its field order, null fields left out. {@code input} is the input as given (not
 * wrapped as an agent's {@code input_content}); {@code step_executor_runs} are the steps' agent and team runs as
 * {@link RunOutputResponse} writes them (a nested workflow's run as this record). A paused run adds
 * {@code paused_step_index}, {@code paused_step_name}, {@code pause_kind} ("step", or "executor" when the step's
 * agent or team paused) and {@code step_requirements}. {@code session_state} and {@code spec_version} are Agentry's
 * own additions.
 */
public record WorkflowRunOutput(
    @JsonProperty("input") @Nullable Object input,
    @JsonProperty("content") @Nullable Object content,
    @JsonProperty("content_type") String contentType,
    @JsonProperty("workflow_id") String workflowId,
    @JsonProperty("workflow_name") String workflowName,
    @JsonProperty("run_id") String runId,
    @JsonProperty("session_id") String sessionId,
    @JsonProperty("user_id") @Nullable String userId,
    @JsonProperty("parent_run_id") @Nullable String parentRunId,
    @JsonProperty("step_results") @Nullable List<StepResult> stepResults,
    @JsonProperty("step_executor_runs") @Nullable List<Object> stepExecutorRuns,
    @JsonProperty("events") @Nullable List<ObjectNode> events,
    @JsonProperty("metrics") WorkflowMetrics metrics,
    @JsonProperty("metadata") @Nullable Map<String, Object> metadata,
    @JsonProperty("created_at") long createdAt,
    @JsonProperty("status") String status,
    @JsonProperty("step_requirements") @Nullable List<StepRequirement> stepRequirements,
    @JsonProperty("paused_step_index") @Nullable Integer pausedStepIndex,
    @JsonProperty("paused_step_name") @Nullable String pausedStepName,
    @JsonProperty("pause_kind") @Nullable String pauseKind,
    @JsonProperty("session_state") Map<String, Object> sessionState,
    @JsonProperty("spec_version") String specVersion) {

  /** The run as Agno's {@code WorkflowRunOutput.to_dict()} writes it. */
  public static WorkflowRunOutput of(RunOutput run) {
    List<StepRequirement> waiting = run.stepRequirements().isEmpty() ? null : run.stepRequirements();
    StepRequirement first = waiting == null ? null : waiting.getFirst();
    return new WorkflowRunOutput(run.input().inputContent(), run.content(), run.contentType(), run.componentId(),
        run.componentName(), run.runId(), run.sessionId(), run.userId(), run.parentRunId(),
        run.stepResults().isEmpty() ? null : run.stepResults(), executorRuns(run),
        RunOutputResponse.events(run.events()), metrics(run), run.metadata(), run.createdAt(), run.status().name(),
        waiting, first == null ? null : first.stepIndex(), first == null ? null : first.stepName(),
        first == null ? null : pauseKind(first), run.sessionState(), run.specVersion());
  }

  /** Agno's {@code pause_kind}: "executor" when the step's agent or team paused, "step" for the step's own pause. */
  static String pauseKind(StepRequirement requirement) {
    return requirement.requiresExecutorInput() ? "executor" : "step";
  }

  /** Agno's workflow {@code metrics}: each step's executor usage by step name, and the run's duration. */
  static WorkflowMetrics metrics(RunOutput run) {
    return WorkflowMetrics.of(run.stepResults(), run.metrics().duration());
  }

  /** The steps' agent, team and nested workflow runs, each in its own kind's run dict; null when there are none. */
  static @Nullable List<Object> executorRuns(RunOutput run) {
    if (run.memberResponses().isEmpty()) {
      return null;
    }
    return run.memberResponses().stream()
        .<Object>map(r -> r.kind() == ComponentKind.WORKFLOW ? WorkflowRunOutput.of(r) : RunOutputResponse.of(r))
        .toList();
  }
}
