package dev.agentry.engine.knowledge.internal.pgvector;

import dev.agentry.engine.knowledge.Chunk;
import dev.agentry.engine.knowledge.KnowledgeIndex;
import dev.agentry.engine.knowledge.SearchHit;
import dev.agentry.engine.knowledge.SearchQuery;
import dev.agentry.engine.knowledge.SearchType;
import java.util.List;
import java.util.Set;

/** The index on PostgreSQL with pgvector. STUB: filled in by the pgvector work (issue 16). */
public final class PgVectorIndex implements KnowledgeIndex {
  private PgVectorIndex() {}

  /**
   * Connects and creates the extension, table and indexes if needed.
   *
   * @param url a PostgreSQL URL as Database resources take it ({@code postgresql://user:pw@host/db} or JDBC)
   * @param dimensions the embeddings' size, or 0 for keyword search only
   */
  public static PgVectorIndex open(String url, String table, int dimensions) {
    throw new UnsupportedOperationException("pgvector index not written yet");
  }

  @Override
  public Set<SearchType> searchTypes() {
    throw new UnsupportedOperationException();
  }

  @Override
  public void replace(String contentId, List<Chunk> chunks) {
    throw new UnsupportedOperationException();
  }

  @Override
  public boolean delete(String contentId) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void deleteAll() {
    throw new UnsupportedOperationException();
  }

  @Override
  public List<SearchHit> search(SearchQuery query) {
    throw new UnsupportedOperationException();
  }

  @Override
  public long count() {
    throw new UnsupportedOperationException();
  }

  @Override
  public void close() {}
}
