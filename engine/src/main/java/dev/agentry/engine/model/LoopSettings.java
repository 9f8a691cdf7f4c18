package dev.agentry.engine.model;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * How the run loop asks a participant's model: retries of a failed model call and the tool choice.
 *
 * @param retries how many times a failed, retryable model call is tried again (0: never)
 * @param delayBetweenRetries the pause before the first retry
 * @param exponentialBackoff true to double the pause before every further retry
 * @param toolChoice the provider's {@code tool_choice}; null for the provider's default
 */
public record LoopSettings(
    int retries,
    Duration delayBetweenRetries,
    boolean exponentialBackoff,
    @Nullable JsonNode toolChoice) {
  /** The pause before retry number {@code attempt} (0 for the first). */
  public Duration retryDelay(int attempt) {
    return exponentialBackoff ? delayBetweenRetries.multipliedBy(1L << Math.min(attempt, 10)) : delayBetweenRetries;
  }
}
