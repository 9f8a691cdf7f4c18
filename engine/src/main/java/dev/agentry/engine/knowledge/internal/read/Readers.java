package dev.agentry.engine.knowledge.internal.read;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Every reader, and which one reads a content of a given type. STUB: filled in by the readers work (issue 16). */
public final class Readers {
  private Readers() {}

  /** Every reader, in the order {@code /knowledge/config} lists them. */
  public static List<Reader> all() {
    throw new UnsupportedOperationException("readers not written yet");
  }

  /** The reader of this id, if any. */
  public static Optional<Reader> byId(String id) {
    throw new UnsupportedOperationException("readers not written yet");
  }

  /** The reader for a file name's extension or a MIME type; the plain text reader when neither is known. */
  public static Reader forContent(@Nullable String fileName, @Nullable String contentType) {
    throw new UnsupportedOperationException("readers not written yet");
  }

  /** {@code readersForType} of {@code /knowledge/config}: content type (extension or "url", "text") to reader ids. */
  public static Map<String, List<String>> readersForType() {
    throw new UnsupportedOperationException("readers not written yet");
  }
}
