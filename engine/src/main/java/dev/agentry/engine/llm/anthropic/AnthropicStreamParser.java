package dev.agentry.engine.llm.anthropic;

import dev.agentry.engine.llm.ChatResponse;
import dev.agentry.engine.llm.StreamListener;
import dev.agentry.engine.llm.ToolCall;
import dev.agentry.engine.llm.Usage;
import dev.agentry.engine.llm.http.SseEvent;
import dev.agentry.engine.llm.http.SseParser;
import dev.agentry.engine.llm.http.WireJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Assembles a streamed Messages answer: {@code message_start}, then per content block a start, deltas and a stop,
 * then {@code message_delta} (stop reason, output tokens) and {@code message_stop}.
 *
 * <p>A tool's input arrives as {@code input_json_delta} slices of JSON text, collected per block index. The input of
 * the response-format tool is the answer itself, so its slices also reach the listener as content.
 */
final class AnthropicStreamParser implements SseParser<ChatResponse> {
  private final String provider;
  private final @Nullable String formatTool;
  private final Map<Integer, Block> blocks = new TreeMap<>();
  private final StringBuilder text = new StringBuilder();
  private final StringBuilder thinking = new StringBuilder();
  private boolean sawText;
  private @Nullable String stopReason;
  private Usage usage = Usage.NONE;

  AnthropicStreamParser(String provider, @Nullable String formatTool) {
    this.provider = provider;
    this.formatTool = formatTool;
  }

  @Override
  public boolean onEvent(SseEvent event, StreamListener listener) {
    JsonNode data = WireJson.parse(provider, event.data());
    String type = WireJson.text(data, "type");
    switch (type != null ? type : event.event()) {
      case "message_start" -> usage = AnthropicAnswer.usage(data.path("message").path("usage"), usage);
      case "content_block_start" -> start(data.path("index").asInt(0), data.path("content_block"), listener);
      case "content_block_delta" -> delta(data.path("index").asInt(0), data.path("delta"), listener);
      case "message_delta" -> {
        String reason = WireJson.text(data.path("delta"), "stop_reason");
        stopReason = reason != null ? reason : stopReason;
        usage = AnthropicAnswer.usage(data.path("usage"), usage);
      }
      case "message_stop" -> {
        return true;
      }
      case "error" -> throw AnthropicAnswer.error(provider, data.path("error"));
      default -> { } // ping, content_block_stop, and event types added after this client was written
    }
    return false;
  }

  private void start(int index, JsonNode block, StreamListener listener) {
    String type = block.path("type").asString("");
    Block started = new Block(type, block.path("id").asString(""), block.path("name").asString(""));
    blocks.put(index, started);
    if (type.equals("text")) {
      sawText = true;
      text(block.path("text").asString(""), listener);
    } else if (type.equals("thinking")) {
      started.thinking.append(block.path("thinking").asString(""));
      started.signature.append(block.path("signature").asString(""));
      thinking(block.path("thinking").asString(""), listener);
    } else if (type.equals("redacted_thinking")) {
      started.data = block.path("data").asString("");
    } else if (type.equals("tool_use") && block.path("input").isObject() && !block.path("input").isEmpty()) {
      started.input.append(block.get("input"));
    }
  }

  private void delta(int index, JsonNode delta, StreamListener listener) {
    switch (delta.path("type").asString("")) {
      case "text_delta" -> {
        sawText = true;
        text(delta.path("text").asString(""), listener);
      }
      case "thinking_delta" -> {
        String slice = delta.path("thinking").asString("");
        Block block = blocks.get(index);
        if (block != null) {
          block.thinking.append(slice);
        }
        thinking(slice, listener);
      }
      case "signature_delta" -> {
        Block block = blocks.get(index);
        if (block != null) {
          block.signature.append(delta.path("signature").asString(""));
        }
      }
      case "input_json_delta" -> {
        String slice = delta.path("partial_json").asString("");
        Block block = blocks.computeIfAbsent(index, i -> new Block("tool_use", "", ""));
        block.input.append(slice);
        if (block.isFormat() && !slice.isEmpty()) {
          listener.onContent(slice);
        }
      }
      default -> { } // citations_delta: nothing the port carries
    }
  }

  private void text(String slice, StreamListener listener) {
    if (!slice.isEmpty()) {
      text.append(slice);
      listener.onContent(slice);
    }
  }

  private void thinking(String slice, StreamListener listener) {
    if (!slice.isEmpty()) {
      thinking.append(slice);
      listener.onReasoning(slice);
    }
  }

  @Override
  public boolean completeWithoutEnd() {
    return stopReason != null;
  }

  @Override
  public ChatResponse result() {
    String structured = null;
    List<ToolCall> calls = new ArrayList<>();
    List<JsonNode> signed = new ArrayList<>();
    for (Block block : blocks.values()) {
      if (block.type.equals("thinking")) { // sent back unchanged, signature and all, while tools are called
        signed.add(JsonNodeFactory.instance.objectNode().put("type", "thinking")
            .put("thinking", block.thinking.toString()).put("signature", block.signature.toString()));
      } else if (block.type.equals("redacted_thinking")) {
        signed.add(JsonNodeFactory.instance.objectNode().put("type", "redacted_thinking").put("data", block.data));
      }
      if (!block.type.equals("tool_use")) {
        continue;
      }
      String arguments = block.input.toString().isBlank() ? "{}" : block.input.toString();
      if (block.isFormat() && structured == null) {
        structured = arguments;
      } else {
        calls.add(new ToolCall(block.id, block.name, arguments));
      }
    }
    String content = structured != null ? structured : sawText ? text.toString() : null;
    return new ChatResponse(content, thinking.isEmpty() ? null : thinking.toString(), calls, usage, stopReason, null,
        signed);
  }

  /** One content block being assembled. */
  private final class Block {
    private final String type;
    private final String id;
    private final String name;
    private final StringBuilder input = new StringBuilder();
    private final StringBuilder thinking = new StringBuilder();
    private final StringBuilder signature = new StringBuilder();
    private String data = "";

    Block(String type, String id, String name) {
      this.type = type;
      this.id = id;
      this.name = name;
    }

    boolean isFormat() {
      return type.equals("tool_use") && name.equals(formatTool);
    }
  }
}
