package dev.agentry.engine.llm.openai;

import dev.agentry.engine.llm.ChatModel;
import dev.agentry.engine.llm.ChatRequest;
import dev.agentry.engine.llm.ChatResponse;
import dev.agentry.engine.llm.ModelException;
import dev.agentry.engine.llm.StreamListener;
import dev.agentry.engine.llm.http.Endpoint;
import dev.agentry.engine.llm.http.ProviderHttp;
import dev.agentry.engine.model.ModelDef;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A {@link dev.agentry.engine.llm.ChatModel} speaking OpenAI Chat Completions
 * ({@code POST {base_url}/chat/completions}), for OpenAI itself, Azure OpenAI and the OpenAI-compatible providers.
 *
 * <p>Azure differs in two places: the URL names the deployment ({@code {base_url}/openai/deployments/{id}/chat/
 * completions?api-version=...}) and the key goes in an {@code api-key} header instead of a bearer token. The local
 * servers (ollama, vllm, lmstudio) need no key; every other provider reads its usual variable when the
 * {@code Model} resource sets no {@code api_key}. Thread-safe.
 */
public final class OpenAiChatModel implements ChatModel {
  /** The Azure OpenAI data-plane version used when {@code api_version} is unset: the latest GA one. */
  public static final String AZURE_DEFAULT_API_VERSION = OpenAiEndpoints.AZURE_DEFAULT_API_VERSION;

  private static final Map<String, String> KEY_VARIABLES = Map.of(
      "openai", "OPENAI_API_KEY",
      "openrouter", "OPENROUTER_API_KEY",
      "groq", "GROQ_API_KEY",
      "deepseek", "DEEPSEEK_API_KEY",
      "together", "TOGETHER_API_KEY",
      "azure", "AZURE_OPENAI_API_KEY");

  private final ModelDef model;
  private final ProviderHttp http;

  /** The environment variable that holds the API key of an OpenAI-compatible provider, or null if it needs none. */
  public static @Nullable String keyVariable(String provider) {
    return KEY_VARIABLES.get(provider);
  }

  private OpenAiChatModel(ModelDef model, ProviderHttp http) {
    this.model = model;
    this.http = http;
  }

  /** Creates the client of {@code model}; matches {@link dev.agentry.engine.llm.ChatModelFactory}. */
  public static OpenAiChatModel create(ModelDef model, HttpClient http, Function<String, @Nullable String> env) {
    Endpoint endpoint = Endpoint.of(model, KEY_VARIABLES.get(model.provider()), env);
    return new OpenAiChatModel(model, ProviderHttp.create(http, endpoint));
  }

  @Override
  public String provider() {
    return model.provider();
  }

  @Override
  public String id() {
    return model.modelId();
  }

  @Override
  public ChatResponse chat(ChatRequest request, StreamListener listener) {
    JsonNode body = OpenAiRequestBody.of(model, request);
    HttpRequest httpRequest = http.post(OpenAiEndpoints.url(model, http.endpoint(), "chat/completions"), body, request.stream(),
        OpenAiEndpoints.headers(model, http.endpoint()));
    if (request.stream()) {
      return http.stream(httpRequest, request.cancellation(), listener, () -> new OpenAiStreamParser(provider()));
    }
    return OpenAiAnswer.read(provider(), http.send(httpRequest, request.cancellation()));
  }
}
