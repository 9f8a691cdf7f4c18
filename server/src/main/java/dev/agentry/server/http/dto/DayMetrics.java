package dev.agentry.server.http.dto;

import dev.agentry.engine.store.DailyMetrics;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One day's usage as the metrics routes return it ({@code DayAggregatedMetrics}, {@code agentos-api.md} §2.11):
 * {@code id} is {@code <date>_daily} as in Agno, {@code date}, {@code created_at} and {@code updated_at} are ISO-8601
 * UTC, and {@code token_metrics} carries every one of Agno's token counters (0 when not measured).
 */
public record DayMetrics(
    String id,
    long agentRunsCount,
    long agentSessionsCount,
    long teamRunsCount,
    long teamSessionsCount,
    long workflowRunsCount,
    long workflowSessionsCount,
    long usersCount,
    Map<String, Long> tokenMetrics,
    List<ModelMetric> modelMetrics,
    String date,
    String createdAt,
    String updatedAt) {

  /** The token counters of {@code token_metrics}, in the contract's order. */
  static final List<String> TOKEN_FIELDS = List.of("input_tokens", "output_tokens", "total_tokens",
      "audio_total_tokens", "audio_input_tokens", "audio_output_tokens", "cache_read_tokens", "cache_write_tokens",
      "reasoning_tokens");

  /** How many runs used a model on the day. */
  public record ModelMetric(String modelId, String modelProvider, long count) {}

  public static DayMetrics of(DailyMetrics day) {
    Map<String, Long> tokens = new LinkedHashMap<>();
    TOKEN_FIELDS.forEach(field -> tokens.put(field, day.tokenMetrics().getOrDefault(field, 0L)));
    day.tokenMetrics().forEach(tokens::putIfAbsent);
    List<ModelMetric> models = day.modelMetrics().stream()
        .map(m -> new ModelMetric(m.modelId(), m.modelProvider(), m.count())).toList();
    return new DayMetrics(day.date() + "_daily", day.agentRunsCount(), day.agentSessionsCount(), day.teamRunsCount(),
        day.teamSessionsCount(), day.workflowRunsCount(), day.workflowSessionsCount(), day.usersCount(), tokens,
        models, day.date().atStartOfDay(ZoneOffset.UTC).toInstant().toString(),
        Instant.ofEpochSecond(day.createdAt()).toString(), Instant.ofEpochSecond(day.updatedAt()).toString());
  }
}
