package dev.agentry.server.auth;

import dev.agentry.engine.event.ComponentKind;
import dev.agentry.engine.store.SessionStore;
import dev.agentry.server.AgentOs;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * RBAC and user isolation on the workflow WebSocket ({@code agentos-api.md} §3.8, §5.4; Agno's {@code router.py}
 * socket loop and its workflow handlers), whose actions are not routes of the route table: with
 * {@code authorization: true}, a JWT caller needs {@code workflows:run} for the workflow (global, per-resource or
 * wildcard) to start, continue or reconnect; under user isolation a continue or reconnect names a session of the
 * caller's that holds the run, and a start cannot use another user's session.
 */
public final class SocketAccess {
  private static final List<String> RUN = List.of("workflows:run");

  private SocketAccess() {}

  /**
   * The error the socket answers {@code action} with instead of doing it, or null when the caller may do it.
   *
   * @param action {@code start-workflow}, {@code continue-workflow} or {@code reconnect}
   */
  public static @Nullable String refusal(AgentOs os, Principal who, String action, JsonNode message) {
    AuthSettings settings = AuthSettings.of(os);
    // NOBODY by identity: an open API or an unauthenticated socket, which the socket itself refuses when it must
    if (who.fullAccess() || who == Principal.NOBODY || Scopes.isAdmin(who.scopes(), settings.adminScope())) {
      return null;
    }
    String workflowId = text(message, "workflow_id");
    boolean isolated = settings.userIsolation() && who.userId() != null && !who.userId().isEmpty();
    if (settings.authorization()) {
      if (action.equals("reconnect") && isolated && workflowId == null) {
        return "workflow_id is required to reconnect to a workflow run";
      }
      if (!Scopes.hasRequired(who.scopes(), RUN, "workflows", workflowId, settings.adminScope())) {
        return switch (action) {
          case "start-workflow" -> "Insufficient permissions to run this workflow";
          case "continue-workflow" -> "Insufficient permissions to continue this workflow";
          default -> "Insufficient permissions to reconnect to this workflow";
        };
      }
    }
    if (!isolated || workflowId == null) {
      return null;
    }
    String user = who.userId();
    String sessionId = who.runSessionId(text(message, "session_id"));
    SessionStore store;
    try {
      store = os.storeOf(ComponentKind.WORKFLOW, workflowId);
    } catch (RuntimeException e) {
      return null; // an unknown workflow: the action itself answers "Workflow not found"
    }
    if (action.equals("start-workflow")) {
      boolean theirs = sessionId != null
          && store.findSession(sessionId).filter(s -> !user.equals(s.userId())).isPresent();
      return theirs ? "Session not found" : null;
    }
    if (sessionId == null) {
      return action.equals("reconnect") ? "session_id is required to reconnect to a workflow run"
          : Isolation.SESSION_ID_REQUIRED;
    }
    String runId = text(message, "run_id");
    boolean owned = runId != null && store.findSession(sessionId).filter(s -> user.equals(s.userId())).isPresent()
        && store.findRun(runId).filter(r -> sessionId.equals(r.sessionId()) && r.kind() == ComponentKind.WORKFLOW
            && r.componentId().equals(workflowId)).isPresent();
    return owned ? null : "Run " + runId + " not found";
  }

  private static @Nullable String text(JsonNode message, String field) {
    JsonNode node = message.path(field);
    return node.isString() && !node.asString().isEmpty() ? node.asString() : null;
  }
}
