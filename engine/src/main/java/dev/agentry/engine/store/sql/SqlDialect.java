package dev.agentry.engine.store.sql;

import java.sql.SQLException;
import org.jdbi.v3.core.Handle;

/**
 * What differs between the SQL databases the store runs on: JSON columns, the runs' insertion order, case-insensitive
 * matching, binary ordering of text, reading JSON fields and arrays, migration locking and which errors mean "unreachable".
 * Everything else is the same SQL ({@code INSERT ... ON CONFLICT}, {@code NULLS FIRST}, ...).
 */
public interface SqlDialect {
  /** A short name for the pool and messages: "sqlite", "postgres". */
  String name();

  /**
   * True when the database takes one writer at a time (SQLite): this process then queues its writers on a lock of
   * its own, where a waiting virtual thread parks, instead of in the database's busy handler, which sleeps in native
   * code (pinning its carrier thread) and wakes late.
   */
  default boolean singleWriter() {
    return false;
  }

  /** The column type of JSON values. */
  String jsonType();

  /** A bound JSON text parameter ({@code :name}) as a value of {@link #jsonType()}. */
  String jsonValue(String parameter);

  /**
   * The definitions of the runs' key columns: {@code run_id} (unique, the conflict target of upserts) and
   * {@code seq}, a number that grows with every inserted run and is never changed by an update.
   */
  String runKeyColumns();

  /** A condition: {@code column} contains a bound LIKE pattern (lower case, escaped with '\'), ignoring case. */
  String containsIgnoringCase(String column, String pattern);

  /** {@code column} compared by code points rather than by the database's locale, as Java compares strings. */
  String binary(String column);

  /** The text of the top-level field {@code field} of the JSON object in {@code column}; NULL when absent. */
  String jsonText(String column, String field);

  /**
   * The JSON object in {@code column} with the top-level fields of the bound JSON object text {@code patch} set (a
   * shallow merge): {@code ||} on PostgreSQL, {@code json_patch} on SQLite.
   */
  String jsonMerge(String column, String patch);

  /** A FROM item with the texts of the JSON array in {@code column}, one row each, as {@code alias.value}. */
  String jsonArrayTexts(String column, String alias);

  /**
   * Makes this transaction the only one migrating tables with {@code tablePrefix}, across processes; called first in
   * the migration transaction.
   */
  void lockMigrations(Handle handle, String tablePrefix);

  /** True when {@code e} (besides connection failures, SQLState class 08) means a later attempt may succeed. */
  boolean retryable(SQLException e);
}
