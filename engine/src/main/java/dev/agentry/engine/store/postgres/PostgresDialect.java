package dev.agentry.engine.store.postgres;

import dev.agentry.engine.store.sql.SqlDialect;
import java.sql.SQLException;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * PostgreSQL's SQL: JSON as {@code jsonb}, runs ordered by a {@code BIGSERIAL}, ILIKE, text sorted with the "C"
 * collation (code point order, as Java sorts, whatever the database's locale) and migrations serialised with a
 * transaction-scoped advisory lock.
 */
final class PostgresDialect implements SqlDialect {
  /** Admin shutdown, crash shutdown, cannot connect now (starting or stopping), too many connections. */
  private static final Set<String> TRANSIENT = Set.of("57P01", "57P02", "57P03", "53300");

  @Override
  public String name() {
    return "postgres";
  }

  @Override
  public String jsonType() {
    return "jsonb";
  }

  @Override
  public String jsonValue(String parameter) {
    return "CAST(" + parameter + " AS jsonb)";
  }

  @Override
  public String runKeyColumns() {
    return "run_id TEXT PRIMARY KEY, seq BIGSERIAL NOT NULL";
  }

  @Override
  public String containsIgnoringCase(String column, String pattern) {
    return column + " ILIKE " + pattern + " ESCAPE '\\'";
  }

  @Override
  public String binary(String column) {
    return column + " COLLATE \"C\"";
  }

  @Override
  public String jsonText(String column, String field) {
    return "(" + column + " ->> '" + field + "')";
  }

  @Override
  public String jsonMerge(String column, String patch) {
    return "(" + column + " || CAST(" + patch + " AS jsonb))";
  }

  @Override
  public String jsonArrayTexts(String column, String alias) {
    return "jsonb_array_elements_text(" + column + ") AS " + alias + "(value)";
  }

  /** Held until the migration transaction ends; other processes migrating the same prefix wait for it. */
  @Override
  public void lockMigrations(Handle handle, String tablePrefix) {
    long key = ("agentry-migrations:" + tablePrefix).hashCode();
    handle.createQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(:key)) AS locked").bind("key", key)
        .mapTo(Integer.class).one();
  }

  @Override
  public boolean retryable(SQLException e) {
    return e.getSQLState() != null && TRANSIENT.contains(e.getSQLState());
  }
}
