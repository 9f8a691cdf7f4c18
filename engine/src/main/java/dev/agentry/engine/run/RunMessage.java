package dev.agentry.engine.run;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.agentry.engine.event.Metrics;
import dev.agentry.engine.llm.Message;
import org.jspecify.annotations.Nullable;

/**
 * A message of a run's conversation as stored in {@link RunOutput#messages()}: the model message plus when it was
 * written, whether it was replayed from history, (for assistant messages) the metrics of the call that wrote it, and
 * (for a tool result that was compressed, {@code compress_tool_results}) the short form the model reads instead.
 */
public record RunMessage(Message message, long createdAt, boolean fromHistory, @Nullable Metrics metrics,
    @Nullable String compressedContent) {
  @JsonCreator
  public RunMessage {}

  public RunMessage(Message message, long createdAt, boolean fromHistory, @Nullable Metrics metrics) {
    this(message, createdAt, fromHistory, metrics, null);
  }

  public static RunMessage of(Message message, long createdAt) {
    return new RunMessage(message, createdAt, false, null);
  }

  /** The message as the model reads it: a compressed tool result in its short form, as Agno sends it. */
  public Message forModel() {
    if (compressedContent == null) {
      return message;
    }
    Message m = message;
    return new Message(m.role(), compressedContent, m.reasoningContent(), m.toolCalls(), m.toolCallId(), m.toolName(),
        m.toolError(), m.images(), m.audio(), m.videos(), m.files());
  }

  /** This message with its compressed form. */
  RunMessage compressed(String text) {
    return new RunMessage(message, createdAt, fromHistory, metrics, text);
  }
}
