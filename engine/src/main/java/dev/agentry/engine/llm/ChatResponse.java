package dev.agentry.engine.llm;

import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What one model call produced, assembled from the whole stream.
 *
 * @param content the answer text; null when the model only called tools
 * @param reasoningContent the reasoning, when the provider returns it
 * @param toolCalls the function calls, in the order the model made them
 * @param usage the tokens the provider reported
 * @param finishReason the provider's stop reason as it wrote it ("stop", "tool_calls", "end_turn", "length", ...)
 * @param refusal the model's refusal text, when it refused (OpenAI {@code refusal})
 * @param thinkingBlocks the signed thinking blocks to send back with the answer (Anthropic extended thinking)
 */
public record ChatResponse(
    @Nullable String content,
    @Nullable String reasoningContent,
    List<ToolCall> toolCalls,
    Usage usage,
    @Nullable String finishReason,
    @Nullable String refusal,
    List<JsonNode> thinkingBlocks) {
  public ChatResponse {
    toolCalls = List.copyOf(toolCalls);
    thinkingBlocks = List.copyOf(thinkingBlocks);
  }

  /** An answer without thinking blocks. */
  public ChatResponse(@Nullable String content, @Nullable String reasoningContent, List<ToolCall> toolCalls,
      Usage usage, @Nullable String finishReason, @Nullable String refusal) {
    this(content, reasoningContent, toolCalls, usage, finishReason, refusal, List.of());
  }

  /** The assistant message to append to the conversation. */
  public Message toMessage() {
    return Message.assistant(content, reasoningContent, toolCalls, thinkingBlocks);
  }
}
