package dev.agentry.engine.knowledge;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One indexed piece of a content: what a search returns.
 *
 * @param id stable id of the chunk: the content id and the chunk's position
 * @param contentId the content it belongs to ({@code content_id} in the API)
 * @param name the content's name
 * @param content the chunk's text
 * @param metadata the content's metadata plus the reader's and the chunker's ({@code chunk}, {@code chunk_size})
 * @param position 0-based position of the chunk within its content
 * @param embedding the chunk's embedding, or null when the knowledge has no embedder (keyword search only); the
 *     array is not copied and must not be changed
 */
public record Chunk(
    String id,
    String contentId,
    String name,
    String content,
    Map<String, Object> metadata,
    int position,
    float @Nullable [] embedding) {
  public Chunk {
    metadata = Map.copyOf(metadata);
  }

  /** This chunk with an embedding. */
  public Chunk withEmbedding(float[] vector) {
    return new Chunk(id, contentId, name, content, metadata, position, vector);
  }
}
