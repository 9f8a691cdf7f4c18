package dev.agentry.engine.knowledge.internal.lucene;

import dev.agentry.engine.knowledge.KnowledgeException;
import dev.agentry.engine.knowledge.SearchHit;
import dev.agentry.engine.knowledge.SearchQuery;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.util.QueryBuilder;
import org.jspecify.annotations.Nullable;

/** The three searches on one searcher: BM25 keyword, HNSW cosine vector, and their reciprocal rank fusion. */
final class LuceneSearch {
  /** The reciprocal rank fusion constant: a hit at rank r (1-based) in a list adds 1 / (RRF_K + r). */
  static final int RRF_K = 60;
  /** Hybrid search fuses at least this many of each list's best hits (more when the limit is higher). */
  static final int MIN_FUSED = 20;

  private final QueryBuilder queries;
  private final int dimensions;

  LuceneSearch(Analyzer analyzer, int dimensions) {
    this.queries = new QueryBuilder(analyzer);
    this.dimensions = dimensions;
  }

  List<SearchHit> run(IndexSearcher searcher, SearchQuery query) throws IOException {
    Query filter = ChunkDocuments.filter(query.filters());
    return switch (query.type()) {
      case KEYWORD -> hits(searcher, keyword(searcher, query.text(), filter, query.limit()), false);
      case VECTOR -> hits(searcher, vector(searcher, vector(query), filter, query.limit()), true);
      case HYBRID -> hybrid(searcher, query, filter);
    };
  }

  private TopDocs keyword(IndexSearcher searcher, String text, @Nullable Query filter, int limit) throws IOException {
    Query words = queries.createBooleanQuery(ChunkDocuments.TEXT, text);
    if (words == null) {
      return TopDocs.merge(limit, new TopDocs[0]);
    }
    Query query = words;
    if (filter != null) {
      query = new BooleanQuery.Builder().add(words, BooleanClause.Occur.MUST).add(filter, BooleanClause.Occur.FILTER)
          .build();
    }
    return searcher.search(query, new TopScoreDocCollectorManager(limit, Integer.MAX_VALUE));
  }

  private static TopDocs vector(IndexSearcher searcher, float[] vector, @Nullable Query filter, int limit)
      throws IOException {
    return searcher.search(new KnnFloatVectorQuery(ChunkDocuments.VECTOR, vector, limit, filter), limit);
  }

  private float[] vector(SearchQuery query) {
    float[] vector = query.vector();
    if (vector == null || vector.length != dimensions) {
      throw new KnowledgeException("the query's embedding has " + (vector == null ? 0 : vector.length)
          + " dimensions; the index holds embeddings of " + dimensions);
    }
    return vector;
  }

  private List<SearchHit> hybrid(IndexSearcher searcher, SearchQuery query, @Nullable Query filter)
      throws IOException {
    int fused = Math.max(query.limit(), MIN_FUSED);
    Map<Integer, Double> scores = new LinkedHashMap<>();
    for (TopDocs list : List.of(keyword(searcher, query.text(), filter, fused),
        vector(searcher, vector(query), filter, fused))) {
      for (int rank = 0; rank < list.scoreDocs.length; rank++) {
        scores.merge(list.scoreDocs[rank].doc, 1.0 / (RRF_K + rank + 1), Double::sum);
      }
    }
    List<Map.Entry<Integer, Double>> best = new ArrayList<>(scores.entrySet());
    best.sort(Map.Entry.<Integer, Double>comparingByValue(Comparator.reverseOrder())
        .thenComparing(Map.Entry.comparingByKey()));
    List<SearchHit> hits = new ArrayList<>();
    for (Map.Entry<Integer, Double> entry : best.subList(0, Math.min(query.limit(), best.size()))) {
      hits.add(new SearchHit(ChunkDocuments.chunk(stored(searcher, entry.getKey())), entry.getValue()));
    }
    return hits;
  }

  /** The hits of one list; a vector score (Lucene's (1 + cosine) / 2) is turned back into the cosine. */
  private static List<SearchHit> hits(IndexSearcher searcher, TopDocs top, boolean cosine) throws IOException {
    List<SearchHit> hits = new ArrayList<>(top.scoreDocs.length);
    for (ScoreDoc doc : top.scoreDocs) {
      double score = cosine ? 2.0 * doc.score - 1.0 : doc.score;
      hits.add(new SearchHit(ChunkDocuments.chunk(stored(searcher, doc.doc)), score));
    }
    return hits;
  }

  private static Document stored(IndexSearcher searcher, int doc) throws IOException {
    return searcher.storedFields().document(doc);
  }
}
