package dev.agentry.engine.knowledge;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Content to add to a Knowledge, from the API ({@code POST /knowledge/content}) or the {@code add_to_knowledge}
 * tool: exactly one of {@code url}, {@code file} and {@code text}.
 *
 * @param name the content's name; derived from the file name or URL when null
 * @param fileName the uploaded file's name, which chooses the reader with {@code contentType}
 * @param readerId a reader to use instead of the one the type chooses ({@code reader_id})
 * @param chunker a chunking strategy key to use instead of the Knowledge's ({@code chunker})
 * @param chunkSize a chunk size instead of the Knowledge's, or null
 * @param overlap an overlap instead of the Knowledge's, or null
 */
public record ContentUpload(
    @Nullable String name,
    @Nullable String description,
    Map<String, Object> metadata,
    @Nullable String url,
    byte @Nullable [] file,
    @Nullable String fileName,
    @Nullable String contentType,
    @Nullable String text,
    @Nullable String readerId,
    @Nullable String chunker,
    @Nullable Integer chunkSize,
    @Nullable Integer overlap) {
  public ContentUpload {
    metadata = Map.copyOf(metadata);
  }

  /** Inline text, as the {@code add_to_knowledge} tool adds it. */
  public static ContentUpload text(String name, String text, Map<String, Object> metadata) {
    return new ContentUpload(name, null, metadata, null, null, null, null, text, null, null, null, null);
  }
}
