package dev.agentry.engine.llm;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What one model call produced, assembled from the whole stream.
 *
 * @param content the answer text; null when the model only called tools
 * @param reasoningContent the reasoning, when the provider returns it
 * @param toolCalls the function calls, in the order the model made them
 * @param usage the tokens the provider reported
 * @param finishReason the provider's stop reason as it wrote it ("stop", "tool_calls", "end_turn", "length", ...)
 * @param refusal the model's refusal text, when it refused (OpenAI {@code refusal})
 */
public record ChatResponse(
    @Nullable String content,
    @Nullable String reasoningContent,
    List<ToolCall> toolCalls,
    Usage usage,
    @Nullable String finishReason,
    @Nullable String refusal) {
  public ChatResponse {
    toolCalls = List.copyOf(toolCalls);
  }

  /** The assistant message to append to the conversation. */
  public Message toMessage() {
    return Message.assistant(content, reasoningContent, toolCalls);
  }
}
