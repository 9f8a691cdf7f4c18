package dev.agentry.engine.knowledge;

import java.util.List;

/** Turns texts into embeddings (the OpenAI embeddings wire format, or a test's stub). Thread-safe. */
public interface Embedder {
  /** The number of dimensions of every embedding it returns. */
  int dimensions();

  /**
   * One embedding per text, in order; batches and retries as its provider needs.
   *
   * @throws KnowledgeException with a sentence naming the model and the cause (missing key, bad base URL, ...)
   */
  List<float[]> embed(List<String> texts);
}
