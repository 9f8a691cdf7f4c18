package dev.agentry.engine.knowledge.internal.embed;

import dev.agentry.engine.knowledge.Embedder;
import dev.agentry.engine.model.KnowledgeDef.EmbedderDef;
import java.net.http.HttpClient;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** Opens the embedder a Knowledge declares. STUB: filled in by the embeddings work (issue 16). */
public final class Embedders {
  private Embedders() {}

  /**
   * The embedder of {@code def}: the OpenAI embeddings wire format for openai and compatible providers (base URL and
   * key from the Model resource or the provider's environment variables, read through {@code env}).
   *
   * @throws dev.agentry.engine.knowledge.KnowledgeException for a provider without an embeddings API
   */
  public static Embedder open(EmbedderDef def, HttpClient http, Function<String, @Nullable String> env) {
    throw new UnsupportedOperationException("embedders not written yet");
  }
}
