package dev.agentry.engine.llm.anthropic;

import dev.agentry.engine.llm.ChatModel;
import dev.agentry.engine.llm.ChatRequest;
import dev.agentry.engine.llm.ChatResponse;
import dev.agentry.engine.llm.ModelException;
import dev.agentry.engine.llm.ResponseFormat;
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
 * A {@link dev.agentry.engine.llm.ChatModel} speaking Anthropic's Messages API ({@code POST {base_url}/v1/messages}).
 *
 * <p>A structured answer ({@link ChatRequest#responseFormat()}) is asked for the way Anthropic recommends: as a
 * tool named after the format whose input schema is the answer's schema; the input the model writes for it comes
 * back as the response's {@code content}, never as a tool call. Anthropic has no JSON mode: a format in JSON mode
 * ({@link ResponseFormat#jsonMode()}) asks for nothing, the schema being in the prompt. Thread-safe.
 */
public final class AnthropicChatModel implements ChatModel {
  /** The {@code anthropic-version} header: the API version this client speaks. */
  public static final String API_VERSION = "2023-06-01";
  /** The variable holding the key of an inline {@code anthropic:...} model. */
  public static final String KEY_VARIABLE = "ANTHROPIC_API_KEY";

  private final ModelDef model;
  private final ProviderHttp http;

  private AnthropicChatModel(ModelDef model, ProviderHttp http) {
    this.model = model;
    this.http = http;
  }

  /** Creates the client of {@code model}; matches {@link dev.agentry.engine.llm.ChatModelFactory}. */
  public static AnthropicChatModel create(ModelDef model, HttpClient http, Function<String, @Nullable String> env) {
    return new AnthropicChatModel(model, ProviderHttp.create(http, Endpoint.of(model, KEY_VARIABLE, env)));
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
    Endpoint endpoint = http.endpoint();
    JsonNode body = AnthropicRequestBody.of(model, request);
    Map<String, String> auth = Map.of("x-api-key", endpoint.requireKey().value(), "anthropic-version", API_VERSION);
    HttpRequest httpRequest = http.post(endpoint.requireBaseUrl() + "/v1/messages", body, request.stream(), auth);
    ResponseFormat format = enforced(request);
    String formatTool = format == null ? null : format.name();
    if (request.stream()) {
      return http.stream(httpRequest, request.cancellation(), listener,
          () -> new AnthropicStreamParser(provider(), formatTool));
    }
    return AnthropicAnswer.read(provider(), http.send(httpRequest, request.cancellation()), formatTool);
  }

  /** The response format to enforce through the answer tool: none in JSON mode. */
  static @Nullable ResponseFormat enforced(ChatRequest request) {
    ResponseFormat format = request.responseFormat();
    return format == null || format.jsonMode() ? null : format;
  }
}
