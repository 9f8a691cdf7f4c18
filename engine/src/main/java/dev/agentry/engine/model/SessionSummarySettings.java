package dev.agentry.engine.model;

import org.jspecify.annotations.Nullable;

/**
 * Session summaries as Agno's {@code SessionSummaryManager} writes them ({@code enable_session_summaries},
 * {@code add_session_summary_to_context}, {@code session_summary_manager}), with its defaults applied.
 *
 * @param enabled whether a summary of the session is written after every completed run
 * @param addToContext whether the session's summary goes into the system message (Agno's default: on when summaries
 *     are enabled or a summary manager is configured)
 * @param model the model that writes the summary (the agent's or team's own unless the manager names one)
 * @param prompt replaces Agno's summarizer prompt when set
 * @param requestMessage the user message that asks for the summary
 */
public record SessionSummarySettings(
    boolean enabled,
    boolean addToContext,
    ModelDef model,
    @Nullable String prompt,
    String requestMessage) {
  /** Agno's {@code summary_request_message} default. */
  public static final String DEFAULT_REQUEST = "Provide the summary of the conversation.";
}
