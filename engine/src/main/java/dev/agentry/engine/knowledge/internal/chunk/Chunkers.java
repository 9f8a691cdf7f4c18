package dev.agentry.engine.knowledge.internal.chunk;

import dev.agentry.engine.knowledge.Chunk;
import dev.agentry.engine.knowledge.Document;
import dev.agentry.engine.model.KnowledgeDef.ChunkingDef;
import java.util.List;

/** Splits documents into chunks as Agno's chunkers do. STUB: filled in by the chunking work (issue 16). */
public final class Chunkers {
  private Chunkers() {}

  /**
   * The chunks of a content's documents, positions running across the documents, without embeddings; each chunk's
   * metadata is its document's plus {@code chunk} (1-based number) and {@code chunk_size}.
   */
  public static List<Chunk> chunk(String contentId, List<dev.agentry.engine.knowledge.Document> documents,
      ChunkingDef def) {
    throw new UnsupportedOperationException("chunkers not written yet");
  }

  /** The chunkers {@code /knowledge/config} lists: key (Agno's, e.g. "FixedSizeChunker") to name and description. */
  public static List<ChunkerInfo> all() {
    throw new UnsupportedOperationException("chunkers not written yet");
  }

  /** One chunker as {@code /knowledge/config} describes it; {@code strategy} is the spec's word. */
  public record ChunkerInfo(String key, String name, String description, String strategy) {}
}
