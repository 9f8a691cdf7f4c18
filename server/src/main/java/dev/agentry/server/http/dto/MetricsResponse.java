package dev.agentry.server.http.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.agentry.engine.store.DailyMetrics;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The answer of {@code GET /metrics} ({@code MetricsResponse}, {@code agentos-api.md} §2.11): the days asked for,
 * oldest first, and when the latest of them was computed ({@code null} when there is none).
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record MetricsResponse(List<DayMetrics> metrics, @Nullable String updatedAt) {
  public MetricsResponse {
    metrics = List.copyOf(metrics);
  }

  public static MetricsResponse of(List<DailyMetrics> days) {
    Long latest = days.stream().map(DailyMetrics::updatedAt).max(Long::compare).orElse(null);
    return new MetricsResponse(days.stream().map(DayMetrics::of).toList(),
        latest == null ? null : Instant.ofEpochSecond(latest).toString());
  }
}
