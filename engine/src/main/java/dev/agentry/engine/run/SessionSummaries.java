package dev.agentry.engine.run;

import dev.agentry.engine.event.ComponentKind;
import dev.agentry.engine.event.RunEvent;
import dev.agentry.engine.event.RunStatus;
import dev.agentry.engine.internal.Json;
import dev.agentry.engine.llm.ChatModel;
import dev.agentry.engine.llm.ChatRequest;
import dev.agentry.engine.llm.ChatResponse;
import dev.agentry.engine.llm.Message;
import dev.agentry.engine.llm.ResponseFormat;
import dev.agentry.engine.llm.Role;
import dev.agentry.engine.llm.StreamListener;
import dev.agentry.engine.model.SessionSummarySettings;
import dev.agentry.engine.store.RunQuery;
import dev.agentry.engine.store.Session;
import dev.agentry.engine.store.SessionStore;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Session summaries, as Agno's {@code SessionSummaryManager}: after a top-level run completes, one direct call to the
 * summary model reads the session's conversation (the user and assistant messages of its completed runs, this one
 * included) and answers {@code {"summary": ..., "topics": [...]}}; the summary is stored on the session with its
 * {@code updated_at}, atomically, between SessionSummaryStarted and SessionSummaryCompleted. A summarizer that fails
 * (the model, its answer, the store) is logged and never fails the run: the session keeps its previous summary.
 *
 * <p>Also reads the summary back for the system message ({@code add_session_summary_to_context}).
 */
final class SessionSummaries {
  private static final Logger LOG = LoggerFactory.getLogger(SessionSummaries.class);

  /** Agno's default summarizer prompt. */
  static final String DEFAULT_PROMPT = """
      Analyze the following conversation between a user and an assistant, and extract the following details:
      - Summary (str): Provide a concise summary of the session, focusing on important information that would be \
      helpful for future interactions.
      - Topics (Optional[List[str]]): List the topics discussed in the session.
      Keep the summary concise and to the point. Only include relevant information.
      """;

  /** The answer's schema, as Agno's {@code SessionSummaryResponse}. */
  private static final ResponseFormat FORMAT = new ResponseFormat("SessionSummaryResponse", Json.MAPPER.readTree("""
      {"type": "object", "title": "SessionSummaryResponse",
       "properties": {
         "summary": {"type": "string", "description": "Summary of the session. Be concise and focus on only \
      important information. Do not make anything up."},
         "topics": {"type": "array", "items": {"type": "string"}, "description": "Topics discussed in the session."}},
       "required": ["summary"]}
      """));

  private final SessionSummarySettings settings;
  private final ChatModel model;
  private final SessionStore store;
  private final Clock clock;

  private SessionSummaries(SessionSummarySettings settings, ChatModel model, SessionStore store, Clock clock) {
    this.settings = settings;
    this.model = model;
    this.store = store;
    this.clock = clock;
  }

  /** The summarizer of a participant that writes summaries to {@code store}; null when it writes none. */
  static @Nullable SessionSummaries create(SessionSummarySettings settings, EngineConfig config, SessionStore store) {
    return settings.enabled() ? new SessionSummaries(settings, config.chatModel(settings.model()), store,
        config.clock()) : null;
  }

  /**
   * Updates the session's summary after {@code run} completed, when its participant writes summaries and the run is
   * not part of another (a member's or a workflow step's run belongs to its team's or workflow's session). Called
   * once, before RunCompleted.
   */
  static void afterCompleted(ActiveRun run) {
    SessionSummaries summaries = run.runtime.summaries();
    if (summaries != null && run.scope.parentRunId() == null) {
      summaries.update(run);
    }
  }

  /** The summary text to put in the system message of {@code run}; null when there is none or it is not wanted. */
  static @Nullable String inContext(ActiveRun run, SessionStore store) {
    if (!run.runtime.participant().summaries().addToContext() || run.scope.parentRunId() != null) {
      return null;
    }
    Optional<Session> session = store.findSession(run.scope.sessionId());
    Object summary = session.map(Session::summary).map(s -> s.get("summary")).orElse(null);
    return summary instanceof String text ? text : null;
  }

  private void update(ActiveRun run) {
    run.emit(new RunEvent.SessionSummaryStarted(run.scope, run.now()));
    Map<String, Object> summary = null;
    try {
      summary = summarize(run);
    } catch (RuntimeException e) {
      LOG.warn("run {}: the session summary of session {} could not be made: {}", run.scope.runId(),
          run.scope.sessionId(), e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
    if (summary == null) {
      summary = current(run.scope.sessionId());
    }
    run.emit(new RunEvent.SessionSummaryCompleted(run.scope, run.now(), summary));
  }

  /** Asks the model for the summary and stores it; null (logged) when the answer is not one. */
  private @Nullable Map<String, Object> summarize(ActiveRun run) {
    List<Message> messages = List.of(Message.system(systemPrompt(conversation(run))),
        Message.user(settings.requestMessage()));
    ChatResponse response = model.chat(new ChatRequest(messages, List.of(), null, FORMAT, false, run.cancellation),
        StreamListener.NONE);
    run.recordModelCall(response.usage(), null, null); // the summary's tokens count in the run's, as in Agno
    Map<String, Object> summary = parse(response.content());
    if (summary == null) {
      LOG.warn("run {}: the session summary model's answer is not a summary: {}", run.scope.runId(),
          response.content());
      return null;
    }
    long now = run.now();
    return store.updateSession(run.scope.sessionId(), s -> s.withSummary(summary, now)).map(Session::summary)
        .orElse(null);
  }

  private @Nullable Map<String, Object> current(String sessionId) {
    try {
      return store.findSession(sessionId).map(Session::summary).orElse(null);
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** Agno's prompt: the instructions, then the conversation as {@code User:}/{@code Assistant:} lines. */
  private String systemPrompt(List<Message> conversation) {
    StringBuilder out = new StringBuilder(settings.prompt() != null ? settings.prompt() : DEFAULT_PROMPT);
    out.append("<conversation>");
    List<String> lines = new ArrayList<>(conversation.size());
    for (Message m : conversation) {
      if (m.role() == Role.USER && m.content() != null && !m.content().isBlank()) {
        lines.add("User: " + m.content());
      } else if (m.role() == Role.USER && !m.media().isEmpty()) {
        lines.add("User: [Provided " + m.media().size() + " file(s)]");
      } else if (m.role() == Role.ASSISTANT && m.content() != null) {
        lines.add("Assistant: " + m.content() + "\n");
      }
    }
    return out.append(String.join("\n", lines)).append("</conversation>").toString();
  }

  /**
   * The session's conversation: the messages of its completed top-level runs of this participant, oldest first, then
   * the run that just completed; messages replayed from history are left out.
   */
  private List<Message> conversation(ActiveRun run) {
    ComponentKind kind = run.scope.kind();
    List<Message> messages = new ArrayList<>();
    for (RunOutput previous : store.listRuns(new RunQuery(run.scope.sessionId(), null, RunStatus.COMPLETED, null,
        null, 0).ofComponent(kind, run.runtime.id()).topLevel())) {
      if (!previous.runId().equals(run.scope.runId())) {
        previous.messages().stream().filter(m -> !m.fromHistory()).forEach(m -> messages.add(m.message()));
      }
    }
    run.messages().stream().filter(m -> !m.fromHistory()).forEach(m -> messages.add(m.message()));
    return messages;
  }

  /** {@code {"summary", "topics", "updated_at"}} from the model's answer; null when it is not a summary. */
  private @Nullable Map<String, Object> parse(@Nullable String content) {
    if (content == null) {
      return null;
    }
    JsonNode node;
    try {
      node = Json.MAPPER.readTree(OutputFormat.stripFences(content));
    } catch (JacksonException e) {
      return null;
    }
    if (node == null || !node.path("summary").isString()) {
      return null;
    }
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("summary", node.path("summary").stringValue());
    if (node.path("topics").isArray()) {
      List<String> topics = new ArrayList<>();
      node.path("topics").forEach(t -> topics.add(t.isString() ? t.stringValue() : t.toString()));
      summary.put("topics", topics);
    }
    summary.put("updated_at", LocalDateTime.now(clock).toString());
    return summary;
  }
}
