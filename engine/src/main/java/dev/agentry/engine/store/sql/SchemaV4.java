package dev.agentry.engine.store.sql;

import static dev.agentry.engine.store.sql.SqlTables.index;

import java.util.List;

/**
 * Version 4 of the schema: several instances on one database. Each run records its owner ({@code instance_id}, the
 * engine instance that runs it; NULL in rows written before) and {@code interrupted_at} (epoch milliseconds), set
 * when another instance marked it interrupted because its owner's lease had ended, so that the owner's own ending,
 * arriving later, may still replace that presumption. The {@code {prefix}instances} table holds one lease per
 * instance ({@code started_at} and {@code lease_until} in epoch milliseconds, since leases last seconds), and
 * {@code {prefix}cancel_requests} the runs whose cancel another instance asked for, polled by their owner.
 */
final class SchemaV4 {
  private SchemaV4() {}

  static List<String> statements(SqlTables t, SqlDialect d) {
    String r = t.runs();
    String i = t.instances();
    return List.of(
        "ALTER TABLE " + r + " ADD COLUMN instance_id TEXT",
        "ALTER TABLE " + r + " ADD COLUMN interrupted_at BIGINT",
        "CREATE INDEX " + index(r, "owner") + " ON " + r + " (status, instance_id)",
        "CREATE TABLE " + i + " (instance_id TEXT PRIMARY KEY, url TEXT, started_at BIGINT NOT NULL,"
            + " lease_until BIGINT NOT NULL)",
        "CREATE TABLE " + t.cancelRequests() + " (run_id TEXT PRIMARY KEY, requested_at BIGINT NOT NULL)");
  }
}
