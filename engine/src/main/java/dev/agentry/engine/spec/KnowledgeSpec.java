package dev.agentry.engine.spec;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The {@code spec} of a {@code Knowledge} resource as written in YAML; implements
 * {@code schemas/knowledge.schema.json#/properties/spec}.
 *
 * <p>One component per schema property, in the schema's order (a drift test compares them); the descriptions live in
 * the schema. Every component is {@code null} when its YAML key is absent; defaults are applied by the compiler, not
 * here. Nested records implement the objects under {@code $defs} of the same name.
 */
public record KnowledgeSpec(
    @Nullable String description,
    @Nullable List<Source> sources,
    @Nullable VectorDb vectorDb,
    @Nullable Embedder embedder,
    @Nullable Chunking chunking,
    @Nullable Integer maxResults,
    @Nullable String contentsDb) {
  /** One piece of content; implements {@code schemas/knowledge.schema.json#/$defs/source}. */
  public record Source(
      @Nullable String path,
      @Nullable String url,
      @Nullable String text,
      @Nullable Map<String, Object> metadata) {}

  /**
   * The vector database that stores and searches the embeddings; implements
   * {@code schemas/knowledge.schema.json#/$defs/vectorDb}.
   */
  public record VectorDb(
      @Nullable String type,
      @Nullable Secret url,
      @Nullable String tableName,
      @Nullable String searchType) {}

  /** The embedding model; implements {@code schemas/knowledge.schema.json#/$defs/embedder}. */
  public record Embedder(
      @Nullable String model,
      @Nullable Integer dimensions) {}

  /** The chunking settings; implements {@code schemas/knowledge.schema.json#/$defs/chunking}. */
  public record Chunking(
      @Nullable String strategy,
      @Nullable Integer chunkSize,
      @Nullable Integer overlap) {}
}
