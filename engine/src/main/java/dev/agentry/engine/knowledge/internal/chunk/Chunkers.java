package dev.agentry.engine.knowledge.internal.chunk;

import dev.agentry.engine.knowledge.Chunk;
import dev.agentry.engine.knowledge.Document;
import dev.agentry.engine.model.KnowledgeDef.ChunkingDef;
import dev.agentry.engine.model.KnowledgeDef.ChunkingStrategy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Splits documents into chunks as Agno's chunkers do. */
public final class Chunkers {
  private static final List<ChunkerInfo> ALL = List.of(
      new ChunkerInfo("DocumentChunker", "DocumentChunker",
          "A chunking strategy that splits text based on document structure like paragraphs and sections",
          "document"),
      new ChunkerInfo("RecursiveChunker", "RecursiveChunker",
          "Chunking strategy that recursively splits text into chunks by finding natural break points", "recursive"),
      new ChunkerInfo("FixedSizeChunker", "FixedSizeChunker",
          "Chunking strategy that splits text into fixed-size chunks with optional overlap", "fixed"),
      new ChunkerInfo("MarkdownChunker", "MarkdownChunker",
          "A chunking strategy that splits markdown based on structure like headers, paragraphs and sections",
          "markdown"));

  private Chunkers() {}

  /**
   * The chunks of a content's documents, positions running across the documents, without embeddings; each chunk's
   * metadata is its document's plus {@code chunk} (1-based number within its document, as Agno numbers them) and
   * {@code chunk_size} (its length in characters). A chunk's id is the content id, {@code _} and its position. A
   * document short enough to stay whole is one chunk and gets both keys too (Agno returns it without them).
   *
   * @throws IllegalArgumentException when the size is not positive or the overlap not below it
   */
  public static List<Chunk> chunk(String contentId, List<Document> documents, ChunkingDef def) {
    Chunker chunker = chunker(def);
    List<Chunk> chunks = new ArrayList<>();
    for (Document document : documents) {
      List<String> texts = chunker.split(document.content());
      for (int i = 0; i < texts.size(); i++) {
        String text = texts.get(i);
        Map<String, Object> metadata = new HashMap<>(document.metadata());
        metadata.put("chunk", i + 1);
        metadata.put("chunk_size", text.length());
        int position = chunks.size();
        chunks.add(new Chunk(contentId + "_" + position, contentId, document.name(), text, metadata, position, null));
      }
    }
    return List.copyOf(chunks);
  }

  /** The chunkers {@code /knowledge/config} lists: key (Agno's, e.g. "FixedSizeChunker") to name and description. */
  public static List<ChunkerInfo> all() {
    return ALL;
  }

  /**
   * The strategy of an Agno chunker key ({@code FixedSizeChunker}) or a spec word ({@code fixed}), as the
   * {@code chunker} field of an upload names it; empty when it is neither.
   */
  public static Optional<ChunkingStrategy> strategyOf(String keyOrWord) {
    for (ChunkerInfo info : ALL) {
      if (info.key().equals(keyOrWord) || info.strategy().equalsIgnoreCase(keyOrWord)) {
        return Optional.of(ChunkingStrategy.valueOf(info.strategy().toUpperCase(Locale.ROOT)));
      }
    }
    return Optional.empty();
  }

  static Chunker chunker(ChunkingDef def) {
    if (def.size() <= 0) {
      throw new IllegalArgumentException("chunk_size (" + def.size() + ") must be positive.");
    }
    if (def.overlap() < 0 || def.overlap() >= def.size()) {
      throw new IllegalArgumentException("Invalid parameters: overlap (" + def.overlap()
          + ") must be at least 0 and less than chunk size (" + def.size() + ").");
    }
    return switch (def.strategy()) {
      case FIXED -> new FixedSizeChunker(def.size(), def.overlap());
      case RECURSIVE -> new RecursiveChunker(def.size(), def.overlap());
      case DOCUMENT -> new DocumentChunker(def.size(), def.overlap());
      case MARKDOWN -> new MarkdownChunker(def.size(), def.overlap());
    };
  }

  /** One chunker as {@code /knowledge/config} describes it; {@code strategy} is the spec's word. */
  public record ChunkerInfo(String key, String name, String description, String strategy) {}
}
