/**
 * The {@code scripted} provider: replies from YAML, offline.
 *
 * <p>Does not belong here: anything that reaches a network.
 */
@NullMarked
package dev.agentry.engine.llm.scripted;

import org.jspecify.annotations.NullMarked;
