package dev.agentry.engine.knowledge.internal.read;

import dev.agentry.engine.knowledge.Document;
import java.util.List;
import java.util.Map;

/** Agno's {@code TextReader}: the whole file, decoded as UTF-8, as one document. */
final class TextReader implements Reader {
  @Override
  public String id() {
    return "text";
  }

  @Override
  public String name() {
    return "TextReader";
  }

  @Override
  public String description() {
    return "Handles plain text files with customizable chunking strategies and encoding detection";
  }

  @Override
  public List<String> chunkers() {
    return List.of("CodeChunker", "FixedSizeChunker", "AgenticChunker", "DocumentChunker", "RecursiveChunker",
        "SemanticChunker");
  }

  @Override
  public List<String> contentTypes() {
    return List.of(".txt");
  }

  @Override
  public List<Document> read(String name, byte[] bytes, Map<String, Object> metadata) {
    return List.of(new Document(name, TextDecoding.utf8(name, bytes), metadata));
  }
}
