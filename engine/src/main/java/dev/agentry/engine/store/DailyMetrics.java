package dev.agentry.engine.store;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One day's usage ({@code DayAggregatedMetrics} of {@code GET /metrics}): runs and sessions per kind, users, tokens
 * and model calls.
 *
 * @param tokenMetrics token counts by Agno's names ({@code input_tokens}, {@code output_tokens}, ...)
 * @param createdAt epoch seconds
 * @param updatedAt epoch seconds
 */
public record DailyMetrics(
    LocalDate date,
    long agentRunsCount,
    long agentSessionsCount,
    long teamRunsCount,
    long teamSessionsCount,
    long workflowRunsCount,
    long workflowSessionsCount,
    long usersCount,
    Map<String, Long> tokenMetrics,
    List<ModelCount> modelMetrics,
    long createdAt,
    long updatedAt) {
  public DailyMetrics {
    tokenMetrics = Map.copyOf(tokenMetrics);
    modelMetrics = List.copyOf(modelMetrics);
  }

  /** How many runs used a model on the day. */
  public record ModelCount(String modelId, String modelProvider, long count) {}
}
