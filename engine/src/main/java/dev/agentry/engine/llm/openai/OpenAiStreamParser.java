package dev.agentry.engine.llm.openai;

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

/**
 * Assembles a streamed Chat Completions answer from its {@code chat.completion.chunk} events.
 *
 * <p>Tool calls arrive in pieces keyed by {@code index}: the first piece of a call carries its id and name, the
 * following ones only slices of the arguments, and the pieces of parallel calls may interleave. Usage comes in a last
 * chunk with empty {@code choices} (we ask for it with {@code stream_options.include_usage}); {@code [DONE]} ends.
 */
final class OpenAiStreamParser implements SseParser<ChatResponse> {
  private final String provider;
  private final StringBuilder content = new StringBuilder();
  private final StringBuilder reasoning = new StringBuilder();
  private final StringBuilder refusal = new StringBuilder();
  private final Map<Integer, PartialCall> calls = new TreeMap<>();
  private boolean sawContent;
  private @Nullable String finishReason;
  private Usage usage = Usage.NONE;

  OpenAiStreamParser(String provider) {
    this.provider = provider;
  }

  @Override
  public boolean onEvent(SseEvent event, StreamListener listener) {
    String data = event.data().strip();
    if (data.equals("[DONE]")) {
      return true;
    }
    JsonNode chunk = WireJson.parse(provider, data);
    if (chunk.hasNonNull("error")) {
      throw OpenAiAnswer.error(provider, chunk);
    }
    if (chunk.path("usage").isObject()) {
      usage = OpenAiAnswer.usage(chunk.get("usage"));
    } else if (chunk.path("x_groq").path("usage").isObject()) {
      usage = OpenAiAnswer.usage(chunk.path("x_groq").get("usage"));
    }
    for (JsonNode choice : chunk.path("choices")) {
      // We never ask for n > 1; a server that sends more choices gets its first one read.
      if (choice.path("index").asInt(0) == 0) {
        delta(choice.path("delta"), listener);
        String finish = WireJson.text(choice, "finish_reason");
        finishReason = finish != null ? finish : finishReason;
      }
    }
    return false;
  }

  private void delta(JsonNode delta, StreamListener listener) {
    String text = WireJson.text(delta, "content");
    if (text != null) {
      sawContent = true;
      content.append(text);
      if (!text.isEmpty()) {
        listener.onContent(text);
      }
    }
    // DeepSeek and vLLM write reasoning_content; OpenRouter and newer servers write reasoning.
    String thought = WireJson.text(delta, "reasoning_content");
    thought = thought != null ? thought : WireJson.text(delta, "reasoning");
    if (thought != null && !thought.isEmpty()) {
      reasoning.append(thought);
      listener.onReasoning(thought);
    }
    String refused = WireJson.text(delta, "refusal");
    if (refused != null) {
      refusal.append(refused);
    }
    for (JsonNode piece : delta.path("tool_calls")) {
      int index = piece.path("index").isNumber() ? piece.get("index").asInt() : calls.size();
      calls.computeIfAbsent(index, i -> new PartialCall()).add(piece, index);
    }
  }

  @Override
  public boolean completeWithoutEnd() {
    return finishReason != null;
  }

  @Override
  public ChatResponse result() {
    List<ToolCall> done = new ArrayList<>(calls.size());
    calls.values().forEach(call -> done.add(call.toToolCall()));
    boolean noText = content.isEmpty() && (!sawContent || !done.isEmpty() || !refusal.isEmpty());
    return new ChatResponse(noText ? null : content.toString(), reasoning.isEmpty() ? null : reasoning.toString(),
        done, usage, finishReason, refusal.isEmpty() ? null : refusal.toString());
  }

  /** One tool call being assembled from its pieces. */
  private static final class PartialCall {
    private @Nullable String id;
    private String name = "";
    private final StringBuilder arguments = new StringBuilder();
    private int index;

    void add(JsonNode piece, int at) {
      index = at;
      String pieceId = WireJson.text(piece, "id");
      // Only the first piece has id and name; some servers repeat them, which must not double them.
      if (id == null && pieceId != null && !pieceId.isEmpty()) {
        id = pieceId;
      }
      JsonNode function = piece.path("function");
      String pieceName = WireJson.text(function, "name");
      if (name.isEmpty() && pieceName != null) {
        name = pieceName;
      }
      JsonNode args = function.get("arguments");
      if (args != null && args.isString()) {
        arguments.append(args.asString());
      } else if (args != null && args.isObject()) {
        arguments.setLength(0);
        arguments.append(args);
      }
    }

    ToolCall toToolCall() {
      return new ToolCall(id == null ? "call_" + index : id, name,
          arguments.toString().isBlank() ? "{}" : arguments.toString());
    }
  }
}
