package dev.agentry.server.http.dto;

import dev.agentry.engine.event.Metrics;
import dev.agentry.engine.llm.Message;
import dev.agentry.engine.llm.Role;
import dev.agentry.engine.llm.ToolCall;
import dev.agentry.engine.run.RunMessage;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One message of a session's {@code chat_history} as Agno's {@code Message.to_dict()} writes it: role, content,
 * OpenAI-style {@code tool_calls}, and {@code created_at} in epoch seconds.
 */
public record ChatMessage(
    String role,
    @Nullable String content,
    @Nullable String reasoningContent,
    @Nullable List<Call> toolCalls,
    @Nullable String toolCallId,
    @Nullable String toolName,
    @Nullable Boolean toolCallError,
    boolean fromHistory,
    boolean stopAfterToolCall,
    @Nullable Metrics metrics,
    long createdAt) {

  public static ChatMessage of(RunMessage stored) {
    Message m = stored.message();
    List<Call> calls = m.toolCalls().isEmpty() ? null : m.toolCalls().stream().map(Call::of).toList();
    return new ChatMessage(m.role().wireName(), m.content(), m.reasoningContent(), calls, m.toolCallId(),
        m.toolName(), m.role() == Role.TOOL ? m.toolError() : null, stored.fromHistory(), false, stored.metrics(),
        stored.createdAt());
  }

  /** A tool call in OpenAI's shape: {@code {"id", "type": "function", "function": {"name", "arguments"}}}. */
  public record Call(String id, String type, Function function) {
    static Call of(ToolCall call) {
      return new Call(call.id(), "function", new Function(call.name(), call.arguments()));
    }
  }

  /** The function a tool call names, with its arguments as JSON text. */
  public record Function(String name, String arguments) {}
}
