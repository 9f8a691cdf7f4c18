package dev.agentry.engine.store.sqlite;

import dev.agentry.engine.store.sql.SqlDialect;
import java.sql.SQLException;
import org.jdbi.v3.core.Handle;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * SQLite's SQL: JSON as TEXT read with {@code json_each}, runs ordered by their {@code INTEGER PRIMARY KEY}, text
 * compared bytewise (the default BINARY collation), and a case-insensitive match through {@link SqliteSource}'s
 * {@code agentry_lower}, since SQLite's own LIKE and lower() only know ASCII letters.
 */
final class SqliteDialect implements SqlDialect {
  @Override
  public String name() {
    return "sqlite";
  }

  @Override
  public boolean singleWriter() {
    return true;
  }

  @Override
  public String jsonType() {
    return "TEXT";
  }

  @Override
  public String jsonValue(String parameter) {
    return parameter;
  }

  @Override
  public String runKeyColumns() {
    // an INTEGER PRIMARY KEY is the rowid: one more than the largest on insert, never renumbered, kept by upserts
    return "seq INTEGER PRIMARY KEY, run_id TEXT NOT NULL UNIQUE";
  }

  @Override
  public String containsIgnoringCase(String column, String pattern) {
    return SqliteSource.LOWER + "(" + column + ") LIKE " + pattern + " ESCAPE '\\'";
  }

  @Override
  public String binary(String column) {
    return column;
  }

  @Override
  public String jsonText(String column, String field) {
    return "json_extract(" + column + ", '$." + field + "')";
  }

  @Override
  public String jsonMerge(String column, String patch) {
    return "json_patch(" + column + ", " + patch + ")";
  }

  @Override
  public String jsonArrayTexts(String column, String alias) {
    return "json_each(" + column + ") AS " + alias;
  }

  /** Nothing to do: every transaction begins IMMEDIATE (see {@link SqliteSessionStore}), taking the write lock. */
  @Override
  public void lockMigrations(Handle handle, String tablePrefix) {}

  @Override
  public boolean retryable(SQLException e) {
    if (e instanceof SQLiteException sqlite) {
      int primary = sqlite.getResultCode().code & 0xFF;
      return primary == SQLiteErrorCode.SQLITE_BUSY.code || primary == SQLiteErrorCode.SQLITE_LOCKED.code;
    }
    return false;
  }
}
