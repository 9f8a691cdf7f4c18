package dev.agentry.engine.store.sql;

import static dev.agentry.engine.store.sql.SqlTables.index;

import java.util.List;

/**
 * Version 3 of the schema: the knowledge table, empty until issue 16, now holds the contents of every Knowledge and is
 * listed per Knowledge ({@code linked_to}), newest first by default: one index serves the filter and that order.
 */
final class SchemaV3 {
  private SchemaV3() {}

  static List<String> statements(SqlTables t, SqlDialect d) {
    String k = t.knowledge();
    return List.of("CREATE INDEX " + index(k, "linked") + " ON " + k + " (linked_to, created_at)");
  }
}
