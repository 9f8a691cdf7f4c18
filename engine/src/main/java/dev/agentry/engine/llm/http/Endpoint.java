package dev.agentry.engine.llm.http;

import dev.agentry.engine.llm.ModelException;
import dev.agentry.engine.model.ModelDef;
import dev.agentry.engine.model.Providers;
import dev.agentry.engine.spec.ModelSpec;
import dev.agentry.engine.spec.Secret;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Where and how one model is reached: its provider, base URL, API key and the connection settings of its
 * {@code Model} resource with the schema's defaults applied.
 *
 * @param resource the {@code Model} resource the settings came from, or null for an inline {@code provider:id}
 * @param baseUrl the API's base URL without a trailing slash; empty when neither the spec nor the provider has one
 * @param apiKey the key from {@code api_key}, else from {@code keyVariable}; null when neither is set
 * @param keyVariable the environment variable holding the provider's key by convention, or null for servers that
 *     need none (ollama, vllm, lmstudio)
 * @param timeout implements {@code schemas/model.schema.json#/properties/spec/properties/timeout_seconds}
 * @param maxRetries implements {@code schemas/model.schema.json#/properties/spec/properties/max_retries}
 * @param headers the extra {@code headers} sent with each request
 */
public record Endpoint(
    String provider,
    String modelId,
    @Nullable String resource,
    String baseUrl,
    @Nullable Secret apiKey,
    @Nullable String keyVariable,
    Duration timeout,
    int maxRetries,
    Map<String, String> headers) {
  /** The schema's default {@code timeout_seconds}. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
  /** The schema's default {@code max_retries}. */
  public static final int DEFAULT_MAX_RETRIES = 2;

  public Endpoint {
    baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    headers = Map.copyOf(headers);
  }

  /** The endpoint of a compiled model; reads {@code keyVariable} through {@code env} when the spec sets no key. */
  public static Endpoint of(ModelDef model, @Nullable String keyVariable, Function<String, @Nullable String> env) {
    ModelSpec spec = model.spec();
    String baseUrl = spec != null && spec.baseUrl() != null && !spec.baseUrl().isBlank()
        ? spec.baseUrl().strip()
        : Providers.defaultBaseUrl(model.provider()).orElse("");
    Secret key = spec != null && spec.apiKey() != null && !spec.apiKey().value().isBlank() ? spec.apiKey() : null;
    if (key == null && keyVariable != null) {
      String fromEnv = env.apply(keyVariable);
      key = fromEnv == null || fromEnv.isBlank() ? null : Secret.of(fromEnv.strip());
    }
    Integer seconds = spec == null ? null : spec.timeoutSeconds();
    Integer retries = spec == null ? null : spec.maxRetries();
    Map<String, String> headers = spec == null || spec.headers() == null ? Map.of() : spec.headers();
    return new Endpoint(model.provider(), model.modelId(), model.resource(), baseUrl, key, keyVariable,
        seconds == null ? DEFAULT_TIMEOUT : Duration.ofSeconds(seconds),
        retries == null ? DEFAULT_MAX_RETRIES : retries, headers);
  }

  /** The API key, or a permanent {@link ModelException} telling the user where to set it. */
  /** The base URL; throws naming the setting to fill in when the provider has no default. */
  public String requireBaseUrl() {
    if (baseUrl.isEmpty()) {
      throw ModelException.permanent("provider " + provider + " has no default URL: set " + setting("base_url"));
    }
    return baseUrl;
  }

  public Secret requireKey() {
    if (apiKey == null) {
      throw ModelException.permanent("missing API key for provider " + provider + ": " + keyHint());
    }
    return apiKey;
  }

  /**
   * Tells the user where the key goes: "set OPENAI_API_KEY" for an inline model, "set api_key in Model resource
   * fast" for a resource (the one place that fixes it whatever the environment holds).
   */
  public String keyHint() {
    if (resource != null) {
      return "set api_key in Model resource " + resource;
    }
    return keyVariable == null ? "set api_key in a Model resource" : "set " + keyVariable;
  }

  /**
   * Where the user changes {@code setting}, for messages: "timeout_seconds of Model resource fast", or for an inline
   * model (which has no settings) "timeout_seconds in a Model resource (inline 'openai:gpt-4o-mini' uses defaults)".
   */
  public String setting(String setting) {
    return resource != null
        ? setting + " of Model resource " + resource
        : setting + " in a Model resource (inline '" + provider + ":" + modelId + "' uses defaults)";
  }

  /** {@code message} with the API key replaced, so that a provider echoing it back cannot leak it. */
  public String redact(String message) {
    if (apiKey == null || apiKey.value().length() < 4) {
      return message;
    }
    return message.replace(apiKey.value(), "******");
  }
}
