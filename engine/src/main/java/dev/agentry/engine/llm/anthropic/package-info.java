/**
 * The client of Anthropic's Messages API: {@link dev.agentry.engine.llm.anthropic.AnthropicChatModel}.
 *
 * <p>Does not belong here: retries, timeouts, cancellation and HTTP error messages (shared in {@code llm.http}),
 * Anthropic's beta features (reach them with {@code headers} and {@code request_params}), and anything of another
 * provider's format.
 */
@NullMarked
package dev.agentry.engine.llm.anthropic;

import org.jspecify.annotations.NullMarked;
