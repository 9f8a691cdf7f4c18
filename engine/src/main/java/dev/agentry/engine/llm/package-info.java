/**
 * The model port: {@link dev.agentry.engine.llm.ChatModel} and the messages, requests and responses it speaks;
 * provider clients live in the subpackages ({@code openai}, {@code anthropic}, {@code scripted}).
 *
 * <p>Does not belong here: the run loop, tool execution, events. Providers never import each other.
 */
@NullMarked
package dev.agentry.engine.llm;

import org.jspecify.annotations.NullMarked;
