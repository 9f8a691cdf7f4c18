package dev.agentry.engine.knowledge;

import dev.agentry.engine.EngineException;

/** A knowledge operation that failed: reading a source, embedding, indexing or searching; the message says why. */
public class KnowledgeException extends EngineException {
  public KnowledgeException(String message) {
    super(message);
  }

  public KnowledgeException(String message, Throwable cause) {
    super(message, cause);
  }
}
