package dev.agentry.engine.knowledge.internal.pgvector;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The SQL of the three searches on one table. Vector: cosine distance ({@code <=>}) in the order of the HNSW index.
 * Keyword: PostgreSQL full text on the stored {@code content_tsv} with the GIN index, any of the query's words
 * matching (as BM25 in Lucene: a chunk with more of them ranks higher), ranked by {@code ts_rank_cd}. Hybrid: both
 * lists fused by reciprocal rank, {@code sum(1 / (60 + rank))}, over a few times the limit from each.
 */
final class PgSearchSql {
  /** The constant of reciprocal rank fusion, as in the Lucene index. */
  static final int RRF_K = 60;
  private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

  /** A statement and its parameters, in order. */
  record Statement(String sql, List<Object> params) {}

  private final String table;
  private final String columns;
  private final String tsquery = "to_tsquery('" + PgVectorSchema.LANGUAGE + "', ?)";

  PgSearchSql(PgTableName table, int dimensions) {
    this.table = table.sql();
    this.columns = "c.id, c.content_id, c.name, c.content, c.meta_data::text AS meta_data, c.position"
        + (dimensions > 0 ? ", c.embedding::text AS embedding" : "");
  }

  /**
   * The query's words joined by OR for {@code to_tsquery} (letters and digits only, so nothing in them is an
   * operator), or empty when it has none. The configuration then stems them and drops stop words.
   */
  static String anyWord(String text) {
    return NOT_WORD.splitAsStream(text).filter(w -> !w.isEmpty()).collect(Collectors.joining(" | "));
  }

  Statement keyword(String words, PgFilters filters, int limit) {
    List<Object> params = new ArrayList<>(List.of(words, words));
    params.addAll(filters.params());
    params.add(limit);
    return new Statement("SELECT " + columns + ", ts_rank_cd(c.content_tsv, " + tsquery + ") AS score FROM "
        + table + " c WHERE c.content_tsv @@ " + tsquery + filters.sql() + " ORDER BY score DESC, c.id LIMIT ?",
        params);
  }

  /** Ordered by distance; the score is {@code 1 - distance}, the cosine similarity. */
  Statement vector(String vector, PgFilters filters, int limit) {
    List<Object> params = new ArrayList<>(List.of(vector));
    params.addAll(filters.params());
    params.add(limit);
    return new Statement("SELECT " + columns + ", 1 - (c.embedding <=> ?::vector) AS score FROM " + table
        + " c WHERE c.embedding IS NOT NULL" + filters.sql() + " ORDER BY c.embedding <=> ?::vector LIMIT ?",
        withVectorAgain(params, vector));
  }

  Statement hybrid(String words, String vector, PgFilters filters, int limit) {
    int candidates = Math.min(1_000, Math.max(40, 4 * limit));
    List<Object> params = new ArrayList<>(List.of(vector));
    params.addAll(filters.params());
    params.add(candidates);
    params.add(words);
    params.add(words);
    params.addAll(filters.params());
    params.add(candidates);
    params.add(limit);
    String sql = "WITH v AS (SELECT id, row_number() OVER (ORDER BY d, id) AS r FROM (SELECT c.id, "
        + "c.embedding <=> ?::vector AS d FROM " + table + " c WHERE c.embedding IS NOT NULL" + filters.sql()
        + " ORDER BY d LIMIT ?) s), "
        + "k AS (SELECT id, row_number() OVER (ORDER BY s DESC, id) AS r FROM (SELECT c.id, "
        + "ts_rank_cd(c.content_tsv, " + tsquery + ") AS s FROM " + table + " c WHERE c.content_tsv @@ " + tsquery
        + filters.sql() + " ORDER BY s DESC, c.id LIMIT ?) s), "
        + "f AS (SELECT id, sum(1.0 / (" + RRF_K + " + r)) AS score FROM (SELECT id, r FROM v UNION ALL "
        + "SELECT id, r FROM k) u GROUP BY id) "
        + "SELECT " + columns + ", f.score FROM f JOIN " + table + " c ON c.id = f.id ORDER BY f.score DESC, c.id "
        + "LIMIT ?";
    return new Statement(sql, params);
  }

  private static List<Object> withVectorAgain(List<Object> params, String vector) {
    List<Object> all = new ArrayList<>(params);
    all.add(all.size() - 1, vector);
    return all;
  }
}
