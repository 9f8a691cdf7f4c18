package dev.agentry.server.http.dto;

import dev.agentry.engine.event.Metrics;
import dev.agentry.engine.run.RunOutput;
import dev.agentry.engine.store.Session;
import dev.agentry.engine.store.SessionType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A session as {@code GET /sessions} lists it ({@code SessionSchema}, {@code agentos-api.md} §2.6): times as ISO-8601
 * UTC, the component id under the field of the session's type, null fields left out.
 */
public record SessionSchema(
    String sessionId,
    String sessionName,
    Map<String, Object> sessionState,
    String createdAt,
    String updatedAt,
    String sessionType,
    @Nullable String userId,
    @Nullable String agentId,
    @Nullable String teamId,
    @Nullable String workflowId,
    @Nullable Map<String, Object> sessionSummary,
    Metrics metrics,
    long totalTokens,
    @Nullable Map<String, Object> metadata) {

  /** The list item of {@code session}, whose runs (oldest first) name it when it has no name of its own. */
  public static SessionSchema of(Session session, List<RunOutput> runs) {
    SessionType type = session.sessionType();
    return new SessionSchema(session.sessionId(), name(session, runs), session.sessionState(),
        iso(session.createdAt()), iso(session.updatedAt()), type.wireName(), session.userId(),
        owner(session, SessionType.AGENT), owner(session, SessionType.TEAM), owner(session, SessionType.WORKFLOW),
        session.summary(), session.metrics(), session.metrics().totalTokens(), session.metadata());
  }

  /**
   * The session's display name (Agno's {@code get_session_name}): the name it was given, else the user's input to
   * its first run, else "".
   */
  public static String name(Session session, List<RunOutput> runs) {
    if (session.sessionName() != null && !session.sessionName().isEmpty()) {
      return session.sessionName();
    }
    return runs.isEmpty() ? "" : RunSchema.of(runs.getFirst()).runInput();
  }

  /** True when the name must come from the runs, so a listing need not read them otherwise. */
  public static boolean needsRuns(Session session) {
    return session.sessionName() == null || session.sessionName().isEmpty();
  }

  /** The session's component id when the session is of {@code type} and has one, else null. */
  static @Nullable String owner(Session session, SessionType type) {
    return session.sessionType() == type && !session.componentId().isEmpty() ? session.componentId() : null;
  }

  static String iso(long epochSeconds) {
    return Instant.ofEpochSecond(epochSeconds).toString();
  }
}
