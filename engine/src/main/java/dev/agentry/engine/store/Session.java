package dev.agentry.engine.store;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A stored session: a conversation with one agent, its state and who it belongs to.
 *
 * @param sessionType "agent", "team" or "workflow"
 * @param componentId the agent, team or workflow id
 * @param sessionState the state carried from run to run ({@code session_state})
 * @param specVersion the catalog version of the session's latest run
 * @param createdAt epoch seconds
 * @param updatedAt epoch seconds
 */
public record Session(
    String sessionId,
    String sessionType,
    String componentId,
    @Nullable String userId,
    @Nullable String sessionName,
    Map<String, Object> sessionState,
    String specVersion,
    long createdAt,
    long updatedAt) {
  public Session {
    sessionState = Collections.unmodifiableMap(new LinkedHashMap<>(sessionState));
  }
}
