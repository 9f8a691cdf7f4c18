package dev.agentry.engine.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.agentry.engine.llm.Usage;
import org.jspecify.annotations.Nullable;

/**
 * Usage figures of one message, one run or one session, with Agno's field names; zero fields are left out of JSON,
 * as Agno does.
 *
 * @param duration seconds from the start to the end of what is measured
 * @param timeToFirstToken seconds from the first model request to its first streamed token; null when not streamed
 */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public record Metrics(
    long inputTokens,
    long outputTokens,
    long totalTokens,
    long cacheReadTokens,
    long cacheWriteTokens,
    long reasoningTokens,
    double duration,
    @Nullable Double timeToFirstToken) {
  /** Nothing measured. */
  public static final Metrics ZERO = new Metrics(0, 0, 0, 0, 0, 0, 0, null);

  /** The token counts of {@code usage}, with timings. */
  public static Metrics of(Usage usage, double duration, @Nullable Double timeToFirstToken) {
    return new Metrics(usage.inputTokens(), usage.outputTokens(), usage.totalTokens(), usage.cacheReadTokens(),
        usage.cacheWriteTokens(), usage.reasoningTokens(), duration, timeToFirstToken);
  }

  /** Sums tokens and durations; keeps the first time to first token (a session's is its first run's). */
  public Metrics plus(Metrics other) {
    return new Metrics(inputTokens + other.inputTokens, outputTokens + other.outputTokens,
        totalTokens + other.totalTokens, cacheReadTokens + other.cacheReadTokens,
        cacheWriteTokens + other.cacheWriteTokens, reasoningTokens + other.reasoningTokens,
        duration + other.duration, timeToFirstToken != null ? timeToFirstToken : other.timeToFirstToken);
  }

  /** Adds the token counts of {@code other} (a member's run, which ran within this one's duration). */
  public Metrics plusTokens(Metrics other) {
    return new Metrics(inputTokens + other.inputTokens, outputTokens + other.outputTokens,
        totalTokens + other.totalTokens, cacheReadTokens + other.cacheReadTokens,
        cacheWriteTokens + other.cacheWriteTokens, reasoningTokens + other.reasoningTokens, duration,
        timeToFirstToken);
  }

  /** Takes away the token counts of {@code other}: a team run's own tokens, without those of a member's run. */
  public Metrics minusTokens(Metrics other) {
    return new Metrics(inputTokens - other.inputTokens, outputTokens - other.outputTokens,
        totalTokens - other.totalTokens, cacheReadTokens - other.cacheReadTokens,
        cacheWriteTokens - other.cacheWriteTokens, reasoningTokens - other.reasoningTokens, duration,
        timeToFirstToken);
  }
}
