package dev.agentry.engine.store;

import dev.agentry.engine.event.Metrics;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A stored session: a conversation with one agent, team or workflow, its state and who it belongs to. Its runs are
 * stored apart, one record each ({@link SessionStore#saveRun}).
 *
 * @param componentId the agent, team or workflow id
 * @param sessionName the name given to the session, if any
 * @param sessionState the state carried from run to run ({@code session_state})
 * @param metadata free-form metadata set through the API
 * @param summary the session summary ({@code {"summary": ..., "topics": [...], "updated_at": ...}}), if made
 * @param metrics the token counts and durations of all the session's runs, summed
 * @param specVersion the catalog version of the session's latest run
 * @param createdAt epoch seconds
 * @param updatedAt epoch seconds
 */
public record Session(
    String sessionId,
    SessionType sessionType,
    String componentId,
    @Nullable String userId,
    @Nullable String sessionName,
    Map<String, Object> sessionState,
    @Nullable Map<String, Object> metadata,
    @Nullable Map<String, Object> summary,
    Metrics metrics,
    String specVersion,
    long createdAt,
    long updatedAt) {
  public Session {
    sessionState = Collections.unmodifiableMap(new LinkedHashMap<>(sessionState));
    metadata = metadata == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    summary = summary == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(summary));
  }

  /** A new, empty session of {@code componentId}, created at {@code now}. */
  public static Session of(String sessionId, SessionType type, String componentId, @Nullable String userId,
      String specVersion, long now) {
    return new Session(sessionId, type, componentId, userId, null, Map.of(), null, null, Metrics.ZERO, specVersion,
        now, now);
  }

  public Session withName(@Nullable String name, long now) {
    return new Session(sessionId, sessionType, componentId, userId, name, sessionState, metadata, summary, metrics,
        specVersion, createdAt, now);
  }

  public Session withState(Map<String, Object> state, long now) {
    return new Session(sessionId, sessionType, componentId, userId, sessionName, state, metadata, summary, metrics,
        specVersion, createdAt, now);
  }

  /** This session with {@code newSummary} as its summary ({@code {"summary", "topics", "updated_at"}}). */
  public Session withSummary(Map<String, Object> newSummary, long now) {
    return new Session(sessionId, sessionType, componentId, userId, sessionName, sessionState, metadata, newSummary,
        metrics, specVersion, createdAt, now);
  }

  /** This session after a run: its state, its metrics added, the run's catalog version. */
  public Session afterRun(Map<String, Object> state, Metrics runMetrics, String runSpecVersion, long now) {
    return new Session(sessionId, sessionType, componentId, userId, sessionName, state, metadata, summary,
        metrics.plus(runMetrics), runSpecVersion, createdAt, now);
  }
}
