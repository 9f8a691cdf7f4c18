package dev.agentry.engine.knowledge.internal.read;

import dev.agentry.engine.knowledge.Document;
import java.util.List;
import java.util.Map;

/** Reads one kind of content (text, Markdown, HTML, PDF, CSV, JSON, DOCX) into documents. Thread-safe. */
public interface Reader {
  /** Agno's reader id, as {@code reader_id} and {@code /knowledge/config} name it. */
  String id();

  String name();

  String description();

  /** The chunker keys {@code /knowledge/config} lists for this reader, Agno's first (the reader's default) first. */
  List<String> chunkers();

  /** The content types (extensions such as {@code .pdf}, or {@code url}, {@code text}) this reader is listed for. */
  List<String> contentTypes();

  /**
   * The documents of the content (one for most types; one per page for PDF).
   *
   * @param name the content's name, which each document keeps
   * @param metadata the content's metadata, which each document carries plus what the reader adds
   * @throws dev.agentry.engine.knowledge.KnowledgeException when the bytes are not of its type
   */
  List<Document> read(String name, byte[] bytes, Map<String, Object> metadata);
}
