package dev.agentry.engine.knowledge.internal.chunk;

import java.util.ArrayList;
import java.util.List;

/**
 * Agno's {@code FixedSizeChunking}: the cleaned text (whitespace runs made one space) cut every {@code size}
 * characters, moved back to the last space so no word is split (unless one word fills the whole chunk); each next
 * chunk starts {@code overlap} characters before the previous one ended.
 */
final class FixedSizeChunker implements Chunker {
  private final int size;
  private final int overlap;

  FixedSizeChunker(int size, int overlap) {
    this.size = size;
    this.overlap = overlap;
  }

  @Override
  public List<String> split(String text) {
    String content = Texts.clean(text);
    int length = content.length();
    List<String> chunks = new ArrayList<>();
    int start = 0;
    while (start < length) {
      int end = Math.min(start + size, length);
      if (end < length) {
        while (end > start && !isBreak(content.charAt(end))) {
          end--;
        }
      }
      if (end == start) {
        end = Math.min(start + size, length);
      }
      chunks.add(content.substring(start, end));
      if (end >= length) {
        break;
      }
      start = Math.max(start + 1, end - overlap);
    }
    return chunks;
  }

  private static boolean isBreak(char c) {
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
  }
}
