package dev.agentry.server.http.dto;

/**
 * The 202 answer of {@code POST /metrics/refresh?background=true} ({@code MetricsRefreshResponse},
 * {@code agentos-api.md} §2.11): {@code "started"}, or {@code "already_running"} when a refresh is in flight.
 */
public record MetricsRefreshResponse(String status, String message) {
  public static final MetricsRefreshResponse STARTED =
      new MetricsRefreshResponse("started", "Metrics refresh started in background");
  public static final MetricsRefreshResponse ALREADY_RUNNING =
      new MetricsRefreshResponse("already_running", "A metrics refresh is already in progress for this database");
}
