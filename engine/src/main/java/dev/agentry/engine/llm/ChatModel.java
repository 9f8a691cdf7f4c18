package dev.agentry.engine.llm;

/**
 * A model the engine can call: one provider's wire format, bound to one model id and its settings.
 *
 * <p>Implementations are thread-safe and shared by every run of a catalog. {@link #chat} blocks until the answer is
 * complete; when the request streams, deltas reach the listener first. Provider-level retries (429, 5xx, honouring
 * {@code Retry-After}, up to the model's {@code max_retries}) happen inside; what is left is thrown as
 * {@link ModelException}. A cancelled request ends promptly with {@link ModelException} whose
 * {@link ModelException#cancelled()} is true.
 */
public interface ChatModel {
  /** The provider name as written in specs ("openai", "anthropic", "scripted", "ollama", ...). */
  String provider();

  /** The provider's model id. */
  String id();

  /** Sends the request and returns the whole answer. */
  ChatResponse chat(ChatRequest request, StreamListener listener);
}
