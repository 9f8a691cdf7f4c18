package dev.agentry.engine.model;

/**
 * The tools that let a participant's model read the session's past, as Agno's default tools: {@code get_chat_history}
 * ({@code read_chat_history}; a team's {@code read_team_history} is its old name), {@code get_tool_call_history}
 * ({@code read_tool_call_history}, agents only), and {@code search_past_sessions} with {@code read_past_session}
 * ({@code search_session_history}).
 *
 * @param numPastSessions how many of the user's latest sessions {@code search_past_sessions} lists
 *     ({@code num_history_sessions}; Agno's default: 20)
 */
public record HistoryAccess(
    boolean chatHistory,
    boolean toolCallHistory,
    boolean searchPastSessions,
    int numPastSessions) {
  /** Agno's {@code num_past_sessions_to_search} default. */
  public static final int DEFAULT_PAST_SESSIONS = 20;

  /** No history tool. */
  public static final HistoryAccess NONE = new HistoryAccess(false, false, false, DEFAULT_PAST_SESSIONS);

  /** True when the participant has any history tool. */
  public boolean any() {
    return chatHistory || toolCallHistory || searchPastSessions;
  }
}
