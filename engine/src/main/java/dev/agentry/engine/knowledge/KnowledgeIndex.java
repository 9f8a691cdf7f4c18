package dev.agentry.engine.knowledge;

import java.util.List;
import java.util.Set;

/**
 * Where the chunks of one Knowledge are stored and searched: the embedded Lucene index or pgvector. Implementations
 * are thread-safe; writes are visible to searches once the call returns. One conformance suite
 * ({@code KnowledgeIndexConformance} in the tests) holds every implementation to the same behaviour.
 */
public interface KnowledgeIndex extends AutoCloseable {
  /** The search types this index can answer with its settings (KEYWORD always; VECTOR and HYBRID with embeddings). */
  Set<SearchType> searchTypes();

  /** Replaces every chunk of {@code contentId} with {@code chunks} (all of that content), atomically. */
  void replace(String contentId, List<Chunk> chunks);

  /** Removes every chunk of a content; false when it had none. */
  boolean delete(String contentId);

  /** Removes every chunk. */
  void deleteAll();

  /** The best hits for the query, best first, at most {@code query.limit()}. */
  List<SearchHit> search(SearchQuery query);

  /** Whether the index holds at least one chunk of the content. */
  boolean holds(String contentId);

  /** How many chunks the index holds. */
  long count();

  /** Releases files, connections and threads; never throws. */
  @Override
  void close();
}
