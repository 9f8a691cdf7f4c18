/**
 * The tool port: {@link dev.agentry.engine.tool.Tool} and its definition, result and context; builtin toolkits
 * live in {@code tool.builtin}.
 *
 * <p>Does not belong here: deciding when a tool runs, confirmation and other human-in-the-loop policy (that is the
 * run loop's), model clients.
 */
@NullMarked
package dev.agentry.engine.tool;

import org.jspecify.annotations.NullMarked;
