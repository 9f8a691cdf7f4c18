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

  /**
   * The documents of the content (one for most types; one per page for PDF).
   *
   * @throws dev.agentry.engine.knowledge.KnowledgeException when the bytes are not of its type
   */
  List<Document> read(String name, byte[] bytes, Map<String, Object> metadata);
}
