package dev.agentry.engine.llm.anthropic;

import dev.agentry.engine.llm.ChatResponse;
import dev.agentry.engine.llm.ModelException;
import dev.agentry.engine.llm.ToolCall;
import dev.agentry.engine.llm.Usage;
import dev.agentry.engine.llm.http.WireJson;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Reads a non-streamed Messages answer, and the parts a streamed one shares with it (usage, errors). */
final class AnthropicAnswer {
  private AnthropicAnswer() {}

  /**
   * The answer of a {@code message} body.
   *
   * @param formatTool the name of the response-format tool, whose input is the answer's content; null for none
   */
  static ChatResponse read(String provider, JsonNode root, @Nullable String formatTool) {
    if ("error".equals(WireJson.text(root, "type"))) {
      throw error(provider, root.path("error"));
    }
    JsonNode blocks = root.get("content");
    if (blocks == null || !blocks.isArray()) {
      throw ModelException.permanent("provider " + provider + " returned an unreadable answer: no content in '"
          + WireJson.snippet(root.toString()) + "'");
    }
    StringBuilder text = new StringBuilder();
    StringBuilder thinking = new StringBuilder();
    boolean sawText = false;
    String structured = null;
    List<ToolCall> calls = new ArrayList<>();
    List<JsonNode> signed = new ArrayList<>();
    for (JsonNode block : blocks) {
      switch (String.valueOf(WireJson.text(block, "type"))) {
        case "text" -> {
          sawText = true;
          text.append(block.path("text").asString(""));
        }
        case "thinking" -> {
          thinking.append(block.path("thinking").asString(""));
          signed.add(block); // sent back unchanged, signature and all, while tools are called
        }
        case "redacted_thinking" -> signed.add(block);
        case "tool_use" -> {
          String name = block.path("name").asString("");
          JsonNode input = block.get("input");
          String arguments = input == null || input.isNull() ? "{}" : input.toString();
          if (name.equals(formatTool) && structured == null) {
            structured = arguments;
          } else {
            calls.add(new ToolCall(block.path("id").asString(""), name, arguments));
          }
        }
        default -> { } // server tool blocks: nothing the port carries
      }
    }
    String content = structured != null ? structured : sawText ? text.toString() : null;
    return new ChatResponse(content, thinking.isEmpty() ? null : thinking.toString(), calls,
        usage(root.path("usage"), Usage.NONE), WireJson.text(root, "stop_reason"), null, signed);
  }

  /**
   * {@code usage} over {@code before}: every field the object has replaces the earlier count (stream events carry
   * running totals); input excludes the cache tokens, as Anthropic counts them.
   */
  static Usage usage(JsonNode usage, Usage before) {
    if (!usage.isObject()) {
      return before;
    }
    long input = usage.has("input_tokens") ? WireJson.count(usage, "input_tokens") : before.inputTokens();
    long output = usage.has("output_tokens") ? WireJson.count(usage, "output_tokens") : before.outputTokens();
    long cacheRead = usage.has("cache_read_input_tokens")
        ? WireJson.count(usage, "cache_read_input_tokens") : before.cacheReadTokens();
    long cacheWrite = usage.has("cache_creation_input_tokens")
        ? WireJson.count(usage, "cache_creation_input_tokens") : before.cacheWriteTokens();
    return new Usage(input, output, input + output, cacheRead, cacheWrite, 0);
  }

  /** An {@code error} object of a body or stream; overload, rate limit and server errors may be retried. */
  static ModelException error(String provider, JsonNode error) {
    String type = error.path("type").asString("error");
    String message = error.path("message").asString("no message");
    int status = switch (type) {
      case "overloaded_error" -> 529;
      case "rate_limit_error" -> 429;
      case "api_error", "timeout_error" -> 500;
      default -> 0;
    };
    return new ModelException("provider " + provider + " reported " + type + ": " + WireJson.snippet(message, 600),
        status != 0, status, null, null);
  }
}
