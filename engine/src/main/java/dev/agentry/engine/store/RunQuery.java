package dev.agentry.engine.store;

import dev.agentry.engine.event.RunStatus;
import org.jspecify.annotations.Nullable;

/**
 * The filters of a run listing; a null filter matches everything. Runs are always returned oldest first (by when they
 * were first saved).
 *
 * @param createdAfter epoch seconds, inclusive
 * @param createdBefore epoch seconds, inclusive
 * @param latest when above 0, only the latest {@code latest} matching runs (still oldest first)
 */
public record RunQuery(
    @Nullable String sessionId,
    @Nullable String userId,
    @Nullable RunStatus status,
    @Nullable Long createdAfter,
    @Nullable Long createdBefore,
    int latest) {
  /** All runs of a session. */
  public static RunQuery ofSession(String sessionId) {
    return new RunQuery(sessionId, null, null, null, null, 0);
  }

  /** The last {@code n} runs of a session that ended with {@code status}, as history replays them. */
  public static RunQuery latest(String sessionId, RunStatus status, int n) {
    return new RunQuery(sessionId, null, status, null, null, n);
  }

  /** All runs created between two instants (epoch seconds, inclusive), of every session. */
  public static RunQuery between(long from, long to) {
    return new RunQuery(null, null, null, from, to, 0);
  }
}
