package dev.agentry.server.http.dto;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The optional body of {@code POST /sessions} ({@code CreateSessionRequest}, {@code agentos-api.md} §2.6): every field
 * may be left out; a missing {@code session_id} gets a new UUID.
 */
public record CreateSessionRequest(
    @Nullable String sessionId,
    @Nullable String sessionName,
    @Nullable Map<String, Object> sessionState,
    @Nullable Map<String, Object> metadata,
    @Nullable String userId,
    @Nullable String agentId,
    @Nullable String teamId,
    @Nullable String workflowId) {

  /** The request with every field left out. */
  public static final CreateSessionRequest EMPTY =
      new CreateSessionRequest(null, null, null, null, null, null, null, null);
}
