package dev.agentry.engine.store.sql;

import dev.agentry.engine.store.InstanceLease;
import java.time.Instant;
import java.util.List;

/**
 * The instances table: one lease per engine instance using the database ({@code instance_id}, {@code url},
 * {@code started_at}, {@code lease_until}, both times in epoch milliseconds). A dropped lease keeps its row, ended
 * (its {@code lease_until} is 0), so that its runs are still seen as orphaned.
 */
final class SqlInstances {
  private final SqlDatabase db;
  private final String table;

  SqlInstances(SqlDatabase db) {
    this.db = db;
    this.table = db.tables().instances();
  }

  void renew(InstanceLease lease) {
    db.write(h -> h.createUpdate("INSERT INTO " + table + " (instance_id, url, started_at, lease_until)"
            + " VALUES (:id, :url, :started, :until) ON CONFLICT (instance_id) DO UPDATE SET url = excluded.url,"
            + " lease_until = excluded.lease_until")
        .bind("id", lease.instanceId()).bind("url", lease.url())
        .bind("started", lease.startedAt().toEpochMilli()).bind("until", lease.until().toEpochMilli())
        .execute());
  }

  void drop(String instanceId) {
    db.write(h -> h.createUpdate("UPDATE " + table + " SET lease_until = 0 WHERE instance_id = :id")
        .bind("id", instanceId).execute());
  }

  List<InstanceLease> live(Instant now) {
    return db.with(h -> h.createQuery("SELECT instance_id, url, started_at, lease_until FROM " + table
            + " WHERE lease_until > :now ORDER BY started_at, instance_id")
        .bind("now", now.toEpochMilli())
        .map((rs, ctx) -> new InstanceLease(rs.getString("instance_id"), rs.getString("url"),
            Instant.ofEpochMilli(rs.getLong("started_at")), Instant.ofEpochMilli(rs.getLong("lease_until"))))
        .list());
  }
}
