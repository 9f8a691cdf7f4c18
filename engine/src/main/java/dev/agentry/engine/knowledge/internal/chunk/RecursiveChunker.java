package dev.agentry.engine.knowledge.internal.chunk;

import java.util.ArrayList;
import java.util.List;

/**
 * Agno's {@code RecursiveChunking}: a text no longer than {@code size} stays whole; otherwise each window of
 * {@code size} characters ends after its last newline, else after its last period, else at the size; each chunk's
 * whitespace is collapsed, and the next window starts {@code overlap} characters before the previous end (at least a
 * tenth of the size further on, so it always advances).
 */
final class RecursiveChunker implements Chunker {
  private static final String[] SEPARATORS = {"\n", "."};

  private final int size;
  private final int overlap;

  RecursiveChunker(int size, int overlap) {
    this.size = size;
    this.overlap = overlap;
  }

  @Override
  public List<String> split(String content) {
    if (content.isEmpty()) {
      return List.of();
    }
    if (content.length() <= size) {
      return List.of(content);
    }
    List<String> chunks = new ArrayList<>();
    int length = content.length();
    int start = 0;
    while (start < length) {
      int end = Math.min(start + size, length);
      if (end < length) {
        String window = content.substring(start, end);
        for (String separator : SEPARATORS) {
          int last = window.lastIndexOf(separator);
          if (last != -1) {
            end = start + last + 1;
            break;
          }
        }
      }
      chunks.add(Texts.clean(content.substring(start, end)));
      int next = end - overlap;
      if (next <= start) {
        next = Math.min(length, start + Math.max(1, size / 10));
      }
      start = next;
    }
    return chunks;
  }
}
