package dev.agentry.engine.knowledge.internal.chunk;

import java.util.List;

/** One of Agno's chunking strategies: splits a document's text into the texts of its chunks, in order. */
interface Chunker {
  /** The chunks' texts; empty for an empty text. */
  List<String> split(String text);
}
