package dev.agentry.engine.knowledge.internal.lucene;

import dev.agentry.engine.knowledge.Chunk;
import dev.agentry.engine.knowledge.KnowledgeIndex;
import dev.agentry.engine.knowledge.SearchHit;
import dev.agentry.engine.knowledge.SearchQuery;
import dev.agentry.engine.knowledge.SearchType;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The embedded index on Apache Lucene. STUB: filled in by the Lucene work (issue 16). */
public final class LuceneIndex implements KnowledgeIndex {
  private LuceneIndex() {}

  /**
   * Opens (creating it if needed) the index in {@code folder}, or in memory when it is null.
   *
   * @param dimensions the embeddings' size, or 0 for keyword search only
   */
  public static LuceneIndex open(@Nullable Path folder, int dimensions) {
    throw new UnsupportedOperationException("Lucene index not written yet");
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
