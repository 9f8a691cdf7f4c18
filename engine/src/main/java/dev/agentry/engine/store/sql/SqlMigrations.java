package dev.agentry.engine.store.sql;

import dev.agentry.engine.store.StoreException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * The schema's migrations, in order, and how they are applied at open: in one transaction that first takes the
 * dialect's migration lock, so that processes opening the same empty database at once migrate it once; the applied
 * versions are read (again) under that lock and recorded in {@code {prefix}schema_versions}.
 */
final class SqlMigrations {
  static final List<SqlMigration> ALL = List.of(
      new SqlMigration(1, SchemaV1::statements),
      new SqlMigration(2, SchemaV2::statements),
      new SqlMigration(3, SchemaV3::statements),
      new SqlMigration(4, SchemaV4::statements));

  private SqlMigrations() {}

  static void apply(Handle handle, SqlTables tables, SqlDialect dialect) {
    dialect.lockMigrations(handle, tables.prefix());
    handle.execute("CREATE TABLE IF NOT EXISTS " + tables.schemaVersions()
        + " (version INT PRIMARY KEY, applied_at BIGINT NOT NULL)");
    Set<Integer> applied = new HashSet<>(handle.createQuery("SELECT version FROM " + tables.schemaVersions())
        .mapTo(Integer.class).list());
    int newest = ALL.getLast().version();
    int highest = applied.stream().mapToInt(Integer::intValue).max().orElse(0);
    if (highest > newest) {
      throw new StoreException("the tables with prefix '" + tables.prefix() + "' are at schema version " + highest
          + ", newer than this Agentry knows (" + newest + "): upgrade Agentry", false);
    }
    for (SqlMigration migration : ALL) {
      if (applied.contains(migration.version())) {
        continue;
      }
      migration.statements().apply(tables, dialect).forEach(handle::execute);
      handle.createUpdate("INSERT INTO " + tables.schemaVersions() + " (version, applied_at) VALUES (:version, :at)")
          .bind("version", migration.version())
          .bind("at", System.currentTimeMillis() / 1000)
          .execute();
    }
  }
}
