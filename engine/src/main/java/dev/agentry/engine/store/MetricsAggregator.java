package dev.agentry.engine.store;

import dev.agentry.engine.event.Metrics;
import dev.agentry.engine.run.RunOutput;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Computes a day's {@link DailyMetrics} (UTC) from the runs stored that day and saves it: runs, sessions and users
 * counted once each, tokens summed, runs per model. What {@code POST /metrics/refresh} does.
 */
public final class MetricsAggregator {
  private MetricsAggregator() {}

  /** Aggregates the runs created on {@code day} and saves the result, replacing the day's earlier figures. */
  public static DailyMetrics refresh(SessionStore store, LocalDate day, long now) {
    long from = day.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
    long to = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toEpochSecond() - 1;
    List<RunOutput> runs = store.listRuns(RunQuery.between(from, to));
    Set<String> sessions = new HashSet<>();
    Set<String> users = new HashSet<>();
    Metrics tokens = Metrics.ZERO;
    Map<List<String>, Long> models = new LinkedHashMap<>();
    for (RunOutput run : runs) {
      sessions.add(run.sessionId());
      if (run.userId() != null) {
        users.add(run.userId());
      }
      tokens = tokens.plus(run.metrics());
      models.merge(List.of(run.model(), run.modelProvider()), 1L, Long::sum);
    }
    long created = store.listDailyMetrics(day, day).stream().map(DailyMetrics::createdAt).findFirst()
        .orElse(now);
    DailyMetrics metrics = new DailyMetrics(day, runs.size(), sessions.size(), 0, 0, 0, 0, users.size(),
        Map.of("input_tokens", tokens.inputTokens(), "output_tokens", tokens.outputTokens(),
            "total_tokens", tokens.totalTokens(), "cache_read_tokens", tokens.cacheReadTokens(),
            "cache_write_tokens", tokens.cacheWriteTokens(), "reasoning_tokens", tokens.reasoningTokens()),
        models.entrySet().stream()
            .map(e -> new DailyMetrics.ModelCount(e.getKey().get(0), e.getKey().get(1), e.getValue())).toList(),
        created, now);
    store.saveDailyMetrics(metrics);
    return metrics;
  }
}
