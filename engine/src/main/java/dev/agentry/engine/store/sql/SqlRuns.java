package dev.agentry.engine.store.sql;

import dev.agentry.engine.event.RunStatus;
import dev.agentry.engine.run.RunOutput;
import dev.agentry.engine.store.RunQuery;
import dev.agentry.engine.store.internal.StoreJson;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The runs table: one row per run, the whole run as JSON beside the columns it is filtered by (session, user, status,
 * time, component type and id, parent run). Runs are listed by {@code seq}, set when a run is first inserted and kept
 * by later saves, so "oldest first" means "first saved first". A run that ended is never replaced: the upsert's
 * update only applies while the stored status is not final, or while the ending is only another instance's
 * presumption ({@code interrupted_at} set by {@link #markInterrupted}), which the owner's save replaces.
 */
final class SqlRuns {
  private static final List<String> COLUMNS = List.of("run_id", "session_id", "user_id", "component_type",
      "component_id", "parent_run_id", "status", "created_at", "spec_version", "instance_id", "interrupted_at", "run");
  private static final String FINAL = Arrays.stream(RunStatus.values()).filter(RunStatus::isFinal)
      .map(s -> "'" + s.name() + "'").collect(Collectors.joining(", "));

  private final SqlDatabase db;
  private final String table;
  private final String upsert;
  private final String markInterrupted;
  private final String instances;
  private final String cancelRequests;

  SqlRuns(SqlDatabase db) {
    this.db = db;
    this.table = db.tables().runs();
    SqlColumns columns = new SqlColumns(COLUMNS, Set.of("run"), db.dialect());
    this.upsert = columns.insert(table) + columns.onConflictUpdate("run_id")
        + " WHERE " + table + ".status NOT IN (" + FINAL + ") OR " + table + ".interrupted_at IS NOT NULL";
    this.instances = db.tables().instances();
    this.cancelRequests = db.tables().cancelRequests();
    // one statement: a lease renewed meanwhile is seen by its NOT EXISTS, and a run that ends meanwhile is not RUNNING
    this.markInterrupted = "UPDATE " + table + " SET status = :error, interrupted_at = :at, run = "
        + db.dialect().jsonMerge("run", ":patch") + " WHERE status = :running AND NOT EXISTS (SELECT 1 FROM "
        + instances + " WHERE " + instances + ".instance_id = " + table + ".instance_id AND "
        + instances + ".lease_until > :now)";
  }

  boolean save(RunOutput run) {
    if (!run.status().isFinal()) {
      return db.write(h -> h.createUpdate(upsert).bindMap(values(run)).execute()) > 0;
    }
    return db.inTransaction(h -> {
      boolean saved = h.createUpdate(upsert).bindMap(values(run)).execute() > 0;
      if (saved) {
        h.createUpdate("DELETE FROM " + cancelRequests + " WHERE run_id = :id").bind("id", run.runId()).execute();
      }
      return saved;
    });
  }

  Optional<RunOutput> find(String runId) {
    return db.with(h -> h.createQuery("SELECT run FROM " + table + " WHERE run_id = :id").bind("id", runId)
        .map((rs, ctx) -> StoreJson.readRun(rs.getString("run"))).findOne());
  }

  List<RunOutput> list(RunQuery q) {
    SqlWhere where = SqlWhere.create(db.dialect())
        .equal("session_id", q.sessionId())
        .equal("user_id", q.userId())
        .equal("status", q.status() == null ? null : q.status().name())
        .atLeast("created_at", q.createdAfter())
        .atMost("created_at", q.createdBefore())
        .equal("component_type", q.kind() == null ? null : q.kind().wireName())
        .equal("component_id", q.componentId())
        .equal("parent_run_id", q.parentRunId());
    if (q.topLevelOnly()) {
      where.condition("parent_run_id IS NULL");
    }
    String select = "SELECT run, seq FROM " + table + where.sql();
    String sql = q.latest() > 0
        ? "SELECT run FROM (" + select + " ORDER BY seq DESC LIMIT " + q.latest() + ") AS latest ORDER BY seq"
        : select + " ORDER BY seq";
    return db.with(h -> where.bind(h.createQuery(sql))
        .map((rs, ctx) -> StoreJson.readRun(rs.getString("run"))).list());
  }

  /** Ends the RUNNING runs whose owner has no live lease at {@code now}, and forgets their cancel requests. */
  int markInterrupted(Instant now) {
    return db.inTransaction(h -> {
      int marked = h.createUpdate(markInterrupted)
          .bind("error", RunStatus.ERROR.name())
          .bind("at", now.toEpochMilli())
          .bind("patch", StoreJson.interruptedPatch())
          .bind("running", RunStatus.RUNNING.name())
          .bind("now", now.toEpochMilli())
          .execute();
      if (marked > 0) {
        h.createUpdate("DELETE FROM " + cancelRequests + " WHERE run_id IN (SELECT run_id FROM " + table
            + " WHERE interrupted_at IS NOT NULL)").execute();
      }
      return marked;
    });
  }

  /** Records a cancel request for a run not ended (RUNNING, PAUSED, PENDING); false when there is no such run. */
  boolean requestCancel(String runId, Instant now) {
    return db.inTransaction(h -> {
      Optional<String> status = h.createQuery("SELECT status FROM " + table + " WHERE run_id = :id")
          .bind("id", runId).mapTo(String.class).findOne();
      if (status.isEmpty() || RunStatus.valueOf(status.get()).isFinal()) {
        return false;
      }
      h.createUpdate("INSERT INTO " + cancelRequests + " (run_id, requested_at) VALUES (:id, :at)"
          + " ON CONFLICT (run_id) DO NOTHING").bind("id", runId).bind("at", now.toEpochMilli()).execute();
      return true;
    });
  }

  /** Of {@code runIds}, those with a cancel request. */
  Set<String> cancelRequested(Collection<String> runIds) {
    if (runIds.isEmpty()) {
      return Set.of();
    }
    List<String> ids = List.copyOf(runIds);
    String params = IntStream.range(0, ids.size()).mapToObj(i -> ":id" + i).collect(Collectors.joining(", "));
    return db.with(h -> {
      var query = h.createQuery("SELECT run_id FROM " + cancelRequests + " WHERE run_id IN (" + params + ")");
      for (int i = 0; i < ids.size(); i++) {
        query.bind("id" + i, ids.get(i));
      }
      return Set.copyOf(query.mapTo(String.class).list());
    });
  }

  private static Map<String, Object> values(RunOutput run) {
    Map<String, Object> values = new LinkedHashMap<>(); // allows nulls
    values.put("run_id", run.runId());
    values.put("session_id", run.sessionId());
    values.put("user_id", run.userId());
    values.put("component_type", run.kind().wireName());
    values.put("component_id", run.componentId());
    values.put("parent_run_id", run.parentRunId());
    values.put("status", run.status().name());
    values.put("created_at", run.createdAt());
    values.put("spec_version", run.specVersion());
    values.put("instance_id", run.instanceId());
    values.put("interrupted_at", null); // the owner's save replaces another instance's presumption
    values.put("run", StoreJson.writeRun(run));
    return values;
  }
}
