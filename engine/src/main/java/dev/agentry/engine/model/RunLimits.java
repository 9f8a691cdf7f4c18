package dev.agentry.engine.model;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The limits of one run: reaching one ends the run with an error ({@code LimitExceeded}) that says which.
 *
 * @param maxTurns how many times the model may be asked in one run ({@code max_turns}; default 50)
 * @param timeout how long the run may take in all, tools and members included ({@code timeout_seconds}); null for
 *     no limit
 * @param toolCalls how many tool calls the model may make in one run ({@code tool_call_limit}); further calls are
 *     answered with an error the model reads; null for no limit
 */
public record RunLimits(int maxTurns, @Nullable Duration timeout, @Nullable Integer toolCalls) {
  /** The default of {@code max_turns}. */
  public static final int DEFAULT_MAX_TURNS = 50;
}
