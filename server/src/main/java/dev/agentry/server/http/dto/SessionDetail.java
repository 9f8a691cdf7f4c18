package dev.agentry.server.http.dto;

import dev.agentry.engine.event.Metrics;
import dev.agentry.engine.model.AgentDef;
import dev.agentry.engine.model.Catalog;
import dev.agentry.engine.run.ChatMessage;
import dev.agentry.engine.run.RunOutput;
import dev.agentry.engine.store.Session;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One session in full, as {@code GET/PATCH /sessions/{id}}, {@code POST /sessions} and {@code POST .../rename} return
 * it ({@code agentos-api.md} §2.6): Agno's {@code AgentSessionDetailSchema}, {@code TeamSessionDetailSchema} or
 * {@code WorkflowSessionDetailSchema}, whichever the session's type calls for. The fields another type uses are null
 * and left out.
 */
public record SessionDetail(
    @Nullable String userId,
    @Nullable String agentSessionId,
    String sessionId,
    String sessionName,
    @Nullable Map<String, Object> sessionSummary,
    Map<String, Object> sessionState,
    @Nullable String agentId,
    @Nullable String teamId,
    @Nullable String workflowId,
    @Nullable String workflowName,
    @Nullable Long totalTokens,
    @Nullable Map<String, Object> agentData,
    @Nullable Map<String, Object> teamData,
    @Nullable Map<String, Object> workflowData,
    @Nullable Map<String, Object> sessionData,
    @Nullable Metrics metrics,
    @Nullable Map<String, Object> metadata,
    @Nullable List<ChatMessage> chatHistory,
    String createdAt,
    String updatedAt) {

  /** The detail of {@code session}, with its runs (oldest first) and the live catalog naming its component. */
  public static SessionDetail of(Session s, List<RunOutput> runs, Catalog catalog) {
    String name = SessionSchema.name(s, runs);
    String created = SessionSchema.iso(s.createdAt());
    String updated = SessionSchema.iso(s.updatedAt());
    String owner = s.componentId().isEmpty() ? null : s.componentId();
    List<ChatMessage> history = runs.stream().flatMap(r -> ChatMessage.listOf(r).stream())
        .filter(SessionDetail::isChat).toList();
    long tokens = s.metrics().totalTokens();
    return switch (s.sessionType()) {
      case AGENT -> new SessionDetail(s.userId(), s.sessionId(), s.sessionId(), name, s.summary(), s.sessionState(),
          owner, null, null, null, tokens, agentData(owner, catalog), null, null, null, s.metrics(), s.metadata(),
          history, created, updated);
      case TEAM -> new SessionDetail(s.userId(), null, s.sessionId(), name, s.summary(), s.sessionState(), null,
          owner, null, null, tokens, null, owner == null ? null : data("team_id", owner,
              catalog.findTeam(owner).map(t -> t.name()).orElse(null)),
          null, null, s.metrics(), s.metadata(), history, created, updated);
      case WORKFLOW -> {
        String workflowName = owner == null ? null : catalog.findWorkflow(owner).map(w -> w.name()).orElse(null);
        Map<String, Object> sessionData = new LinkedHashMap<>();
        sessionData.put("session_state", s.sessionState());
        if (s.sessionName() != null) {
          sessionData.put("session_name", s.sessionName());
        }
        yield new SessionDetail(s.userId(), null, s.sessionId(), name, null, s.sessionState(), null, null, owner,
            workflowName, null, null, null, owner == null ? null : data("workflow_id", owner, workflowName),
            sessionData, null, s.metadata(), null, created, updated);
      }
    };
  }

  /**
   * Whether a message belongs in {@code chat_history}: as Agno's {@code get_chat_history()}, the user and assistant
   * messages of every run, not their replayed history, system prompts or tool results.
   */
  private static boolean isChat(ChatMessage m) {
    return !m.fromHistory() && (m.role().equals("user") || m.role().equals("assistant"));
  }

  /** Agno's {@code agent_data}: {@code {"name", "agent_id", "model": {"id", "provider", "name"}}}. */
  private static @Nullable Map<String, Object> agentData(@Nullable String agentId, Catalog catalog) {
    if (agentId == null) {
      return null;
    }
    AgentDef agent = catalog.findAgent(agentId).orElse(null);
    Map<String, Object> data = data("agent_id", agentId, agent == null ? null : agent.name());
    if (agent != null) {
      ModelResponse model = ModelResponse.of(agent.model());
      data.put("model", Map.of("id", model.model(), "provider", model.provider(), "name", model.name()));
    }
    return data;
  }

  private static Map<String, Object> data(String idField, String id, @Nullable String name) {
    Map<String, Object> data = new LinkedHashMap<>();
    if (name != null) {
      data.put("name", name);
    }
    data.put(idField, id);
    return data;
  }
}
