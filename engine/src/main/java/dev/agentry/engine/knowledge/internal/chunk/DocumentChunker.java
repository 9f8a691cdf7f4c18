package dev.agentry.engine.knowledge.internal.chunk;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Agno's {@code DocumentChunking}: a text no longer than {@code size} stays whole; otherwise paragraphs (split at
 * blank lines, whitespace collapsed) are packed into chunks of at most {@code size} characters joined by a blank
 * line, and a paragraph longer than the size is packed by sentences instead. With an overlap, each chunk after the
 * first starts with the last {@code overlap} characters of the one before.
 */
final class DocumentChunker implements Chunker {
  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+");

  private final int size;
  private final int overlap;

  DocumentChunker(int size, int overlap) {
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
    List<String> current = new ArrayList<>();
    int currentSize = 0;
    for (String raw : content.split("\n\n", -1)) {
      String paragraph = Texts.clean(raw).strip();
      if (paragraph.isEmpty()) {
        continue;
      }
      if (paragraph.length() > size) {
        if (!current.isEmpty()) {
          chunks.add(String.join("\n\n", current));
          current = new ArrayList<>();
          currentSize = 0;
        }
        for (String piece : SENTENCE_END.split(paragraph)) {
          String sentence = piece.strip();
          if (sentence.isEmpty()) {
            continue;
          }
          if (currentSize + sentence.length() <= size) {
            current.add(sentence);
            currentSize += sentence.length();
          } else {
            if (!current.isEmpty()) {
              chunks.add(String.join(" ", current));
            }
            current = new ArrayList<>(List.of(sentence));
            currentSize = sentence.length();
          }
        }
      } else if (currentSize + paragraph.length() <= size) {
        current.add(paragraph);
        currentSize += paragraph.length();
      } else {
        if (!current.isEmpty()) {
          chunks.add(String.join("\n\n", current));
        }
        current = new ArrayList<>(List.of(paragraph));
        currentSize = paragraph.length();
      }
    }
    if (!current.isEmpty()) {
      chunks.add(String.join("\n\n", current));
    }
    return Overlaps.prependTails(chunks, overlap);
  }
}
