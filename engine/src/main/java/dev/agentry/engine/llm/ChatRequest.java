package dev.agentry.engine.llm;

import dev.agentry.engine.tool.ToolDefinition;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One call to a model: the conversation so far and what the model may do next. Sampling settings (temperature,
 * max_tokens, ...) belong to the {@link ChatModel}, which was built from the {@code Model} resource.
 *
 * @param tools the functions the model may call; empty for none
 * @param toolChoice null (provider default), or Agno's {@code tool_choice}: "none", "auto", "required", or
 *     {@code {type: function, function: {name: X}}}
 * @param responseFormat the schema of a structured final answer, or null for free text
 * @param stream true to receive deltas through the {@link StreamListener} as they arrive
 * @param cancellation aborts the call when the run is cancelled
 */
public record ChatRequest(
    List<Message> messages,
    List<ToolDefinition> tools,
    @Nullable JsonNode toolChoice,
    @Nullable ResponseFormat responseFormat,
    boolean stream,
    Cancellation cancellation) {
  public ChatRequest {
    messages = List.copyOf(messages);
    tools = List.copyOf(tools);
  }

  /** A plain streamed request with no tools, for tests and simple callers. */
  public static ChatRequest of(List<Message> messages) {
    return new ChatRequest(messages, List.of(), null, null, true, Cancellation.NONE);
  }
}
