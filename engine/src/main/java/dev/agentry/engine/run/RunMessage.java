package dev.agentry.engine.run;

import dev.agentry.engine.event.Metrics;
import dev.agentry.engine.llm.Message;
import org.jspecify.annotations.Nullable;

/**
 * A message of a run's conversation as stored in {@link RunOutput#messages()}: the model message plus when it was
 * written, whether it was replayed from history, and (for assistant messages) the metrics of the call that wrote it.
 */
public record RunMessage(Message message, long createdAt, boolean fromHistory, @Nullable Metrics metrics) {
  public static RunMessage of(Message message, long createdAt) {
    return new RunMessage(message, createdAt, false, null);
  }
}
