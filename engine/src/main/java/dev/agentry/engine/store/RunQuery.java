package dev.agentry.engine.store;

import dev.agentry.engine.event.ComponentKind;
import dev.agentry.engine.event.RunStatus;
import org.jspecify.annotations.Nullable;

/**
 * The filters of a run listing; a null filter matches everything. Every backend filters in the database, and
 * {@code latest} counts the runs that match all the filters. Runs are always returned oldest first (by when they were
 * first saved).
 *
 * @param createdAfter epoch seconds, inclusive
 * @param createdBefore epoch seconds, inclusive
 * @param kind only runs of agents, of teams or of workflows
 * @param componentId only runs of this agent, team or workflow id (with {@code kind}, of that kind alone)
 * @param parentRunId only the member runs of this team or workflow run
 * @param topLevelOnly only runs that are not part of another run (no parent): a team's own runs, not its members'
 * @param latest when above 0, only the latest {@code latest} matching runs (still oldest first)
 */
public record RunQuery(
    @Nullable String sessionId,
    @Nullable String userId,
    @Nullable RunStatus status,
    @Nullable Long createdAfter,
    @Nullable Long createdBefore,
    @Nullable ComponentKind kind,
    @Nullable String componentId,
    @Nullable String parentRunId,
    boolean topLevelOnly,
    int latest) {
  public RunQuery {
    if (topLevelOnly && parentRunId != null) {
      throw new IllegalArgumentException("a run with parent " + parentRunId + " is not a top-level run: "
          + "filter by parent run or by top level, not both");
    }
    if (latest < 0) {
      throw new IllegalArgumentException("latest must be 0 (all) or more, not " + latest);
    }
  }

  /** The filters of every component and level: session, user, status and creation time. */
  public RunQuery(@Nullable String sessionId, @Nullable String userId, @Nullable RunStatus status,
      @Nullable Long createdAfter, @Nullable Long createdBefore, int latest) {
    this(sessionId, userId, status, createdAfter, createdBefore, null, null, null, false, latest);
  }

  /** All runs of a session, member runs included. */
  public static RunQuery ofSession(String sessionId) {
    return new RunQuery(sessionId, null, null, null, null, 0);
  }

  /** The last {@code n} runs of a session that ended with {@code status}, of every component and level. */
  public static RunQuery latest(String sessionId, RunStatus status, int n) {
    return new RunQuery(sessionId, null, status, null, null, n);
  }

  /**
   * The last {@code n} top-level runs of one agent, team or workflow in a session that ended with {@code status}: a
   * team's history without its members' runs.
   */
  public static RunQuery latestOf(String sessionId, ComponentKind kind, String componentId, RunStatus status, int n) {
    return latest(sessionId, status, n).ofComponent(kind, componentId).topLevel();
  }

  /** The member runs of a team or workflow run, in the order they were started. */
  public static RunQuery membersOf(String parentRunId) {
    return new RunQuery(null, null, null, null, null, null, null, parentRunId, false, 0);
  }

  /** All runs created between two instants (epoch seconds, inclusive), of every session. */
  public static RunQuery between(long from, long to) {
    return new RunQuery(null, null, null, from, to, 0);
  }

  /** This query, narrowed to the runs of one agent, team or workflow (member runs included unless top-level). */
  public RunQuery ofComponent(ComponentKind newKind, String newComponentId) {
    return new RunQuery(sessionId, userId, status, createdAfter, createdBefore, newKind, newComponentId, parentRunId,
        topLevelOnly, latest);
  }

  /** This query, narrowed to the runs that have no parent run. */
  public RunQuery topLevel() {
    return new RunQuery(sessionId, userId, status, createdAfter, createdBefore, kind, componentId, parentRunId, true,
        latest);
  }
}
