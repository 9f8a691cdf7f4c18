package dev.agentry.engine.model;

import dev.agentry.engine.knowledge.SearchType;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A compiled Knowledge resource with every default applied: what the knowledge runtime reads (never the spec).
 *
 * @param id the resource name (Agno's knowledge id and the contents' {@code linked_to})
 * @param name the display name (the resource name)
 * @param description tells the model what it finds here, so when to search ("" when not given)
 * @param sources the spec's contents, in order
 * @param index where chunks are stored and how they are searched
 * @param embedder the embedding model, or null: keyword search only
 * @param chunking how content is split
 * @param maxResults how many results a search returns unless asked otherwise
 * @param contentsDb the Database resource id holding the contents table (the catalog's default when not given)
 * @param source the YAML file that declared it
 */
public record KnowledgeDef(
    String id,
    String name,
    String description,
    List<SourceDef> sources,
    IndexDef index,
    @Nullable EmbedderDef embedder,
    ChunkingDef chunking,
    int maxResults,
    String contentsDb,
    String source) {
  public KnowledgeDef {
    sources = List.copyOf(sources);
  }

  /**
   * One source of the spec; exactly one of {@code path}, {@code url} and {@code text} is set.
   *
   * @param path a file or folder, resolved against the YAML file's folder (checked to lie inside the spec folder)
   * @param glob for a folder, which files to read (relative to it), {@code **} when the path named none
   */
  public record SourceDef(@Nullable Path path, String glob, @Nullable String url, @Nullable String text,
      Map<String, Object> metadata) {
    public SourceDef {
      metadata = Map.copyOf(metadata);
    }
  }

  /** The index kinds; the others the schema lists are rejected by the compiler with a located diagnostic. */
  public enum IndexType {
    /** The embedded Lucene index, on disk next to the SQLite database (the default). */
    LUCENE,
    /** The embedded Lucene index in memory: nothing survives a restart. */
    MEMORY,
    /** PostgreSQL with the pgvector extension. */
    PGVECTOR
  }

  /**
   * @param url the pgvector connection URL (resolved secret), null for the embedded kinds
   * @param tableName the table (pgvector) or the index folder name (Lucene); defaults to the knowledge id
   * @param searchType the default search type: the spec's, else VECTOR with an embedder and KEYWORD without
   */
  public record IndexDef(IndexType type, @Nullable String url, String tableName, SearchType searchType) {
    @Override
    public String toString() {
      return "IndexDef[type=" + type + ", url=" + (url == null ? "null" : "******") + ", tableName=" + tableName
          + ", searchType=" + searchType + "]";
    }
  }

  /**
   * @param model the embedding model ({@code openai:text-embedding-3-small} or a Model resource)
   * @param dimensions the embeddings' size (the model's default when the spec gives none: 1536 for OpenAI's)
   */
  public record EmbedderDef(ModelDef model, int dimensions) {}

  /** The chunking strategies, as Agno's chunkers behave. */
  public enum ChunkingStrategy {
    FIXED,
    RECURSIVE,
    DOCUMENT,
    MARKDOWN
  }

  /** @param size maximum chunk size in characters; @param overlap characters shared by consecutive chunks */
  public record ChunkingDef(ChunkingStrategy strategy, int size, int overlap) {}
}
