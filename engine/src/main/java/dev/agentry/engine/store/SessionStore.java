package dev.agentry.engine.store;

import dev.agentry.engine.run.RunOutput;
import java.util.List;
import java.util.Optional;

/**
 * The storage port of the run loop: sessions and their runs, one record per run.
 *
 * <p>Implementations are thread-safe. Writes are whole-record upserts keyed by id; a run is saved when it starts
 * (RUNNING) and again when it pauses or ends, so a crash never leaves a half-written one.
 */
public interface SessionStore {
  /** The session with {@code sessionId}, if stored. */
  Optional<Session> findSession(String sessionId);

  /** Creates or replaces a session. */
  void saveSession(Session session);

  /** Creates or replaces a run. */
  void saveRun(RunOutput run);

  /** The run with {@code runId}, if stored. */
  Optional<RunOutput> findRun(String runId);

  /** The runs of a session, oldest first. */
  List<RunOutput> listRuns(String sessionId);
}
