package dev.agentry.server.http.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.agentry.engine.event.Metrics;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The metrics of one run as Agno's {@code RunMetrics.to_dict()} writes them: token counts, {@code duration} and
 * {@code time_to_first_token} in seconds, and {@code details} with one entry per model used (an agent run uses one,
 * under the key {@code "model"}); zero counts are left out, as Agno does.
 */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public record RunMetrics(
    @JsonProperty("input_tokens") long inputTokens,
    @JsonProperty("output_tokens") long outputTokens,
    @JsonProperty("total_tokens") long totalTokens,
    @JsonProperty("cache_read_tokens") long cacheReadTokens,
    @JsonProperty("cache_write_tokens") long cacheWriteTokens,
    @JsonProperty("reasoning_tokens") long reasoningTokens,
    @JsonProperty("time_to_first_token") @Nullable Double timeToFirstToken,
    @JsonProperty("duration") double duration,
    @JsonProperty("details") @Nullable Map<String, List<ModelMetrics>> details) {

  /** The run's totals, attributed to the model it ran on. */
  public static RunMetrics of(Metrics m, String model, String provider) {
    Map<String, List<ModelMetrics>> details = model.isEmpty() ? null : Map.of("model", List.of(new ModelMetrics(
        model, provider, m.inputTokens(), m.outputTokens(), m.totalTokens(), m.cacheReadTokens(),
        m.cacheWriteTokens(), m.reasoningTokens())));
    return new RunMetrics(m.inputTokens(), m.outputTokens(), m.totalTokens(), m.cacheReadTokens(),
        m.cacheWriteTokens(), m.reasoningTokens(), m.timeToFirstToken(), m.duration(), details);
  }

  /** The usage of one model in a run (Agno's {@code ModelMetrics}): its id and provider, and its token counts. */
  @JsonInclude(JsonInclude.Include.NON_DEFAULT)
  public record ModelMetrics(
      @JsonProperty("id") String id,
      @JsonProperty("provider") String provider,
      @JsonProperty("input_tokens") long inputTokens,
      @JsonProperty("output_tokens") long outputTokens,
      @JsonProperty("total_tokens") long totalTokens,
      @JsonProperty("cache_read_tokens") long cacheReadTokens,
      @JsonProperty("cache_write_tokens") long cacheWriteTokens,
      @JsonProperty("reasoning_tokens") long reasoningTokens) {}
}
