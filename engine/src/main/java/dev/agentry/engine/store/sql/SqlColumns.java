package dev.agentry.engine.store.sql;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The columns one record is written to, in order, each bound to the parameter of its name, and which of them hold
 * JSON: the INSERT, UPDATE and upsert of a table, written once for every dialect.
 */
record SqlColumns(List<String> names, Set<String> json, SqlDialect dialect) {
  SqlColumns {
    names = List.copyOf(names);
    json = Set.copyOf(json);
  }

  /** {@code INSERT INTO table (a, b) VALUES (:a, :b)}. */
  String insert(String table) {
    return "INSERT INTO " + table + " (" + String.join(", ", names) + ") VALUES ("
        + names.stream().map(this::value).collect(Collectors.joining(", ")) + ")";
  }

  /** {@code a = :a, b = :b}, every column but {@code key}. */
  String assignments(String key) {
    return names.stream().filter(n -> !n.equals(key)).map(n -> n + " = " + value(n))
        .collect(Collectors.joining(", "));
  }

  /** {@code ON CONFLICT (key) DO UPDATE SET a = excluded.a, ...}, every column but {@code key}. */
  String onConflictUpdate(String key) {
    return " ON CONFLICT (" + key + ") DO UPDATE SET " + names.stream().filter(n -> !n.equals(key))
        .map(n -> n + " = excluded." + n).collect(Collectors.joining(", "));
  }

  private String value(String column) {
    return json.contains(column) ? dialect.jsonValue(":" + column) : ":" + column;
  }
}
