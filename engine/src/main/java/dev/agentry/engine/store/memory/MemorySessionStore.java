package dev.agentry.engine.store.memory;

import dev.agentry.engine.run.RunOutput;
import dev.agentry.engine.store.Session;
import dev.agentry.engine.store.SessionStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link SessionStore} in memory, for tests and embedded use; everything is lost when the process ends. */
public final class MemorySessionStore implements SessionStore {
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final Map<String, RunOutput> runs = new ConcurrentHashMap<>();
  private final Map<String, List<String>> runsBySession = new ConcurrentHashMap<>();

  public static MemorySessionStore create() {
    return new MemorySessionStore();
  }

  @Override
  public Optional<Session> findSession(String sessionId) {
    return Optional.ofNullable(sessions.get(sessionId));
  }

  @Override
  public void saveSession(Session session) {
    sessions.put(session.sessionId(), session);
  }

  @Override
  public void saveRun(RunOutput run) {
    if (runs.put(run.runId(), run) == null) {
      runsBySession.compute(run.sessionId(), (id, list) -> {
        List<String> ids = list == null ? new ArrayList<>() : new ArrayList<>(list);
        ids.add(run.runId());
        return List.copyOf(ids);
      });
    }
  }

  @Override
  public Optional<RunOutput> findRun(String runId) {
    return Optional.ofNullable(runs.get(runId));
  }

  @Override
  public List<RunOutput> listRuns(String sessionId) {
    return runsBySession.getOrDefault(sessionId, List.of()).stream()
        .map(runs::get)
        .toList(); // ids are appended as runs are first saved, so this is oldest first
  }
}
