package dev.agentry.engine.run;

import dev.agentry.engine.event.ComponentKind;
import dev.agentry.engine.event.EventJson;
import dev.agentry.engine.event.RunStatus;
import dev.agentry.engine.internal.Json;
import dev.agentry.engine.llm.Message;
import dev.agentry.engine.llm.Role;
import dev.agentry.engine.llm.ToolCall;
import dev.agentry.engine.model.HistoryAccess;
import dev.agentry.engine.model.Participant;
import dev.agentry.engine.store.PageRequest;
import dev.agentry.engine.store.RunQuery;
import dev.agentry.engine.store.Session;
import dev.agentry.engine.store.SessionQuery;
import dev.agentry.engine.store.SessionStore;
import dev.agentry.engine.store.SessionType;
import dev.agentry.engine.store.SortOrder;
import dev.agentry.engine.tool.Tool;
import dev.agentry.engine.tool.ToolContext;
import dev.agentry.engine.tool.ToolDefinition;
import dev.agentry.engine.tool.ToolResult;
import dev.agentry.engine.tool.builtin.JsonText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Agno's default tools that read the session's past, given to a participant by its {@link HistoryAccess}:
 * {@code get_chat_history(num_chats)}, {@code get_tool_call_history(num_calls)}, and {@code search_past_sessions()}
 * with {@code read_past_session(session_id, num_runs)}. They read the store, so they see the runs that ended before
 * the calling run (Agno's session holds its runs until the current one ends); their answers are Agno's, JSON spaced
 * as Python's {@code json.dumps} writes it.
 */
final class HistoryTools {
  /** The statuses whose runs Agno's {@code get_messages} leaves out. */
  private static final Set<RunStatus> SKIPPED = Set.of(RunStatus.PAUSED, RunStatus.CANCELLED, RunStatus.ERROR);

  private HistoryTools() {}

  /** The history tools {@code participant} is given; empty when it has none. */
  static List<BoundTool> bind(Participant participant, SessionStore store) {
    HistoryAccess access = participant.historyAccess();
    if (!access.any()) {
      return List.of();
    }
    Owner owner = new Owner(store, participant.kind(), participant.id());
    List<BoundTool> tools = new ArrayList<>(4);
    if (access.chatHistory()) {
      tools.add(new BoundTool(new ChatHistory(owner), ToolFlags.NONE));
    }
    if (access.toolCallHistory()) {
      tools.add(new BoundTool(new ToolCallHistory(owner), ToolFlags.NONE));
    }
    if (access.searchPastSessions()) {
      tools.add(new BoundTool(new SearchPastSessions(owner, access.numPastSessions()), ToolFlags.NONE));
      tools.add(new BoundTool(new ReadPastSession(owner), ToolFlags.NONE));
    }
    return List.copyOf(tools);
  }

  /** Whose history the tools read: the store, and the agent or team that owns the session's runs. */
  private record Owner(SessionStore store, ComponentKind kind, String id) {
    /** The owner's top-level runs of {@code sessionId} that ended before {@code runId}, oldest first. */
    List<RunOutput> runs(String sessionId, String runId) {
      return store.listRuns(RunQuery.ofSession(sessionId).ofComponent(kind, id).topLevel()).stream()
          .filter(r -> !r.runId().equals(runId) && r.status() != RunStatus.RUNNING
              && r.status() != RunStatus.PENDING)
          .toList();
    }

    SessionType sessionType() {
      return SessionType.of(kind);
    }
  }

  private static ToolDefinition tool(String name, String description, String parameters) {
    return new ToolDefinition(name, description, Json.MAPPER.readTree(parameters));
  }

  private static @Nullable Integer optionalInt(JsonNode arguments, String name) {
    JsonNode value = arguments.path(name);
    return value.isNumber() ? value.asInt() : null;
  }

  /** Agno's {@code get_chat_history}: the session's messages as message dicts, the last {@code num_chats} of them. */
  private static final class ChatHistory implements Tool {
    private final Owner owner;
    private final ToolDefinition definition;

    ChatHistory(Owner owner) {
      this.owner = owner;
      this.definition = tool("get_chat_history", "Use this function to get the chat history between the user "
          + "and " + (owner.kind() == ComponentKind.TEAM ? "the team" : "agent") + ".", """
          {"type": "object", "properties": {"num_chats": {"type": "integer", "description": "The number of chats to \
          return. Each chat contains 2 messages. One from the user and one from the agent. Default: None"}}}
          """);
    }

    @Override
    public ToolDefinition definition() {
      return definition;
    }

    @Override
    public ToolResult invoke(JsonNode arguments, ToolContext context) {
      List<Object> history = new ArrayList<>();
      boolean system = false;
      for (RunOutput run : owner.runs(context.sessionId(), context.runId())) {
        if (SKIPPED.contains(run.status())) {
          continue;
        }
        for (ChatMessage m : ChatMessage.listOf(run)) {
          if (m.fromHistory() || (m.role().equals(Role.SYSTEM.wireName()) && system)) {
            continue; // the messages a run replayed, and every system message but the first
          }
          system |= m.role().equals(Role.SYSTEM.wireName());
          history.add(EventJson.MAPPER.convertValue(m, Map.class));
        }
      }
      if (history.isEmpty()) { // Agno's team answers an empty text, its agent an empty list
        return ToolResult.of(owner.kind() == ComponentKind.TEAM ? "" : "[]");
      }
      Integer last = optionalInt(arguments, "num_chats");
      if (last != null) {
        history = history.subList(Math.max(0, history.size() - Math.max(0, last)), history.size());
      }
      return ToolResult.of(JsonText.of(history));
    }
  }

  /**
   * Agno's {@code get_tool_call_history}: the tool calls of the session's runs, the latest run first (its calls in
   * the order made), at most {@code num_calls} (default 3).
   */
  private static final class ToolCallHistory implements Tool {
    private final Owner owner;
    private final ToolDefinition definition = tool("get_tool_call_history", "Use this function to get the "
        + "tools called by the agent in reverse chronological order.", """
        {"type": "object", "properties": {"num_calls": {"type": "integer", "description": "The number of tool calls \
        to return. Default: 3"}}}
        """);

    ToolCallHistory(Owner owner) {
      this.owner = owner;
    }

    @Override
    public ToolDefinition definition() {
      return definition;
    }

    @Override
    public ToolResult invoke(JsonNode arguments, ToolContext context) {
      Integer n = arguments.has("num_calls") ? optionalInt(arguments, "num_calls") : 3; // null or 0: all of them
      List<Object> calls = new ArrayList<>();
      List<RunOutput> runs = owner.runs(context.sessionId(), context.runId());
      for (RunOutput run : runs.reversed()) {
        for (RunMessage m : run.messages()) {
          for (ToolCall call : m.message().toolCalls()) {
            calls.add(EventJson.MAPPER.convertValue(ChatMessage.Call.of(call), Map.class));
            if (n != null && n > 0 && calls.size() >= n) {
              return ToolResult.of(JsonText.of(calls));
            }
          }
        }
      }
      return ToolResult.of(JsonText.of(calls));
    }
  }

  /**
   * Agno's {@code search_past_sessions}: the user's latest sessions of the same kind (agent or team), newest first,
   * at most {@code num_history_sessions}, the current one and those without runs left out, each with a preview of
   * its first three runs (the first user and assistant texts, cut at 200 characters).
   */
  private static final class SearchPastSessions implements Tool {
    private static final int PREVIEW_RUNS = 3;
    private final Owner owner;
    private final int limit;
    private final ToolDefinition definition = tool("search_past_sessions", "List previous chat sessions with "
        + "short previews. Use read_past_session to read the full conversation for a specific session.", """
        {"type": "object", "properties": {}}
        """);

    SearchPastSessions(Owner owner, int limit) {
      this.owner = owner;
      this.limit = limit;
    }

    @Override
    public ToolDefinition definition() {
      return definition;
    }

    @Override
    public ToolResult invoke(JsonNode arguments, ToolContext context) {
      List<Session> sessions = owner.store().listSessions(new SessionQuery(owner.sessionType(), null,
          context.userId(), null, PageRequest.of(1, limit, "created_at", SortOrder.DESC))).items();
      List<Object> results = new ArrayList<>();
      for (Session session : sessions) {
        if (session.sessionId().equals(context.sessionId())) {
          continue;
        }
        List<RunOutput> runs = owner.store().listRuns(RunQuery.ofSession(session.sessionId()).topLevel());
        if (runs.isEmpty()) {
          continue;
        }
        List<Object> previews = new ArrayList<>();
        for (RunOutput run : runs.subList(0, Math.min(PREVIEW_RUNS, runs.size()))) {
          String user = first(run, Role.USER);
          String assistant = first(run, Role.ASSISTANT);
          if (!user.isEmpty() || !assistant.isEmpty()) {
            Map<String, Object> pair = new LinkedHashMap<>();
            pair.put("user", user);
            pair.put("assistant", assistant);
            previews.add(pair);
          }
        }
        Map<String, Object> preview = new LinkedHashMap<>();
        preview.put("session_id", session.sessionId());
        preview.put("created_at", String.valueOf(session.createdAt()));
        preview.put("runs", previews);
        results.add(preview);
      }
      return ToolResult.of(JsonText.of(results));
    }

    private static String first(RunOutput run, Role role) {
      for (RunMessage m : run.messages()) {
        String text = m.message().content();
        if (!m.fromHistory() && m.message().role() == role && text != null && !text.isEmpty()) {
          return text.length() <= 200 ? text : text.substring(0, 200) + "...";
        }
      }
      return "";
    }
  }

  /** Agno's {@code read_past_session}: a past session of the user's as {@code User:}/{@code Assistant:} lines. */
  private static final class ReadPastSession implements Tool {
    private final Owner owner;
    private final ToolDefinition definition = tool("read_past_session", "Read the full conversation from a "
        + "previous session. Use search_past_sessions first to find relevant sessions.", """
        {"type": "object", "properties": {
          "session_id": {"type": "string", "description": "The session ID to read (from search results)."},
          "num_runs": {"type": "integer", "description": "Maximum number of runs to include. Default: all runs."}},
         "required": ["session_id"]}
        """);

    ReadPastSession(Owner owner) {
      this.owner = owner;
    }

    @Override
    public ToolDefinition definition() {
      return definition;
    }

    @Override
    public ToolResult invoke(JsonNode arguments, ToolContext context) {
      String sessionId = arguments.path("session_id").asString("");
      Session session = owner.store().findSession(sessionId)
          .filter(s -> s.sessionType() == owner.sessionType())
          .filter(s -> context.userId() == null || context.userId().equals(s.userId()))
          .orElse(null);
      List<RunOutput> runs = session == null ? List.of()
          : owner.store().listRuns(RunQuery.ofSession(sessionId).topLevel());
      if (runs.isEmpty()) {
        return ToolResult.of("Session not found.");
      }
      Integer numRuns = optionalInt(arguments, "num_runs");
      List<String> lines = new ArrayList<>();
      lines.add("Session: " + sessionId);
      lines.add("Created: " + session.createdAt());
      lines.add("");
      for (RunOutput run : numRuns == null ? runs : runs.subList(0, Math.min(Math.max(0, numRuns), runs.size()))) {
        for (RunMessage m : run.messages()) {
          Message message = m.message();
          boolean spoken = message.role() == Role.USER || message.role() == Role.ASSISTANT;
          if (spoken && !m.fromHistory() && message.content() != null && !message.content().isEmpty()) {
            lines.add((message.role() == Role.USER ? "User: " : "Assistant: ") + message.content());
            lines.add("");
          }
        }
      }
      return ToolResult.of(String.join("\n", lines));
    }
  }
}
