package dev.agentry.engine.store.sql;

import dev.agentry.engine.store.DailyMetrics;
import dev.agentry.engine.store.internal.StoreJson;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;

/** The daily metrics table, one row per day keyed by its ISO date (which sorts as text in date order). */
final class SqlMetrics {
  private static final List<String> COLUMNS = List.of("date", "agent_runs_count", "agent_sessions_count",
      "team_runs_count", "team_sessions_count", "workflow_runs_count", "workflow_sessions_count", "users_count",
      "token_metrics", "model_metrics", "created_at", "updated_at");
  private static final TypeReference<Map<String, Long>> TOKENS = new TypeReference<>() {};
  private static final TypeReference<List<DailyMetrics.ModelCount>> MODELS = new TypeReference<>() {};

  private final SqlDatabase db;
  private final String table;
  private final String upsert;

  SqlMetrics(SqlDatabase db) {
    this.db = db;
    this.table = db.tables().metrics();
    SqlColumns columns = new SqlColumns(COLUMNS, Set.of("token_metrics", "model_metrics"), db.dialect());
    this.upsert = columns.insert(table) + columns.onConflictUpdate("date");
  }

  void save(DailyMetrics day) {
    db.write(h -> h.createUpdate(upsert).bindMap(values(day)).execute());
  }

  List<DailyMetrics> list(@Nullable LocalDate from, @Nullable LocalDate to) {
    String date = db.dialect().binary("date");
    SqlWhere where = SqlWhere.create(db.dialect())
        .atLeast(date, from == null ? null : from.toString())
        .atMost(date, to == null ? null : to.toString());
    return db.with(h -> where.bind(h.createQuery("SELECT * FROM " + table + where.sql() + " ORDER BY " + date))
        .map((rs, ctx) -> read(rs)).list());
  }

  private static Map<String, Object> values(DailyMetrics d) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("date", d.date().toString());
    values.put("agent_runs_count", d.agentRunsCount());
    values.put("agent_sessions_count", d.agentSessionsCount());
    values.put("team_runs_count", d.teamRunsCount());
    values.put("team_sessions_count", d.teamSessionsCount());
    values.put("workflow_runs_count", d.workflowRunsCount());
    values.put("workflow_sessions_count", d.workflowSessionsCount());
    values.put("users_count", d.usersCount());
    values.put("token_metrics", StoreJson.write(d.tokenMetrics()));
    values.put("model_metrics", StoreJson.write(d.modelMetrics()));
    values.put("created_at", d.createdAt());
    values.put("updated_at", d.updatedAt());
    return values;
  }

  private static DailyMetrics read(ResultSet rs) throws SQLException {
    return new DailyMetrics(LocalDate.parse(rs.getString("date")), rs.getLong("agent_runs_count"),
        rs.getLong("agent_sessions_count"), rs.getLong("team_runs_count"), rs.getLong("team_sessions_count"),
        rs.getLong("workflow_runs_count"), rs.getLong("workflow_sessions_count"), rs.getLong("users_count"),
        StoreJson.read(rs.getString("token_metrics"), TOKENS), StoreJson.read(rs.getString("model_metrics"), MODELS),
        rs.getLong("created_at"), rs.getLong("updated_at"));
  }
}
