package dev.agentry.engine.store.sql;

import dev.agentry.engine.event.RunStatus;
import dev.agentry.engine.run.RunOutput;
import dev.agentry.engine.store.RunQuery;
import dev.agentry.engine.store.internal.StoreJson;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The runs table: one row per run, the whole run as JSON beside the columns it is filtered by (session, user, status,
 * time, component type and id, parent run). Runs are listed by {@code seq}, set when a run is first inserted and kept
 * by later saves, so "oldest first" means "first saved first". A run that ended is never replaced: the upsert's
 * update only applies while the stored status is not final.
 */
final class SqlRuns {
  private static final List<String> COLUMNS = List.of("run_id", "session_id", "user_id", "component_type",
      "component_id", "parent_run_id", "status", "created_at", "spec_version", "run");
  private static final String FINAL = Arrays.stream(RunStatus.values()).filter(RunStatus::isFinal)
      .map(s -> "'" + s.name() + "'").collect(Collectors.joining(", "));

  private final SqlDatabase db;
  private final String table;
  private final String upsert;

  SqlRuns(SqlDatabase db) {
    this.db = db;
    this.table = db.tables().runs();
    SqlColumns columns = new SqlColumns(COLUMNS, Set.of("run"), db.dialect());
    this.upsert = columns.insert(table) + columns.onConflictUpdate("run_id")
        + " WHERE " + table + ".status NOT IN (" + FINAL + ")";
  }

  boolean save(RunOutput run) {
    return db.write(h -> h.createUpdate(upsert).bindMap(values(run)).execute()) > 0;
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

  int markInterrupted() {
    String running = RunStatus.RUNNING.name();
    return db.inTransaction(h -> {
      List<RunOutput> stillRunning = h.createQuery("SELECT run FROM " + table + " WHERE status = :running")
          .bind("running", running).map((rs, ctx) -> StoreJson.readRun(rs.getString("run"))).list();
      int marked = 0;
      for (RunOutput run : stillRunning) {
        RunOutput ended = run.interrupted();
        marked += h.createUpdate("UPDATE " + table + " SET status = :status, run = "
                + db.dialect().jsonValue(":run") + " WHERE run_id = :id AND status = :running")
            .bind("status", ended.status().name()).bind("run", StoreJson.writeRun(ended))
            .bind("id", run.runId()).bind("running", running).execute();
      }
      return marked;
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
    values.put("run", StoreJson.writeRun(run));
    return values;
  }
}
