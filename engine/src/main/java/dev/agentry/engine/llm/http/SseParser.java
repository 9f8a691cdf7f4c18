package dev.agentry.engine.llm.http;

import dev.agentry.engine.llm.StreamListener;

/**
 * A provider's assembler of one streamed answer: it receives the events in order, passes deltas to the listener
 * and builds the whole answer. {@link ProviderHttp#stream} makes a fresh one for every attempt.
 *
 * <p>Throws {@link dev.agentry.engine.llm.ModelException} for an error the provider reports inside the stream; a
 * retryable one is retried when no delta has reached the listener yet.
 *
 * @param <T> the assembled answer
 */
public interface SseParser<T> {
  /** Handles one event; returns true when it is the provider's end-of-answer event. */
  boolean onEvent(SseEvent event, StreamListener listener);

  /**
   * True when the body may end without the end-of-answer event because the answer is already complete (some
   * OpenAI-compatible servers omit {@code [DONE]} after the finish reason). False means the connection was cut.
   */
  default boolean completeWithoutEnd() {
    return false;
  }

  /** The assembled answer; called once, after the last event. */
  T result();
}
