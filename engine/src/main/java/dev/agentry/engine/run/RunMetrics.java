package dev.agentry.engine.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.agentry.engine.event.Metrics;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The metrics of one run as Agno's {@code RunMetrics.to_dict()} writes them: token counts, {@code duration} and
 * {@code time_to_first_token} in seconds, and {@code details} with one entry per model used (an agent run uses one,
 * under the key {@code "model"}); zero counts are left out, as Agno does.
 *
 * @param tokens the run's token counts, written inline as the first fields
 */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public record RunMetrics(
    @JsonUnwrapped Tokens tokens,
    @JsonProperty("time_to_first_token") @Nullable Double timeToFirstToken,
    @JsonProperty("duration") double duration,
    @JsonProperty("details") @Nullable Map<String, List<ModelMetrics>> details) {

  /** The run's totals, attributed to the model it ran on. */
  public static RunMetrics of(Metrics m, String model, String provider) {
    Tokens tokens = Tokens.of(m);
    Map<String, List<ModelMetrics>> details = model.isEmpty() ? null
        : Map.of("model", List.of(new ModelMetrics(model, provider, tokens)));
    return new RunMetrics(tokens, m.timeToFirstToken(), m.duration(), details);
  }

  /** The token counts Agno's {@code RunMetrics} and {@code ModelMetrics} both carry, under the same names. */
  @JsonInclude(JsonInclude.Include.NON_DEFAULT)
  public record Tokens(
      @JsonProperty("input_tokens") long inputTokens,
      @JsonProperty("output_tokens") long outputTokens,
      @JsonProperty("total_tokens") long totalTokens,
      @JsonProperty("cache_read_tokens") long cacheReadTokens,
      @JsonProperty("cache_write_tokens") long cacheWriteTokens,
      @JsonProperty("reasoning_tokens") long reasoningTokens) {

    /** The token counts of {@code m}. */
    public static Tokens of(Metrics m) {
      return new Tokens(m.inputTokens(), m.outputTokens(), m.totalTokens(), m.cacheReadTokens(),
          m.cacheWriteTokens(), m.reasoningTokens());
    }
  }

  /**
   * The usage of one model in a run (Agno's {@code ModelMetrics}): its id and provider, and its token counts.
   *
   * @param tokens written inline after {@code id} and {@code provider}
   */
  @JsonInclude(JsonInclude.Include.NON_DEFAULT)
  public record ModelMetrics(
      @JsonProperty("id") String id,
      @JsonProperty("provider") String provider,
      @JsonUnwrapped Tokens tokens) {}
}
