package dev.agentry.engine.knowledge.internal.chunk;

import java.util.ArrayList;
import java.util.List;

/** The overlap of Agno's document and Markdown chunkers: the previous chunk's tail prepended to each later chunk. */
final class Overlaps {
  private Overlaps() {}

  static List<String> prependTails(List<String> chunks, int overlap) {
    if (overlap <= 0 || chunks.size() < 2) {
      return chunks;
    }
    List<String> result = new ArrayList<>(chunks.size());
    result.add(chunks.getFirst());
    for (int i = 1; i < chunks.size(); i++) {
      String previous = chunks.get(i - 1);
      result.add(previous.substring(Math.max(0, previous.length() - overlap)) + chunks.get(i));
    }
    return result;
  }
}
