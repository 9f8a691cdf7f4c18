package dev.agentry.engine.llm.openai;

import dev.agentry.engine.llm.ChatResponse;
import dev.agentry.engine.llm.ModelException;
import dev.agentry.engine.llm.ToolCall;
import dev.agentry.engine.llm.Usage;
import dev.agentry.engine.llm.http.WireJson;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Reads a non-streamed Chat Completions answer, and the parts a streamed one shares with it (usage, errors). */
final class OpenAiAnswer {
  private OpenAiAnswer() {}

  static ChatResponse read(String provider, JsonNode root) {
    JsonNode choices = root.get("choices");
    if (choices == null || !choices.isArray() || choices.isEmpty()) {
      if (root.hasNonNull("error")) {
        throw error(provider, root);
      }
      throw ModelException.permanent("provider " + provider + " returned an unreadable answer: no choices in '"
          + WireJson.snippet(root.toString()) + "'");
    }
    JsonNode choice = choices.get(0);
    JsonNode message = choice.path("message");
    List<ToolCall> calls = new ArrayList<>();
    JsonNode toolCalls = message.path("tool_calls");
    for (int i = 0; i < toolCalls.size(); i++) {
      JsonNode call = toolCalls.get(i);
      JsonNode function = call.path("function");
      String id = WireJson.text(call, "id");
      String name = WireJson.text(function, "name");
      calls.add(new ToolCall(id == null ? "call_" + i : id, name == null ? "" : name,
          arguments(function.get("arguments"))));
    }
    String reasoning = WireJson.text(message, "reasoning_content");
    return new ChatResponse(
        WireJson.text(message, "content"),
        reasoning != null ? reasoning : WireJson.text(message, "reasoning"),
        calls,
        usage(root.get("usage")),
        WireJson.text(choice, "finish_reason"),
        WireJson.text(message, "refusal"));
  }

  /** The usage object of an answer or of the last stream chunk; {@link Usage#NONE} when absent. */
  static Usage usage(@Nullable JsonNode usage) {
    if (usage == null || !usage.isObject()) {
      return Usage.NONE;
    }
    long input = WireJson.count(usage, "prompt_tokens");
    long output = WireJson.count(usage, "completion_tokens");
    long total = WireJson.count(usage, "total_tokens");
    return new Usage(input, output, total == 0 ? input + output : total,
        WireJson.count(usage.path("prompt_tokens_details"), "cached_tokens"), 0,
        WireJson.count(usage.path("completion_tokens_details"), "reasoning_tokens"));
  }

  /** Arguments as JSON text: a string as sent, an object (some compatible servers) re-serialized, "{}" for none. */
  static String arguments(@Nullable JsonNode arguments) {
    if (arguments == null || arguments.isNull()) {
      return "{}";
    }
    String text = arguments.isString() ? arguments.asString() : arguments.toString();
    return text.isBlank() ? "{}" : text;
  }

  /** An error the provider sent with a 200 status or inside a stream; server-side ones may be retried. */
  static ModelException error(String provider, JsonNode root) {
    JsonNode error = root.path("error");
    String said = WireJson.errorMessage(root);
    String type = String.valueOf(WireJson.text(error, "type")) + " " + error.path("code").asString("");
    boolean retryable = type.contains("server_error") || type.contains("rate_limit") || type.contains("overloaded");
    return new ModelException("provider " + provider + " reported an error: "
        + (said == null ? WireJson.snippet(root.toString()) : WireJson.snippet(said, 600)), retryable, 0, null, null);
  }
}
