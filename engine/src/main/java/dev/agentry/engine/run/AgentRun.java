package dev.agentry.engine.run;

import dev.agentry.engine.event.EventSink;
import dev.agentry.engine.event.Metrics;
import dev.agentry.engine.event.RunEvent;
import dev.agentry.engine.event.RunScope;
import dev.agentry.engine.event.RunStatus;
import dev.agentry.engine.event.ToolExecution;
import dev.agentry.engine.llm.Cancellation;
import dev.agentry.engine.llm.Message;
import dev.agentry.engine.llm.Usage;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The mutable state of one run: its conversation, tool calls, usage and events. Confined to the run's thread (tool
 * calls running in parallel hand their results back to it), and created fresh for every run and continuation.
 */
final class AgentRun {
  final AgentRuntime agent;
  final RunScope scope;
  final @Nullable String userId;
  final Map<String, Object> sessionState;
  final ContextBuilder.Vars vars;
  final @Nullable OutputFormat output;
  final boolean stream;
  final Cancellation cancellation;
  final Object input;
  final long createdAt;
  final @Nullable Map<String, Object> metadata;

  private final boolean streamEvents;
  private final EventSink sink;
  private final Clock clock;
  private final long startNanos = System.nanoTime();
  private final List<RunMessage> messages = new ArrayList<>();
  private final List<Message> conversation = new ArrayList<>();
  private final List<ToolExecution> tools = new ArrayList<>();
  private final @Nullable List<RunEvent> events;
  private Usage usage = Usage.NONE;
  private @Nullable Double timeToFirstToken;
  private @Nullable String reasoning;
  int toolCalls;
  boolean corrected;

  AgentRun(AgentRuntime agent, RunScope scope, RunSettings settings, Cancellation cancellation, EventSink sink,
      Clock clock) {
    this.agent = agent;
    this.scope = scope;
    this.userId = settings.userId();
    this.sessionState = settings.sessionState();
    this.vars = new ContextBuilder.Vars(userId, sessionState, settings.dependencies(),
        settings.metadata() == null ? Map.of() : settings.metadata());
    this.output = settings.output();
    this.stream = settings.stream();
    this.streamEvents = settings.streamEvents();
    this.input = settings.input();
    this.metadata = settings.metadata();
    this.cancellation = cancellation;
    this.sink = sink;
    this.clock = clock;
    this.createdAt = settings.createdAt() > 0 ? settings.createdAt() : now();
    this.events = Boolean.TRUE.equals(agent.def().spec().storeEvents()) ? new ArrayList<>() : null;
  }

  /** The per-run settings an {@link AgentRun} starts from, resolved from the request, the session and the spec. */
  record RunSettings(
      Object input,
      @Nullable String userId,
      Map<String, Object> sessionState,
      Map<String, Object> dependencies,
      @Nullable Map<String, Object> metadata,
      @Nullable OutputFormat output,
      boolean stream,
      boolean streamEvents,
      long createdAt) {}

  long now() {
    return clock.millis() / 1000;
  }

  /**
   * Emits an event: always to the stored list when the agent stores events (content deltas excepted, as Agno
   * does), and to the sink unless {@code stream_events} is off and the event is neither content nor an ending.
   */
  void emit(RunEvent event) {
    if (events != null && !(event instanceof RunEvent.RunContent)) {
      events.add(event);
    }
    if (streamEvents || event instanceof RunEvent.RunContent || event instanceof RunEvent.RunError
        || event instanceof RunEvent.RunCancelled || event instanceof RunEvent.RunPaused) {
      sink.accept(event);
    }
  }

  void add(Message message, @Nullable Metrics metrics) {
    messages.add(new RunMessage(message, now(), false, metrics));
    conversation.add(message);
  }

  void addHistory(Message message) {
    messages.add(new RunMessage(message, now(), true, null));
    conversation.add(message);
  }

  /** Restores the conversation and tool calls of a paused run. */
  void restore(List<RunMessage> previous, List<ToolExecution> previousTools, Metrics previousMetrics) {
    messages.addAll(previous);
    previous.forEach(m -> conversation.add(m.message()));
    tools.addAll(previousTools);
    usage = new Usage(previousMetrics.inputTokens(), previousMetrics.outputTokens(), previousMetrics.totalTokens(),
        previousMetrics.cacheReadTokens(), previousMetrics.cacheWriteTokens(), previousMetrics.reasoningTokens());
    timeToFirstToken = previousMetrics.timeToFirstToken();
  }

  List<Message> conversation() {
    return conversation;
  }

  List<ToolExecution> tools() {
    return tools;
  }

  void recordModelCall(Usage callUsage, @Nullable Double ttft, @Nullable String reasoningContent) {
    usage = usage.plus(callUsage);
    if (timeToFirstToken == null) {
      timeToFirstToken = ttft;
    }
    if (reasoningContent != null) {
      reasoning = reasoning == null ? reasoningContent : reasoning + "\n" + reasoningContent;
    }
  }

  Metrics metrics() {
    return Metrics.of(usage, (System.nanoTime() - startNanos) / 1e9, timeToFirstToken);
  }

  RunOutput toOutput(RunStatus status, @Nullable Object content, String contentType) {
    return new RunOutput(scope.runId(), agent.id(), agent.name(), scope.sessionId(), userId, content, contentType,
        reasoning, agent.chatModelId(), agent.provider(), sessionState, createdAt, status, metrics(), messages,
        tools, new RunOutput.RunInput(input), events == null ? null : List.copyOf(events), metadata,
        agent.catalogVersion());
  }
}
