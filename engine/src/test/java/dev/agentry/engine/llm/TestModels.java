package dev.agentry.engine.llm;

import dev.agentry.engine.model.ModelDef;
import dev.agentry.engine.spec.ModelSpec;
import dev.agentry.engine.spec.Secret;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A builder of a {@code Model} resource's {@link ModelDef} for provider tests, since {@link ModelSpec} has a
 * component for every YAML key; unset settings stay null, as when their key is absent.
 */
public final class TestModels {
  /** One client for every test, as the engine shares one. */
  public static final HttpClient HTTP = HttpClient.newHttpClient();

  private @Nullable String baseUrl;
  private @Nullable String apiKey;
  private @Nullable String apiVersion;
  private @Nullable String organization;
  private @Nullable Double temperature;
  private @Nullable Integer maxTokens;
  private @Nullable Double topP;
  private @Nullable List<String> stop;
  private @Nullable Integer seed;
  private @Nullable Integer timeoutSeconds;
  private @Nullable Integer maxRetries;
  private @Nullable Map<String, String> headers;
  private @Nullable Map<String, Object> requestParams;
  private @Nullable String reasoningEffort;
  private dev.agentry.engine.spec.ModelSpec.@Nullable Thinking thinking;
  private @Nullable List<String> inputMedia;

  private TestModels() {}

  /** Settings for a model served by {@code stub} with key {@code apiKey}. */
  public static TestModels at(StubProvider stub, @Nullable String apiKey) {
    TestModels models = new TestModels();
    models.baseUrl = stub.baseUrl();
    models.apiKey = apiKey;
    return models;
  }

  /** Settings with nothing set, not even base_url. */
  public static TestModels none() {
    return new TestModels();
  }

  /** The model of a {@code Model} resource named {@code name}. */
  public ModelDef resource(String name, String provider, String id) {
    return new ModelDef(name, provider, id, new ModelSpec(provider, id, baseUrl,
        apiKey == null ? null : Secret.of(apiKey), apiVersion, organization, temperature, maxTokens, topP, stop, seed,
        timeoutSeconds, maxRetries, headers, requestParams, reasoningEffort, thinking, inputMedia, null));
  }

  public TestModels apiVersion(String value) {
    apiVersion = value;
    return this;
  }

  public TestModels organization(String value) {
    organization = value;
    return this;
  }

  public TestModels temperature(double value) {
    temperature = value;
    return this;
  }

  public TestModels maxTokens(int value) {
    maxTokens = value;
    return this;
  }

  public TestModels topP(double value) {
    topP = value;
    return this;
  }

  public TestModels stop(String... values) {
    stop = List.of(values);
    return this;
  }

  public TestModels seed(int value) {
    seed = value;
    return this;
  }

  public TestModels timeoutSeconds(int value) {
    timeoutSeconds = value;
    return this;
  }

  public TestModels maxRetries(int value) {
    maxRetries = value;
    return this;
  }

  public TestModels headers(Map<String, String> value) {
    headers = value;
    return this;
  }

  public TestModels requestParams(Map<String, Object> value) {
    requestParams = value;
    return this;
  }

  public TestModels inputMedia(String... kinds) {
    inputMedia = List.of(kinds);
    return this;
  }

  /** Anthropic extended thinking with {@code budget} tokens. */
  public TestModels thinking(int budget) {
    thinking = new dev.agentry.engine.spec.ModelSpec.Thinking("enabled", budget);
    return this;
  }

  public TestModels reasoningEffort(String value) {
    reasoningEffort = value;
    return this;
  }
}
