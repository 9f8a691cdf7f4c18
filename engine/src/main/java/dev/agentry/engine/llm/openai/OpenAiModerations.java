package dev.agentry.engine.llm.openai;

import dev.agentry.engine.internal.Json;
import dev.agentry.engine.llm.Cancellation;
import dev.agentry.engine.llm.ModelException;
import dev.agentry.engine.llm.http.Endpoint;
import dev.agentry.engine.llm.http.ProviderHttp;
import dev.agentry.engine.model.ModelDef;
import dev.agentry.engine.model.Providers;
import dev.agentry.engine.spec.Secret;
import java.net.http.HttpClient;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A client of OpenAI's moderation endpoint ({@code POST {base_url}/moderations}), through the same HTTP machinery as
 * the chat models (timeouts, retries, error bodies, redacted keys). Thread-safe.
 */
public final class OpenAiModerations {
  private static final String KEY_VARIABLE = "OPENAI_API_KEY";
  private final ProviderHttp http;

  private OpenAiModerations(ProviderHttp http) {
    this.http = http;
  }

  /** A client of the endpoint {@code endpoint} (its base URL, key and headers). */
  public static OpenAiModerations create(Endpoint endpoint, HttpClient http) {
    return new OpenAiModerations(ProviderHttp.create(http, endpoint));
  }

  /**
   * A client of the endpoint of the {@code Model} resource {@code model} when set, else of {@code baseUrl} (OpenAI's
   * when null) with {@code apiKey} (else {@code OPENAI_API_KEY} read through {@code env}).
   */
  public static OpenAiModerations create(@Nullable ModelDef model, @Nullable String baseUrl, @Nullable String apiKey,
      HttpClient http, Function<String, @Nullable String> env) {
    if (model != null) {
      return create(Endpoint.of(model, KEY_VARIABLE, env), http);
    }
    String key = apiKey != null ? apiKey : env.apply(KEY_VARIABLE);
    return create(new Endpoint("openai", "moderation", null, baseUrl != null ? baseUrl
        : Providers.defaultBaseUrl("openai").orElse(""), key == null || key.isBlank() ? null : Secret.of(key.strip()),
        KEY_VARIABLE, Endpoint.DEFAULT_TIMEOUT, Endpoint.DEFAULT_MAX_RETRIES, Map.of()), http);
  }

  /**
   * Moderates {@code input} with {@code model} ({@code omni-moderation-latest}).
   *
   * @return the first of the answer's {@code results}: {@code flagged}, {@code categories},
   *     {@code category_scores}
   * @throws ModelException when the endpoint cannot be reached or answers with an error
   */
  public JsonNode moderate(String model, String input, Cancellation cancellation) {
    ObjectNode body = Json.MAPPER.createObjectNode().put("model", model).put("input", input);
    Endpoint endpoint = http.endpoint();
    Secret key = endpoint.requireKey();
    Map<String, String> auth = new LinkedHashMap<>();
    auth.put("Authorization", "Bearer " + key.value());
    JsonNode answer = http.send(http.post(endpoint.requireBaseUrl() + "/moderations", body, false, auth),
        cancellation);
    JsonNode result = answer.path("results").path(0);
    if (!result.isObject()) {
      throw ModelException.permanent("the moderation endpoint of " + endpoint.provider() + " answered without results");
    }
    return result;
  }
}
