package dev.agentry.engine.knowledge.internal.read;

import dev.agentry.engine.knowledge.Document;
import java.util.List;
import java.util.Map;

/** Agno's {@code MarkdownReader}: the file's Markdown source, unchanged, as one document. */
final class MarkdownReader implements Reader {
  @Override
  public String id() {
    return "markdown";
  }

  @Override
  public String name() {
    return "MarkdownReader";
  }

  @Override
  public String description() {
    return "Processes Markdown documentation with header-aware chunking and formatting preservation";
  }

  @Override
  public List<String> chunkers() {
    return List.of("MarkdownChunker", "CodeChunker", "DocumentChunker", "AgenticChunker", "RecursiveChunker",
        "SemanticChunker", "FixedSizeChunker");
  }

  @Override
  public List<String> contentTypes() {
    return List.of(".md");
  }

  @Override
  public List<Document> read(String name, byte[] bytes, Map<String, Object> metadata) {
    return List.of(new Document(name, TextDecoding.utf8(name, bytes), metadata));
  }
}
