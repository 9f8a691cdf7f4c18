package dev.agentry.engine.knowledge.internal.embed;

import dev.agentry.engine.knowledge.Embedder;
import dev.agentry.engine.knowledge.KnowledgeException;
import dev.agentry.engine.llm.http.Endpoint;
import dev.agentry.engine.llm.http.ProviderHttp;
import dev.agentry.engine.model.KnowledgeDef.EmbedderDef;
import dev.agentry.engine.model.ModelDef;
import java.net.http.HttpClient;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** Opens the embedder a Knowledge declares. */
public final class Embedders {
  /** Providers with an OpenAI-compatible embeddings API at their default base URL. */
  private static final Set<String> EMBEDDING_PROVIDERS = Set.of("openai", "azure", "ollama", "vllm", "lmstudio",
      "together");
  /** Providers whose wire format has no embeddings at all. */
  private static final Set<String> NO_EMBEDDINGS = Set.of("anthropic", "scripted");

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
    boolean ownBaseUrl = model.spec() != null && model.spec().baseUrl() != null
        && !model.spec().baseUrl().isBlank();
    if (NO_EMBEDDINGS.contains(provider) || !EMBEDDING_PROVIDERS.contains(provider) && !ownBaseUrl) {
      throw new KnowledgeException("embedding model " + model.qualifiedName() + ": provider " + provider
          + " has no embeddings API; use openai, azure, ollama, vllm, lmstudio or together, or a Model resource"
          + " with base_url pointing at an OpenAI-compatible embeddings server");
    }
    if (def.dimensions() < 1) {
      throw new KnowledgeException("embedding model " + model.qualifiedName() + ": dimensions must be at least 1, got "
          + def.dimensions());
    }
    Endpoint endpoint = Endpoint.of(model, OpenAiEmbedder.keyVariable(provider), env);
    return new OpenAiEmbedder(model, ProviderHttp.create(http, endpoint), def.dimensions());
  }
}
