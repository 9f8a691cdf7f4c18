package dev.agentry.engine.llm;

/**
 * Receives a streamed answer as it arrives. Called on the thread that called {@link ChatModel#chat}; must not block.
 */
public interface StreamListener {
  /** A listener that ignores every delta. */
  StreamListener NONE = new StreamListener() {};

  /** A piece of the answer text. */
  default void onContent(String delta) {}

  /** A piece of the model's reasoning. */
  default void onReasoning(String delta) {}
}
