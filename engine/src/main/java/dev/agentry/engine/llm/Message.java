package dev.agentry.engine.llm;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One message of a conversation sent to or received from a model.
 *
 * @param content the text; null for an assistant message that only calls tools
 * @param reasoningContent the model's reasoning, when the provider returns it (never sent back to the model)
 * @param toolCalls the calls an assistant message asks for; empty otherwise
 * @param toolCallId for a tool message: the call it answers
 * @param toolName for a tool message: the function that produced it
 * @param toolError for a tool message: true when the content is an error the model should react to
 */
public record Message(
    Role role,
    @Nullable String content,
    @Nullable String reasoningContent,
    List<ToolCall> toolCalls,
    @Nullable String toolCallId,
    @Nullable String toolName,
    boolean toolError) {
  public Message {
    toolCalls = List.copyOf(toolCalls);
  }

  public static Message system(String content) {
    return new Message(Role.SYSTEM, content, null, List.of(), null, null, false);
  }

  public static Message user(String content) {
    return new Message(Role.USER, content, null, List.of(), null, null, false);
  }

  public static Message assistant(@Nullable String content, @Nullable String reasoning, List<ToolCall> toolCalls) {
    return new Message(Role.ASSISTANT, content, reasoning, toolCalls, null, null, false);
  }

  /** The result of one tool call, or its error when {@code error} is true. */
  public static Message tool(ToolCall call, String content, boolean error) {
    return new Message(Role.TOOL, content, null, List.of(), call.id(), call.name(), error);
  }
}
