package dev.agentry.engine.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What one workflow step produced, as Agno's {@code StepOutput} ({@code agentos-api.md} §3.5): carried by
 * {@code StepCompleted.step_response}, {@code StepOutput.step_output}, the {@code step_results} of a workflow and of
 * its groups, and kept by step name for the steps after it. Like Agno, its null fields are written out, except
 * {@code steps}, which is left out unless the step is a group with results.
 *
 * @param content the step's output: text, or the structured output as a map or list
 * @param stepType Agno's {@code StepType}: "Step", "Steps", "Loop", "Parallel", "Condition", "Router", "Workflow"
 * @param executorType what ran the step: "agent", "team" or "workflow"; null for a group
 * @param executorName the agent's, team's or workflow's name
 * @param stepRunId the run of the step's agent, team or nested workflow
 * @param images media the step produced, as Agno's media dicts (likewise {@code videos}, {@code audio}, {@code files})
 * @param metrics the executor run's usage
 * @param stop true when this output stops the workflow early
 * @param isPaused true when the step's agent or team paused for a person (its tool-level HITL)
 * @param steps the results of a group's steps, in order
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record StepResult(
    @Nullable Object content,
    String stepName,
    @Nullable String stepId,
    @Nullable String stepType,
    @Nullable String executorType,
    @Nullable String executorName,
    @Nullable String stepRunId,
    @Nullable List<JsonNode> images,
    @Nullable List<JsonNode> videos,
    @Nullable List<JsonNode> audio,
    @Nullable List<JsonNode> files,
    @Nullable Metrics metrics,
    boolean success,
    @Nullable String error,
    boolean stop,
    boolean isPaused,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) @Nullable List<StepResult> steps) {
  public StepResult {
    images = images == null ? null : List.copyOf(images);
    videos = videos == null ? null : List.copyOf(videos);
    audio = audio == null ? null : List.copyOf(audio);
    files = files == null ? null : List.copyOf(files);
    steps = steps == null || steps.isEmpty() ? null : List.copyOf(steps); // as written: left out when empty
  }

  /** The successful output of a step run by an agent, team or nested workflow, without media. */
  public static StepResult of(String stepName, String stepId, String stepType, String executorType,
      String executorName, String stepRunId, @Nullable Object content, @Nullable Metrics metrics) {
    return new StepResult(content, stepName, stepId, stepType, executorType, executorName, stepRunId, null, null, null,
        null, metrics, true, null, false, false, null);
  }

  /**
   * The output of a group (parallel, loop, condition, router, steps): its steps' results; it failed, stops the
   * workflow or waits for a person when one of them does.
   */
  public static StepResult ofGroup(String stepName, String stepId, String stepType, @Nullable Object content,
      List<StepResult> steps) {
    return new StepResult(content, stepName, stepId, stepType, null, null, null, null, null, null, null, null,
        steps.stream().allMatch(StepResult::success), null, steps.stream().anyMatch(StepResult::stop),
        steps.stream().anyMatch(StepResult::isPaused), steps);
  }

  /** This output, stopping the workflow after its step (a {@code stop_when} that held). */
  public StepResult withStop() {
    return new StepResult(content, stepName, stepId, stepType, executorType, executorName, stepRunId, images, videos,
        audio, files, metrics, success, error, true, isPaused, steps);
  }

  /** The output of a step that failed with {@code error}. */
  public static StepResult failed(String stepName, String stepId, String stepType, String error) {
    return new StepResult(null, stepName, stepId, stepType, null, null, null, null, null, null, null, null, false,
        error, false, false, null);
  }
}
