/**
 * The runtime: {@link dev.agentry.engine.run.Engine} (the entry point), the one run loop
 * ({@code RunLoop}), context building, tool execution and human-in-the-loop, run requests and outputs.
 *
 * <p>Does not belong here: provider wire formats ({@code llm.*}), tool implementations ({@code tool.*}), storage
 * backends ({@code store.*}), HTTP and SSE (the server's).
 */
@NullMarked
package dev.agentry.engine.run;

import org.jspecify.annotations.NullMarked;
