package dev.agentry.engine.store.sql;

/**
 * The table names of one store: the validated prefix ({@code StoreSettings#tablePrefix}) followed by Agno's names.
 * Table names are the only text put into SQL; every value is a bound parameter.
 */
record SqlTables(String prefix) {
  String sessions() {
    return prefix + "sessions";
  }

  String runs() {
    return prefix + "runs";
  }

  String memories() {
    return prefix + "memories";
  }

  String metrics() {
    return prefix + "metrics";
  }

  String evalRuns() {
    return prefix + "eval_runs";
  }

  String knowledge() {
    return prefix + "knowledge";
  }

  String traces() {
    return prefix + "traces";
  }

  String spans() {
    return prefix + "spans";
  }

  String instances() {
    return prefix + "instances";
  }

  String cancelRequests() {
    return prefix + "cancel_requests";
  }

  String schemaVersions() {
    return prefix + "schema_versions";
  }

  /** The name of an index of {@code table} (already prefixed) on {@code what}. */
  static String index(String table, String what) {
    return table + "_" + what + "_idx";
  }
}
