package dev.agentry.engine.model;

import org.jspecify.annotations.Nullable;

/**
 * Tool-result compression ({@code compress_tool_results} with {@code compression_manager}): before a model request,
 * once enough tool results are uncompressed or the context is long enough, a model shortens each uncompressed tool
 * result, and the model reads the short form from then on.
 *
 * @param enabled false when the participant does not compress
 * @param model the model that compresses; the participant's own model unless {@code compression_manager.model}
 * @param toolResultsLimit compress once at least this many tool results are uncompressed; null for no count limit
 * @param tokenLimit compress once the context is estimated at this many tokens or more; null for no token limit
 * @param instructions the system message of the compressing model; null for Agno's default
 */
public record CompressionSettings(
    boolean enabled,
    ModelDef model,
    @Nullable Integer toolResultsLimit,
    @Nullable Integer tokenLimit,
    @Nullable String instructions) {
  /** Agno's count limit when neither limit is set. */
  public static final int DEFAULT_TOOL_RESULTS_LIMIT = 3;
}
