package dev.agentry.engine.knowledge.internal.lucene;

import dev.agentry.engine.internal.Json;
import dev.agentry.engine.knowledge.Chunk;
import dev.agentry.engine.knowledge.KnowledgeException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.index.Term;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;

/**
 * How a chunk is laid out in a Lucene document: stored fields that rebuild it, the analysed text, the embedding,
 * and one indexed {@code meta.<key>} term per metadata value (a list value gives one term per element), which
 * metadata filters match.
 */
final class ChunkDocuments {
  static final String ID = "id";
  static final String CONTENT_ID = "content_id";
  static final String NAME = "name";
  static final String TEXT = "content";
  static final String POSITION = "position";
  static final String METADATA = "metadata";
  static final String VECTOR = "vector";
  static final String META_PREFIX = "meta.";

  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private ChunkDocuments() {}

  /** The document of {@code chunk}; its embedding is indexed when {@code dimensions} > 0 (and must have that size). */
  static Document of(Chunk chunk, int dimensions) {
    Document doc = new Document();
    doc.add(new StringField(ID, chunk.id(), Field.Store.YES));
    doc.add(new StringField(CONTENT_ID, chunk.contentId(), Field.Store.YES));
    doc.add(new StoredField(NAME, chunk.name()));
    doc.add(new TextField(TEXT, chunk.content(), Field.Store.YES));
    doc.add(new StoredField(POSITION, chunk.position()));
    doc.add(new StoredField(METADATA, Json.MAPPER.writeValueAsString(chunk.metadata())));
    for (Map.Entry<String, Object> entry : chunk.metadata().entrySet()) {
      for (String term : terms(entry.getValue())) {
        doc.add(new StringField(META_PREFIX + entry.getKey(), term, Field.Store.NO));
      }
    }
    if (dimensions > 0) {
      float[] vector = chunk.embedding();
      if (vector == null) {
        throw new KnowledgeException("chunk " + chunk.id() + " has no embedding; the index holds embeddings of "
            + dimensions + " dimensions");
      }
      if (vector.length != dimensions) {
        throw new KnowledgeException("chunk " + chunk.id() + " has an embedding of " + vector.length
            + " dimensions; the index holds embeddings of " + dimensions);
      }
      try {
        doc.add(new KnnFloatVectorField(VECTOR, vector, VectorSimilarityFunction.COSINE));
      } catch (IllegalArgumentException e) {
        throw new KnowledgeException("chunk " + chunk.id() + " has an unusable embedding: " + e.getMessage(), e);
      }
    }
    return doc;
  }

  /** The chunk a stored document holds (without its embedding). */
  static Chunk chunk(Document doc) {
    Map<String, Object> metadata = Json.MAPPER.readValue(doc.get(METADATA), MAP);
    return new Chunk(doc.get(ID), doc.get(CONTENT_ID), doc.get(NAME), doc.get(TEXT), metadata,
        doc.getField(POSITION).numericValue().intValue(), null);
  }

  /** The filter matching every {@code key = value} of {@code filters} (a list value: any of its elements). */
  static @Nullable Query filter(Map<String, Object> filters) {
    if (filters.isEmpty()) {
      return null;
    }
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    for (Map.Entry<String, Object> entry : filters.entrySet()) {
      List<String> terms = terms(entry.getValue());
      if (terms.isEmpty()) {
        return new MatchNoDocsQuery("empty filter list for " + entry.getKey());
      }
      BooleanQuery.Builder anyOf = new BooleanQuery.Builder();
      for (String term : terms) {
        anyOf.add(new TermQuery(new Term(META_PREFIX + entry.getKey(), term)), BooleanClause.Occur.SHOULD);
      }
      all.add(anyOf.build(), BooleanClause.Occur.FILTER);
    }
    return all.build();
  }

  /** The indexed terms of a metadata value: numbers in one canonical form (2021 = 2021.0), lists element-wise. */
  private static List<String> terms(@Nullable Object value) {
    if (value instanceof Collection<?> list) {
      List<String> terms = new ArrayList<>();
      for (Object element : list) {
        terms.addAll(terms(element));
      }
      return terms;
    }
    if (value == null) {
      return List.of();
    }
    if (value instanceof Number number) {
      try {
        return List.of(new BigDecimal(number.toString()).stripTrailingZeros().toPlainString());
      } catch (NumberFormatException e) {
        return List.of(number.toString());
      }
    }
    if (value instanceof String || value instanceof Boolean || value instanceof Character) {
      return List.of(value.toString());
    }
    return List.of(Json.MAPPER.writeValueAsString(value));
  }
}
