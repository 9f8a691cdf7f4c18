package dev.agentry.server.http;

import dev.agentry.engine.run.RunOutput;
import dev.agentry.engine.store.DailyMetrics;
import dev.agentry.engine.store.MetricsAggregator;
import dev.agentry.engine.store.RunQuery;
import dev.agentry.engine.store.SessionStore;
import dev.agentry.engine.store.StoreException;
import dev.agentry.server.AgentOs;
import dev.agentry.server.http.dto.DayMetrics;
import dev.agentry.server.http.dto.MetricsRefreshResponse;
import dev.agentry.server.http.dto.MetricsRefreshStatus;
import dev.agentry.server.http.dto.MetricsResponse;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The metrics routes ({@code agentos-api.md} §2.11): the stored daily figures, and their recomputation from the stored
 * runs, now or in the background (one background refresh at a time).
 */
final class MetricsHandlers {
  private static final Logger LOG = LoggerFactory.getLogger(MetricsHandlers.class);

  private final AgentOs os;
  private final AtomicBoolean refreshing = new AtomicBoolean();
  private final AtomicReference<MetricsRefreshStatus> latest = new AtomicReference<>(MetricsRefreshStatus.IDLE);

  MetricsHandlers(AgentOs os) {
    this.os = os;
  }

  void list(Context ctx) {
    SessionStore store = Queries.store(os, ctx, false);
    LocalDate from = Queries.date(ctx, "starting_date");
    LocalDate to = Queries.date(ctx, "ending_date");
    ctx.json(MetricsResponse.of(store.listDailyMetrics(from, to)));
  }

  void refresh(Context ctx) {
    SessionStore store = Queries.store(os, ctx, false);
    boolean background = Queries.bool(ctx, "background", false);
    if (!refreshing.compareAndSet(false, true)) {
      if (background) {
        ctx.status(202).json(MetricsRefreshResponse.ALREADY_RUNNING);
        return;
      }
      ctx.json(refresh(store).stream().map(DayMetrics::of).toList()); // runs too; the status is the first's
      return;
    }
    latest.set(MetricsRefreshStatus.running(Instant.now()));
    if (!background) {
      try {
        ctx.json(recorded(store).stream().map(DayMetrics::of).toList());
      } finally {
        refreshing.set(false);
      }
      return;
    }
    Thread.ofVirtual().name("metrics-refresh").start(() -> {
      try {
        recorded(store);
      } catch (RuntimeException e) {
        LOG.warn("background metrics refresh failed: {}", e.getMessage());
      } finally {
        refreshing.set(false);
      }
    });
    ctx.status(202).json(MetricsRefreshResponse.STARTED);
  }

  /** {@code GET /metrics/refresh/status}: the latest refresh's state, {@code idle} when none has run. */
  void refreshStatus(Context ctx) {
    SessionStore store = Queries.store(os, ctx, false);
    ctx.json(latest.get());
  }

  /** Refreshes, and records how it ended in the state {@link #refreshStatus} reports. */
  private List<DailyMetrics> recorded(SessionStore store) {
    MetricsRefreshStatus started = latest.get();
    try {
      List<DailyMetrics> days = refresh(store);
      latest.compareAndSet(started, started.completed(Instant.now()));
      return days;
    } catch (RuntimeException e) {
      latest.compareAndSet(started, started.failed(Instant.now(), failure(e)));
      throw e;
    }
  }

  /** What a failed refresh reports: no connection detail of the database. */
  private static String failure(RuntimeException e) {
    return e instanceof StoreException store && store.retryable() ? "Database unavailable" : Routes.reason(e);
  }

  /**
   * Recomputes every day (UTC) that has runs, from the last day already computed (which may have been computed
   * before its last runs) to now; today alone when there are none. Oldest first.
   */
  static List<DailyMetrics> refresh(SessionStore store) {
    Instant now = Instant.now();
    List<DailyMetrics> stored = store.listDailyMetrics(null, null);
    long from = stored.isEmpty() ? 0 : stored.getLast().date().atStartOfDay(ZoneOffset.UTC).toEpochSecond();
    TreeSet<LocalDate> days = new TreeSet<>();
    for (RunOutput run : store.listRuns(RunQuery.between(from, now.getEpochSecond()))) {
      days.add(LocalDate.ofInstant(Instant.ofEpochSecond(run.createdAt()), ZoneOffset.UTC));
    }
    if (days.isEmpty()) {
      days.add(LocalDate.ofInstant(now, ZoneOffset.UTC));
    }
    return days.stream().map(day -> MetricsAggregator.refresh(store, day, now.getEpochSecond())).toList();
  }
}
