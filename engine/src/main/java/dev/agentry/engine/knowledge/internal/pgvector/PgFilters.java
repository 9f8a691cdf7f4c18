package dev.agentry.engine.knowledge.internal.pgvector;

import dev.agentry.engine.internal.Json;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Metadata filters as SQL on {@code meta_data}: each key must hold the value ({@code meta_data @> '{"k": v}'}, which
 * the GIN index on {@code meta_data} answers); a list (or other collection) value matches any of its elements.
 *
 * @param sql the conditions, each starting with {@code " AND "}, or empty
 * @param params one JSON text per {@code ?} in {@code sql}, in order
 */
record PgFilters(String sql, List<Object> params) {
  static PgFilters of(Map<String, Object> filters) {
    StringBuilder sql = new StringBuilder();
    List<Object> params = new ArrayList<>();
    for (Map.Entry<String, Object> filter : new TreeMap<>(filters).entrySet()) {
      List<?> wanted = filter.getValue() instanceof Collection<?> any ? new ArrayList<>(any)
          : List.of(filter.getValue());
      if (wanted.isEmpty()) {
        sql.append(" AND false");
        continue;
      }
      sql.append(" AND (");
      for (int i = 0; i < wanted.size(); i++) {
        sql.append(i == 0 ? "" : " OR ").append("meta_data @> ?::jsonb");
        params.add(Json.MAPPER.writeValueAsString(Collections.singletonMap(filter.getKey(), wanted.get(i))));
      }
      sql.append(')');
    }
    return new PgFilters(sql.toString(), List.copyOf(params));
  }
}
