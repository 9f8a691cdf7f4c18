/**
 * The HTTP plumbing the provider clients share: sending a request with timeouts, retries and cancellation
 * ({@link dev.agentry.engine.llm.http.ProviderHttp}), reading server-sent events
 * ({@link dev.agentry.engine.llm.http.SseReader}) and turning HTTP failures into clear
 * {@link dev.agentry.engine.llm.ModelException}s.
 *
 * <p>Does not belong here: any provider's wire format (request bodies, answer parsing, stream assembly live in
 * {@code llm.openai} and {@code llm.anthropic}), and anything the run loop decides.
 */
@NullMarked
package dev.agentry.engine.llm.http;

import org.jspecify.annotations.NullMarked;
