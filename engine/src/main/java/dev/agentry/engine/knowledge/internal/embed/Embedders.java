package dev.agentry.engine.knowledge.internal.embed;

import dev.agentry.engine.knowledge.Embedder;
import dev.agentry.engine.knowledge.KnowledgeException;
import dev.agentry.engine.llm.http.Endpoint;
import dev.agentry.engine.llm.http.ProviderHttp;
import dev.agentry.engine.model.KnowledgeDef.EmbedderDef;
import dev.agentry.engine.model.ModelDef;
import dev.agentry.engine.model.Providers;
import java.net.http.HttpClient;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** Opens the embedder a Knowledge declares. */
public final class Embedders {
  private Embedders() {}

  /**
   * The embedder of {@code def}: the OpenAI embeddings wire format for openai and compatible providers (base URL and
   * key from the Model resource or the provider's environment variables, read through {@code env}).
   *
   * @throws dev.agentry.engine.knowledge.KnowledgeException for a provider without an embeddings API
   */
  public static Embedder open(EmbedderDef def, HttpClient http, Function<String, @Nullable String> env) {
    ModelDef model = def.model();
    String provider = model.provider();
    if (!Providers.hasEmbeddings(provider)) {
      throw new KnowledgeException("embedding model " + model.qualifiedName() + ": provider " + provider
          + " has no embeddings API; use openai, azure or an OpenAI-compatible server (ollama, vllm, lmstudio, or a"
          + " Model resource with base_url)");
    }
    if (def.dimensions() < 1) {
      throw new KnowledgeException("embedding model " + model.qualifiedName() + ": dimensions must be at least 1, got "
          + def.dimensions());
    }
    Endpoint endpoint = Endpoint.of(model, OpenAiEmbedder.keyVariable(provider), env);
    return new OpenAiEmbedder(model, ProviderHttp.create(http, endpoint), def.dimensions());
  }
}
