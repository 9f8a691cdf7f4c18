package dev.agentry.engine.knowledge;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A search of one index.
 *
 * @param text the query text (keyword search; also what the vector was made of)
 * @param vector the query's embedding, required for VECTOR and HYBRID
 * @param type how to match
 * @param filters metadata filters: every key must equal the value (a list value matches any of its elements)
 * @param limit at most this many hits, best first
 */
public record SearchQuery(String text, float @Nullable [] vector, SearchType type, Map<String, Object> filters,
    int limit) {
  public SearchQuery {
    filters = Map.copyOf(filters);
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, got " + limit);
    }
    if (type != SearchType.KEYWORD && vector == null) {
      throw new IllegalArgumentException(type.key() + " search needs the query's embedding");
    }
  }
}
