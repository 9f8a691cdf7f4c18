package dev.agentry.engine.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collections;
import java.util.LinkedHashMap;
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
   * One step's usage, as Agno's {@code StepMetrics}.
   *
   * @param executorType "agent", "team" or "workflow"
   * @param metrics the executor run's usage, if it reported any
   */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record StepMetrics(String stepName, String executorType, String executorName, @Nullable Metrics metrics) {}
}
