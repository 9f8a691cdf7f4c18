package dev.agentry.engine.model;

import org.jspecify.annotations.Nullable;

/**
 * Which earlier runs of the session a participant's model reads again ({@code add_history_to_context}).
 *
 * @param numRuns how many of the latest completed runs are replayed (Agno's default: 3)
 * @param numMessages when set, the latest messages of those runs are replayed instead, at most this many
 * @param maxToolCallsFromHistory when set, only the latest this many tool calls of the history are kept
 */
public record HistorySettings(
    boolean enabled,
    int numRuns,
    @Nullable Integer numMessages,
    @Nullable Integer maxToolCallsFromHistory) {
  /** Agno's {@code num_history_runs} default. */
  public static final int DEFAULT_RUNS = 3;

  /** How many runs to read from the store: enough for {@code numMessages} when it is set. */
  public int runsToRead() {
    return numMessages != null ? numMessages : numRuns;
  }
}
