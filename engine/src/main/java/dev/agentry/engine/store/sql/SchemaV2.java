package dev.agentry.engine.store.sql;

import static dev.agentry.engine.store.sql.SqlTables.index;

import java.util.List;

/**
 * Version 2 of the schema: runs typed by component, since teams (and later workflows) run. The runs table's
 * {@code agent_id} becomes {@code component_id} beside a new {@code component_type} ({@code agent}, {@code team},
 * {@code workflow}), as the sessions table has had from version 1 ({@code session_type}, {@code component_id}), and
 * {@code parent_run_id}, there since version 1, is now written.
 *
 * <p>One id column rather than Agno's {@code agent_id}/{@code team_id}/{@code workflow_id} trio: a run is of exactly
 * one component, so one column and one index serve every kind, and SQLite cannot make {@code agent_id} nullable
 * without copying the table. Rows written before this version are agents' runs (teams could not run yet): the
 * default type; a row whose JSON already names its kind and parent (written by a development build) takes them.
 */
final class SchemaV2 {
  private SchemaV2() {}

  static List<String> statements(SqlTables t, SqlDialect d) {
    String r = t.runs();
    String kind = d.jsonText("run", "kind");
    return List.of(
        "ALTER TABLE " + r + " RENAME COLUMN agent_id TO component_id",
        "ALTER TABLE " + r + " ADD COLUMN component_type TEXT NOT NULL DEFAULT 'agent'",
        "UPDATE " + r + " SET component_type = CASE " + kind + " WHEN 'TEAM' THEN 'team' WHEN 'WORKFLOW'"
            + " THEN 'workflow' ELSE 'agent' END, parent_run_id = " + d.jsonText("run", "parent_run_id"),
        "CREATE INDEX " + index(r, "component") + " ON " + r + " (component_type, component_id, seq)",
        "CREATE INDEX " + index(r, "parent") + " ON " + r + " (parent_run_id, seq)");
  }
}
