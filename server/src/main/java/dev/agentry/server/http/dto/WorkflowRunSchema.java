package dev.agentry.server.http.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.agentry.engine.event.StepRequirement;
import dev.agentry.engine.event.StepResult;
import dev.agentry.engine.event.WorkflowMetrics;
import dev.agentry.engine.run.RunOutput;
import dev.agentry.engine.run.RunOutputResponse;
import dev.agentry.server.http.Json;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * A stored workflow run as the run listings show it (Agno's {@code WorkflowRunSchema}, {@code agentos-api.md} §2.6):
 * the input as text in {@code run_input}, {@code created_at} as ISO-8601, the step results, executor runs, pause
 * fields and metrics as {@link WorkflowRunOutput} writes them. {@code session_id}, {@code session_state},
 * {@code metadata}, {@code spec_version} and {@code instance_id} (the server instance that ran it) are Agentry's own
 * additions.
 */
public record WorkflowRunSchema(
    @JsonProperty("run_id") String runId,
    @JsonProperty("run_input") String runInput,
    @JsonProperty("events") @Nullable List<ObjectNode> events,
    @JsonProperty("workflow_id") String workflowId,
    @JsonProperty("user_id") String userId,
    @JsonProperty("session_id") String sessionId,
    @JsonProperty("content") @Nullable Object content,
    @JsonProperty("content_type") String contentType,
    @JsonProperty("status") String status,
    @JsonProperty("step_results") List<StepResult> stepResults,
    @JsonProperty("step_executor_runs") List<Object> stepExecutorRuns,
    @JsonProperty("step_requirements") @Nullable List<StepRequirement> stepRequirements,
    @JsonProperty("pause_kind") @Nullable String pauseKind,
    @JsonProperty("paused_step_name") @Nullable String pausedStepName,
    @JsonProperty("paused_step_index") @Nullable Integer pausedStepIndex,
    @JsonProperty("metrics") WorkflowMetrics metrics,
    @JsonProperty("created_at") String createdAt,
    @JsonProperty("session_state") Map<String, Object> sessionState,
    @JsonProperty("metadata") @Nullable Map<String, Object> metadata,
    @JsonProperty("spec_version") String specVersion,
    @JsonProperty("instance_id") @Nullable String instanceId) {

  /** The stored workflow run as Agno's {@code WorkflowRunSchema.from_dict} lists it. */
  public static WorkflowRunSchema of(RunOutput run) {
    Object input = run.input().inputContent();
    String inputText = input instanceof String s ? s : Json.MAPPER.writeValueAsString(input);
    WorkflowRunOutput output = WorkflowRunOutput.of(run);
    return new WorkflowRunSchema(run.runId(), inputText, RunOutputResponse.events(run.events()), run.componentId(),
        run.userId() == null ? "" : run.userId(), run.sessionId(), run.content(), run.contentType(),
        run.status().name(), run.stepResults(),
        output.stepExecutorRuns() == null ? List.of() : output.stepExecutorRuns(), output.stepRequirements(),
        output.pauseKind(), output.pausedStepName(), output.pausedStepIndex(), output.metrics(),
        Instant.ofEpochSecond(run.createdAt()).toString(), run.sessionState(), run.metadata(), run.specVersion(),
        run.instanceId());
  }
}
