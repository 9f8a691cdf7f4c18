package dev.agentry.engine.knowledge;

import dev.agentry.engine.model.KnowledgeDef;
import dev.agentry.engine.store.KnowledgeContent;
import dev.agentry.engine.store.Page;
import dev.agentry.engine.store.PageRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An open Knowledge: its index, embedder and contents table, and the background ingestion of its contents. What runs
 * (the search and add tools, classic RAG) and the knowledge API use. Thread-safe; open for the life of the engine,
 * carried across reloads (a reload that changes the resource re-indexes only what changed).
 */
public interface KnowledgeBase {
  /** The compiled resource it currently serves. */
  KnowledgeDef def();

  /** The search types its index answers. */
  Set<SearchType> searchTypes();

  /**
   * Adds content: records it as PROCESSING and returns at once; reading, chunking, embedding and indexing happen in
   * the background. Content whose id exists already is not read again (the existing record is returned).
   *
   * @throws IllegalArgumentException when the upload has no content, or names an unknown reader or chunker
   */
  KnowledgeContent add(ContentUpload upload);

  Optional<KnowledgeContent> content(String contentId);

  Page<KnowledgeContent> contents(PageRequest page);

  /** Changes the name, description or metadata (null leaves it); the metadata reaches the indexed chunks too. */
  Optional<KnowledgeContent> update(String contentId, @Nullable String name, @Nullable String description,
      @Nullable Map<String, Object> metadata);

  /** Removes a content and its chunks; empty when there was none. */
  Optional<KnowledgeContent> delete(String contentId);

  /** Removes every content and chunk (including those from the spec's sources, until the next reload adds them). */
  void deleteAll();

  /**
   * Searches: embeds the query when the type needs it, applies the Knowledge's filters and {@code filters}.
   *
   * @param type null for the Knowledge's default
   * @param limit null for the Knowledge's {@code max_results}
   * @throws IllegalArgumentException for a type the index cannot answer
   */
  List<SearchHit> search(String query, @Nullable SearchType type, Map<String, Object> filters,
      @Nullable Integer limit);

  /** The metadata keys of its contents, for agentic filters and {@code /knowledge/config}. */
  Set<String> filterKeys();

  /** Waits until no content is PROCESSING or the timeout passes; true when idle (tests, the CLI's validate). */
  boolean awaitIdle(Duration timeout) throws InterruptedException;

  /**
   * Stops its background ingestion and releases its index and connections; the engine calls it when no catalog
   * declares the Knowledge any more, and when it closes. Does nothing unless the implementation holds resources.
   */
  default void close() {}
}
