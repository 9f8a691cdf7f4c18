package dev.agentry.engine.llm.openai;

import dev.agentry.engine.llm.http.Endpoint;
import dev.agentry.engine.model.ModelDef;
import dev.agentry.engine.spec.ModelSpec;
import dev.agentry.engine.spec.Secret;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The URL and headers of an OpenAI-format request (chat completions, embeddings), for OpenAI, Azure OpenAI and the
 * compatible servers: one place for the Azure deployment path and the key header.
 */
public final class OpenAiEndpoints {
  /** The Azure OpenAI API version used when the Model resource sets none. */
  public static final String AZURE_DEFAULT_API_VERSION = "2024-10-21";

  private OpenAiEndpoints() {}

  /**
   * The URL of {@code operation} ({@code chat/completions}, {@code embeddings}): under the base URL, or for Azure
   * under the model's deployment with the API version.
   */
  public static String url(ModelDef model, Endpoint endpoint, String operation) {
    String baseUrl = endpoint.requireBaseUrl();
    if (!isAzure(model)) {
      return baseUrl + "/" + operation;
    }
    ModelSpec spec = model.spec();
    String version = spec != null && spec.apiVersion() != null ? spec.apiVersion() : AZURE_DEFAULT_API_VERSION;
    return baseUrl + "/openai/deployments/" + encode(model.modelId()) + "/" + operation + "?api-version="
        + encode(version);
  }

  /**
   * The key header ({@code Authorization: Bearer} or Azure's {@code api-key}) and the organization header. A provider
   * with a key variable cannot work without a key: say so before the provider answers 401.
   */
  public static Map<String, String> headers(ModelDef model, Endpoint endpoint) {
    Secret key = endpoint.keyVariable() != null ? endpoint.requireKey() : endpoint.apiKey();
    Map<String, String> headers = new LinkedHashMap<>();
    if (key != null) {
      headers.put(isAzure(model) ? "api-key" : "Authorization", isAzure(model) ? key.value() : "Bearer " + key.value());
    }
    ModelSpec spec = model.spec();
    if (spec != null && spec.organization() != null) {
      headers.put("OpenAI-Organization", spec.organization());
    }
    return headers;
  }

  public static boolean isAzure(ModelDef model) {
    return model.provider().equals("azure");
  }

  private static String encode(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
