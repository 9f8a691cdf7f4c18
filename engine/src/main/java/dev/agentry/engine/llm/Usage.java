package dev.agentry.engine.llm;

/**
 * Token counts a provider reported for one model call; zero where it reported nothing.
 *
 * @param totalTokens input plus output, as the provider reports it (or their sum when it does not)
 */
public record Usage(
    long inputTokens,
    long outputTokens,
    long totalTokens,
    long cacheReadTokens,
    long cacheWriteTokens,
    long reasoningTokens) {
  /** No usage reported. */
  public static final Usage NONE = new Usage(0, 0, 0, 0, 0, 0);

  /** Input and output tokens; the total is their sum. */
  public static Usage of(long inputTokens, long outputTokens) {
    return new Usage(inputTokens, outputTokens, inputTokens + outputTokens, 0, 0, 0);
  }

  /** The sum of two usages, field by field. */
  public Usage plus(Usage other) {
    return new Usage(
        inputTokens + other.inputTokens,
        outputTokens + other.outputTokens,
        totalTokens + other.totalTokens,
        cacheReadTokens + other.cacheReadTokens,
        cacheWriteTokens + other.cacheWriteTokens,
        reasoningTokens + other.reasoningTokens);
  }
}
