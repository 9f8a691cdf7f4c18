package dev.agentry.engine.store.sql;

import static dev.agentry.engine.store.sql.SqlTables.index;

import java.util.List;

/**
 * Version 1 of the schema: sessions, their runs (one row per run, in order of first save), user memories and daily
 * metrics, with an index for every filter of their listings; and, empty for now, Agno's eval runs, knowledge, traces
 * and spans tables ({@code agentos-api.md} §6.3-6.4). Times are epoch seconds, except the traces' ISO strings.
 */
final class SchemaV1 {
  private SchemaV1() {}

  static List<String> statements(SqlTables t, SqlDialect d) {
    String json = d.jsonType();
    String s = t.sessions();
    String r = t.runs();
    String m = t.memories();
    return List.of(
        "CREATE TABLE " + s + " (session_id TEXT PRIMARY KEY, session_type TEXT NOT NULL, component_id TEXT NOT NULL,"
            + " user_id TEXT, session_name TEXT, session_state " + json + " NOT NULL, metadata " + json + ", summary "
            + json + ", metrics " + json + " NOT NULL, spec_version TEXT NOT NULL, created_at BIGINT NOT NULL,"
            + " updated_at BIGINT NOT NULL, revision BIGINT NOT NULL DEFAULT 0)",
        "CREATE INDEX " + index(s, "type") + " ON " + s + " (session_type)",
        "CREATE INDEX " + index(s, "component") + " ON " + s + " (component_id)",
        "CREATE INDEX " + index(s, "user") + " ON " + s + " (user_id)",
        "CREATE INDEX " + index(s, "created") + " ON " + s + " (created_at)",
        "CREATE INDEX " + index(s, "updated") + " ON " + s + " (updated_at)",

        "CREATE TABLE " + r + " (" + d.runKeyColumns() + ", session_id TEXT NOT NULL, user_id TEXT,"
            + " agent_id TEXT NOT NULL, parent_run_id TEXT, status TEXT NOT NULL, created_at BIGINT NOT NULL,"
            + " spec_version TEXT NOT NULL, run " + json + " NOT NULL)",
        "CREATE INDEX " + index(r, "session") + " ON " + r + " (session_id, seq)",
        "CREATE INDEX " + index(r, "status") + " ON " + r + " (status)",
        "CREATE INDEX " + index(r, "created") + " ON " + r + " (created_at)",

        "CREATE TABLE " + m + " (memory_id TEXT PRIMARY KEY, memory TEXT NOT NULL, topics " + json + " NOT NULL,"
            + " input TEXT, user_id TEXT, agent_id TEXT, team_id TEXT, created_at BIGINT NOT NULL,"
            + " updated_at BIGINT NOT NULL)",
        "CREATE INDEX " + index(m, "user") + " ON " + m + " (user_id, updated_at)",
        "CREATE INDEX " + index(m, "agent") + " ON " + m + " (agent_id)",
        "CREATE INDEX " + index(m, "team") + " ON " + m + " (team_id)",

        "CREATE TABLE " + t.metrics() + " (date TEXT PRIMARY KEY, agent_runs_count BIGINT NOT NULL DEFAULT 0,"
            + " agent_sessions_count BIGINT NOT NULL DEFAULT 0, team_runs_count BIGINT NOT NULL DEFAULT 0,"
            + " team_sessions_count BIGINT NOT NULL DEFAULT 0, workflow_runs_count BIGINT NOT NULL DEFAULT 0,"
            + " workflow_sessions_count BIGINT NOT NULL DEFAULT 0, users_count BIGINT NOT NULL DEFAULT 0,"
            + " token_metrics " + json + " NOT NULL, model_metrics " + json + " NOT NULL,"
            + " created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL)",

        "CREATE TABLE " + t.evalRuns() + " (run_id TEXT PRIMARY KEY, eval_type TEXT NOT NULL, eval_data " + json
            + " NOT NULL, eval_input " + json + " NOT NULL, name TEXT, agent_id TEXT, team_id TEXT, workflow_id TEXT,"
            + " model_id TEXT, model_provider TEXT, evaluated_component_name TEXT, created_at BIGINT NOT NULL,"
            + " updated_at BIGINT)",
        "CREATE TABLE " + t.knowledge() + " (id TEXT PRIMARY KEY, name TEXT NOT NULL, description TEXT NOT NULL,"
            + " metadata " + json + ", type TEXT, size BIGINT, linked_to TEXT, access_count BIGINT, status TEXT,"
            + " status_message TEXT, created_at BIGINT, updated_at BIGINT, external_id TEXT)",
        "CREATE TABLE " + t.traces() + " (trace_id TEXT PRIMARY KEY, name TEXT, status TEXT, start_time TEXT,"
            + " end_time TEXT, duration_ms BIGINT, run_id TEXT, session_id TEXT, user_id TEXT, agent_id TEXT,"
            + " team_id TEXT, workflow_id TEXT, created_at TEXT)",
        "CREATE TABLE " + t.spans() + " (span_id TEXT PRIMARY KEY, trace_id TEXT NOT NULL REFERENCES " + t.traces()
            + " (trace_id), parent_span_id TEXT, name TEXT, span_kind TEXT, status_code TEXT, status_message TEXT,"
            + " start_time TEXT, end_time TEXT, duration_ms BIGINT, attributes " + json + ", created_at TEXT)",
        "CREATE INDEX " + index(t.spans(), "trace") + " ON " + t.spans() + " (trace_id)");
  }
}
