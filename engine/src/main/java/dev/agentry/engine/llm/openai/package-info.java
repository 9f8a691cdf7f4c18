/**
 * The client of OpenAI's Chat Completions wire format, which also serves Azure OpenAI and the OpenAI-compatible
 * servers (ollama, openrouter, groq, deepseek, together, vllm, lmstudio):
 * {@link dev.agentry.engine.llm.openai.OpenAiChatModel}.
 *
 * <p>Does not belong here: retries, timeouts, cancellation and HTTP error messages (shared in {@code llm.http}),
 * the Responses API, and anything of another provider's format.
 */
@NullMarked
package dev.agentry.engine.llm.openai;

import org.jspecify.annotations.NullMarked;
