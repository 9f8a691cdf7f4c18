package dev.agentry.engine.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A workflow run's usage, as Agno's {@code WorkflowMetrics}: each step's executor run's metrics by step name, in the
 * order the steps ran, and the run's duration. Written with its null fields, as Agno does.
 *
 * @param duration seconds from the workflow's start to its end; null until it ended
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record WorkflowMetrics(Map<String, StepMetrics> steps, @Nullable Double duration) {
  public WorkflowMetrics {
    steps = Collections.unmodifiableMap(new LinkedHashMap<>(steps));
  }

  /**
   * The metrics of a workflow run whose steps gave {@code results}: one entry per step that an agent, team or nested
   * workflow ran (the steps inside groups included), by step name, in the order they ran; a step that ran several
   * times (in a loop, or retried) counts once, with its last run's usage.
   */
  public static WorkflowMetrics of(List<StepResult> results, @Nullable Double duration) {
    Map<String, StepMetrics> steps = new LinkedHashMap<>();
    collect(results, steps);
    return new WorkflowMetrics(steps, duration);
  }

  private static void collect(List<StepResult> results, Map<String, StepMetrics> into) {
    for (StepResult r : results) {
      if (r.steps() != null) {
        collect(r.steps(), into);
      } else if (r.executorType() != null) {
        into.put(r.stepName(), new StepMetrics(r.stepName(), r.executorType(),
            r.executorName() == null ? "" : r.executorName(), r.metrics()));
      }
    }
  }

  /**
   * One step's usage, as Agno's {@code StepMetrics}.
   *
   * @param executorType "agent", "team" or "workflow"
   * @param metrics the executor run's usage, if it reported any
   */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record StepMetrics(String stepName, String executorType, String executorName, @Nullable Metrics metrics) {}
}
