package dev.agentry.engine.run;

import dev.agentry.engine.model.SessionDefaults;
import dev.agentry.engine.store.Session;
import dev.agentry.engine.store.SessionStore;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a new top-level run (an agent's, a team's or a workflow's) starts from: its ids, its session and what the
 * request, the stored session and the component's defaults say, the request's keys winning.
 *
 * @param session the stored session; null when the run starts a new one
 * @param state the session state the run starts with: the defaults, the stored state (unless the component
 *     overwrites it: {@code overwrite_db_session_state}), then the request's keys
 * @param stored the session state as stored, to tell what the run changes
 */
record StartingSession(String sessionId, String runId, @Nullable Session session, @Nullable String userId,
    Map<String, Object> state, Map<String, Object> stored, Map<String, Object> dependencies,
    Map<String, Object> metadata) {

  static StartingSession of(SessionDefaults defaults, RunRequest request, SessionStore store) {
    return of(defaults, request, store, false);
  }

  /** As {@link #of(SessionDefaults, RunRequest, SessionStore)}; the stored state is left out when {@code overwrite}. */
  static StartingSession of(SessionDefaults defaults, RunRequest request, SessionStore store, boolean overwrite) {
    String sessionId = request.sessionId() != null ? request.sessionId()
        : defaults.sessionId() != null ? defaults.sessionId() : Ids.newId();
    String runId = request.runId() != null ? request.runId() : Ids.newId();
    Session session = store.findSession(sessionId).orElse(null);
    Map<String, Object> state = new LinkedHashMap<>(defaults.sessionState());
    if (session != null && !overwrite) {
      state.putAll(session.sessionState());
    }
    if (request.sessionState() != null) {
      state.putAll(request.sessionState());
    }
    return new StartingSession(sessionId, runId, session,
        request.userId() != null ? request.userId() : defaults.userId(), state,
        session == null ? Map.of() : session.sessionState(), merge(defaults.dependencies(), request.dependencies()),
        merge(defaults.metadata(), request.metadata()));
  }

  private static Map<String, Object> merge(Map<String, Object> base, @Nullable Map<String, Object> top) {
    if (top == null) {
      return base;
    }
    Map<String, Object> merged = new LinkedHashMap<>(base);
    merged.putAll(top);
    return merged;
  }
}
