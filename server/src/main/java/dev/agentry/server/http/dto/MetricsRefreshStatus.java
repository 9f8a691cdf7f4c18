package dev.agentry.server.http.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The answer of {@code GET /metrics/refresh/status} ({@code MetricsRefreshStatusResponse}, {@code agentos-api.md}
 * §2.11): the state of the latest refresh since the server started, its times as ISO-8601 UTC, and null fields
 * written out as {@code null}, as Agno does.
 *
 * @param status {@code idle} (no refresh since the server started), {@code running}, {@code completed} or
 *     {@code failed}
 * @param error why the latest refresh failed
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record MetricsRefreshStatus(
    String status, @Nullable String startedAt, @Nullable String finishedAt, @Nullable String error) {
  public static final MetricsRefreshStatus IDLE = new MetricsRefreshStatus("idle", null, null, null);

  public static MetricsRefreshStatus running(Instant startedAt) {
    return new MetricsRefreshStatus("running", startedAt.toString(), null, null);
  }

  public MetricsRefreshStatus completed(Instant finishedAt) {
    return new MetricsRefreshStatus("completed", startedAt, finishedAt.toString(), null);
  }

  public MetricsRefreshStatus failed(Instant finishedAt, String error) {
    return new MetricsRefreshStatus("failed", startedAt, finishedAt.toString(), error);
  }
}
