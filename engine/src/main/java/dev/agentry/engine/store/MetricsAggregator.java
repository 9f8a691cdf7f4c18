package dev.agentry.engine.store;

import dev.agentry.engine.event.ComponentKind;
import dev.agentry.engine.event.Metrics;
import dev.agentry.engine.run.RunOutput;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Computes a day's {@link DailyMetrics} (UTC) from the runs stored that day and saves it: runs and sessions counted
 * once each per kind (agent, team, workflow), users once, tokens summed, runs per model. What
 * {@code POST /metrics/refresh} does.
 *
 * <p>Runs and tokens are those of the top-level runs: a member run (one with a parent run) is part of its team's run,
 * whose metrics already include the member's tokens, so counting it again would count the work twice. Model counts
 * include member runs, since each member run called its own model.
 */
public final class MetricsAggregator {
  private MetricsAggregator() {}

  /** Aggregates the runs created on {@code day} and saves the result, replacing the day's earlier figures. */
  public static DailyMetrics refresh(SessionStore store, LocalDate day, long now) {
    long from = day.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
    long to = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toEpochSecond() - 1;
    List<RunOutput> runs = store.listRuns(RunQuery.between(from, to));
    Map<ComponentKind, Long> runCounts = new EnumMap<>(ComponentKind.class);
    Map<ComponentKind, Set<String>> sessions = new EnumMap<>(ComponentKind.class);
    Set<String> users = new HashSet<>();
    Metrics tokens = Metrics.ZERO;
    Map<List<String>, Long> models = new LinkedHashMap<>();
    for (RunOutput run : runs) {
      models.merge(List.of(run.model(), run.modelProvider()), 1L, Long::sum);
      if (run.parentRunId() != null) {
        continue;
      }
      runCounts.merge(run.kind(), 1L, Long::sum);
      sessions.computeIfAbsent(run.kind(), k -> new HashSet<>()).add(run.sessionId());
      if (run.userId() != null) {
        users.add(run.userId());
      }
      tokens = tokens.plus(run.metrics());
    }
    long created = store.listDailyMetrics(day, day).stream().map(DailyMetrics::createdAt).findFirst()
        .orElse(now);
    DailyMetrics metrics = new DailyMetrics(day,
        runCounts.getOrDefault(ComponentKind.AGENT, 0L), sessions(sessions, ComponentKind.AGENT),
        runCounts.getOrDefault(ComponentKind.TEAM, 0L), sessions(sessions, ComponentKind.TEAM),
        runCounts.getOrDefault(ComponentKind.WORKFLOW, 0L), sessions(sessions, ComponentKind.WORKFLOW),
        users.size(),
        Map.of("input_tokens", tokens.inputTokens(), "output_tokens", tokens.outputTokens(),
            "total_tokens", tokens.totalTokens(), "cache_read_tokens", tokens.cacheReadTokens(),
            "cache_write_tokens", tokens.cacheWriteTokens(), "reasoning_tokens", tokens.reasoningTokens()),
        models.entrySet().stream()
            .map(e -> new DailyMetrics.ModelCount(e.getKey().get(0), e.getKey().get(1), e.getValue())).toList(),
        created, now);
    store.saveDailyMetrics(metrics);
    return metrics;
  }

  private static long sessions(Map<ComponentKind, Set<String>> sessions, ComponentKind kind) {
    return sessions.getOrDefault(kind, Set.of()).size();
  }
}
