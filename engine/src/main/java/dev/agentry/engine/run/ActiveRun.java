package dev.agentry.engine.run;

import dev.agentry.engine.event.EventRole;
import dev.agentry.engine.event.EventSink;
import dev.agentry.engine.event.MessageReferences;
import dev.agentry.engine.event.Metrics;
import dev.agentry.engine.event.ReasoningSteps;
import dev.agentry.engine.event.RunEvent;
import dev.agentry.engine.event.RunScope;
import dev.agentry.engine.event.RunStatus;
import dev.agentry.engine.event.ToolExecution;
import dev.agentry.engine.llm.Cancellation;
import dev.agentry.engine.llm.Media;
import dev.agentry.engine.llm.Message;
import dev.agentry.engine.llm.Usage;
import dev.agentry.engine.model.TeamDef;
import dev.agentry.engine.model.TeamMode;
import dev.agentry.engine.store.SessionStore;
import dev.agentry.engine.store.StoreException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mutable state of one run (an agent's, a team leader's or a member's): its conversation, tool calls, usage and
 * events. Confined to the run's thread (tool calls running in parallel hand their results back to it), except for
 * what a team's tools touch from their own threads: events ({@link #emit} takes a lock), member runs and the task
 * list. Created fresh for every run and continuation.
 */
final class ActiveRun implements StoredRun {
  private static final Logger LOG = LoggerFactory.getLogger(ActiveRun.class);

  final ParticipantRuntime runtime;
  final RunScope scope;
  final @Nullable String userId;
  final Map<String, Object> sessionState;
  private final ReentrantLock emitting = new ReentrantLock();
  /** The session_state as stored when the run started, to tell what the run (and its request) changed. */
  final Map<String, Object> initialState;
  final ContextBuilder.Vars vars;
  final @Nullable OutputFormat output;
  final boolean stream;
  final Cancellation cancellation;
  /** The user's input; a masking pre-hook replaces it before the model reads it, and the run is stored with that. */
  Object input;
  /** The media sent with the input, put on the user message and stored in the run's input. */
  final List<Media> media;
  final long createdAt;
  final @Nullable Map<String, Object> metadata;
  /** Where the run and its session are stored. */
  final SessionStore store;

  private final boolean streamEvents;
  private final EventSink sink;
  private final Clock clock;
  private final long startNanos = System.nanoTime();
  private final List<RunMessage> messages = new ArrayList<>();
  private final List<Message> conversation = new ArrayList<>();
  private final List<ToolExecution> tools = new ArrayList<>();
  private final @Nullable List<RunEvent> events;
  private final List<RunOutput> members = new ArrayList<>(0);
  private Usage usage = Usage.NONE;
  private @Nullable Double timeToFirstToken;
  private @Nullable String reasoning;
  private List<ReasoningSteps.Step> reasoningSteps = List.of();
  private List<RunMessage> reasoningMessages = List.of();
  /** What its knowledge searches found; a team's tools may search from their own threads. */
  private final List<MessageReferences> references = Collections.synchronizedList(new ArrayList<>(0));
  private final RunSaver saver = new RunSaver();
  int toolCalls;
  /** The task list, in a team run in tasks mode; null otherwise. */
  final @Nullable TaskBoard tasks;
  /** The round of a run in tasks mode, from 1. */
  int iteration;
  /** How many times the model was asked in this run (max_turns). */
  int turns;
  /** True when the run's timeout cancelled it. */
  volatile boolean timedOut;
  /** True when no stored session had this run's id when it was prepared. */
  boolean newSession;
  /** True once the store has the run as RUNNING: from then on its ending must reach the store too. */
  boolean stored;
  boolean corrected;
  /** The memory manager reading this run's input in the background ({@code enable_user_memories}); null if none. */
  @Nullable MemoryUpdate memoryUpdate;

  ActiveRun(ParticipantRuntime runtime, RunScope scope, RunSettings settings, Cancellation cancellation, EventSink sink,
      Clock clock) {
    this.runtime = runtime;
    this.scope = scope;
    this.userId = settings.userId();
    // a team's members merge their changes from their own threads, while the leader's tools may write it too
    this.sessionState = Collections.synchronizedMap(settings.sessionState());
    this.initialState = Collections.unmodifiableMap(new LinkedHashMap<>(settings.storedState()));
    this.vars = new ContextBuilder.Vars(userId, sessionState, settings.dependencies(),
        settings.metadata() == null ? Map.of() : settings.metadata());
    this.output = settings.output();
    this.stream = settings.stream();
    this.streamEvents = settings.streamEvents();
    this.input = settings.input();
    this.media = settings.media();
    this.metadata = settings.metadata();
    this.store = settings.store();
    this.cancellation = cancellation;
    this.sink = sink;
    this.clock = clock;
    this.createdAt = settings.createdAt() > 0 ? settings.createdAt() : now();
    this.events = runtime.participant().storeEvents() ? new ArrayList<>() : null;
    this.tasks = runtime.team() != null && runtime.team().team().mode() == TeamMode.TASKS ? new TaskBoard() : null;
  }

  /** The per-run settings an {@link ActiveRun} starts from, resolved from the request, the session and the spec. */
  record RunSettings(
      Object input,
      @Nullable String userId,
      Map<String, Object> sessionState,
      Map<String, Object> storedState,
      Map<String, Object> dependencies,
      @Nullable Map<String, Object> metadata,
      @Nullable OutputFormat output,
      boolean stream,
      boolean streamEvents,
      long createdAt,
      List<Media> media,
      SessionStore store) {}

  @Override
  public SessionStore store() {
    return store;
  }

  /** The input as the text the model reads: the string itself, or the JSON text of structured input. */
  String inputText() {
    return input instanceof String s ? s : input.toString();
  }

  boolean streamEvents() {
    return streamEvents;
  }

  /** A copy of the session state, for a member run to start from (it changes it) and for what the run hands out. */
  Map<String, Object> sessionStateCopy() {
    synchronized (sessionState) {
      return new LinkedHashMap<>(sessionState);
    }
  }

  /** The session state as the run hands it out (its output, RunCompleted): a copy, shared and empty when it is. */
  Map<String, Object> sessionStateSnapshot() {
    synchronized (sessionState) {
      return sessionState.isEmpty() ? Map.of() : new LinkedHashMap<>(sessionState);
    }
  }

  /** Applies what a member's run changed in its copy of the session state to this run's. */
  void mergeMemberState(ActiveRun member) {
    synchronized (sessionState) {
      Map<String, Object> merged = StateDelta.apply(sessionState, member.initialState, member.sessionState);
      sessionState.clear();
      sessionState.putAll(merged);
    }
  }

  @Override
  public RunScope scope() {
    return scope;
  }

  @Override
  public String componentId() {
    return runtime.id();
  }

  @Override
  public @Nullable String userId() {
    return userId;
  }

  @Override
  public String catalogVersion() {
    return runtime.catalogVersion();
  }

  @Override
  public Map<String, Object> initialState() {
    return initialState;
  }

  @Override
  public boolean takeNewSession() {
    boolean was = newSession;
    newSession = false;
    return was;
  }

  @Override
  public void markStored() {
    stored = true;
  }

  /**
   * The run as stored: a team's without its members' runs unless it sets {@code store_member_responses} (Agno's
   * default), except those that wait for a person, which a continue needs.
   */
  @Override
  public RunOutput stored(RunOutput output) {
    RunOutput scrubbed = StoredMessages.of(runtime.participant().storage(), output);
    TeamDef team = runtime.team();
    if (team == null || team.team().storeMemberResponses() || scrubbed.memberResponses().isEmpty()) {
      return scrubbed;
    }
    return scrubbed.withMemberResponses(scrubbed.memberResponses().stream()
        .filter(m -> m.status() == RunStatus.PAUSED).toList());
  }

  /** Implements {@code overwrite_db_session_state} for a top-level run (a member's state goes to its team's run). */
  @Override
  public boolean overwritesState() {
    return scope.parentRunId() == null && runtime.participant().state().overwriteStored();
  }

  /**
   * Implements {@code introduction}, as Agno's {@code read_or_create_session} does: a completed run of the participant
   * whose content and one assistant message are the introduction, stored before the first run of a new session.
   */
  @Override
  public @Nullable RunOutput introduction() {
    String text = runtime.participant().messages().introduction();
    if (text == null || scope.parentRunId() != null) {
      return null;
    }
    long at = Math.min(createdAt, now());
    return new RunOutput(Ids.newId(), scope.kind(), runtime.id(), runtime.name(), null, scope.sessionId(), userId,
        text, "str", null, runtime.chatModelId(), runtime.provider(), Map.of(), at, RunStatus.COMPLETED, Metrics.ZERO,
        List.of(new RunMessage(Message.assistant(text, null, List.of()), at, false, null)), List.of(),
        new RunOutput.RunInput(""), null, null, List.of(), List.of(), List.of(), runtime.catalogVersion());
  }

  /** Where this run's events go: a member's run sends its events to its team's sink. */
  EventSink sink() {
    return sink;
  }

  @Override
  public long now() {
    return clock.millis() / 1000;
  }

  /**
   * Emits an event: to the stored list when the participant stores events and does not skip its name
   * ({@code events_to_skip}; by default the content deltas and a team's intermediate content), and to the sink
   * unless {@code stream_events} is off and the event is neither content nor an ending.
   */
  void emit(RunEvent event) {
    if (event instanceof RunEvent.RunContent content && !reasoningSteps.isEmpty()) {
      event = content.withReasoningSteps(reasoningSteps); // as Agno's: every piece of the answer carries the steps
    }
    if (event instanceof RunEvent.RunContent content && !references.isEmpty()) {
      event = content.withReferences(references()); // and the references found so far
    }
    emitting.lock(); // a team's tools emit from their own threads; a lock, not synchronized: a sink may block
    try {
      if (storesEvent(event)) {
        events.add(event);
      }
      deliver(event);
    } finally {
      emitting.unlock();
    }
  }


  private boolean storesEvent(RunEvent event) {
    return events != null && !runtime.participant().storage().eventsToSkip().contains(event.name());
  }

  private void deliver(RunEvent event) {
    emitting.lock();
    try {
      EventRole role = EventRole.of(event);
      if (streamEvents || role == EventRole.CONTENT || role == EventRole.STOPPED) {
        sink.accept(event);
      }
    } finally {
      emitting.unlock();
    }
  }


  /**
   * Sets how the run's ending is saved ({@link #end}): {@code save} now, or, when the database is unreachable,
   * {@code saveLater} (false when it cannot take the ending either). By default it is not saved.
   */
  @Override
  public void persistWith(Consumer<RunOutput> save, Predicate<RunOutput> saveLater) {
    saver.set(save, saveLater);
  }

  /**
   * Ends the run: saves its output, then sends {@code last}, so that no client sees an ending the store will not get.
   * When the database is unreachable the ending is queued, to be written once it is back, and {@code last} is sent
   * all the same; when it cannot be queued, or the store refuses it, the run ends with RunError instead (and its
   * output says so).
   */
  RunOutput end(RunStatus status, @Nullable Object content, String contentType, RunEvent last) {
    boolean storeLast = storesEvent(last);
    if (storeLast) {
      events.add(last);
    }
    RunOutput output = toOutput(status, content, contentType);
    DebugLog.ended(this, output);
    try {
      saver.save(output);
    } catch (StoreException e) {
      if (storeLast) {
        events.removeLast();
      }
      return unsaved(e);
    }
    deliver(last);
    return output;
  }

  /**
   * Ends the run with RunError (type StoreError): the store failed. A run the store has as RUNNING gets this ERROR
   * ending stored (now, or queued until the database is back) so that it does not stay RUNNING. The message names no
   * database detail: that is for the log.
   */
  RunOutput unsaved(StoreException e) {
    LOG.warn("run {} of {} {} could not be saved: {}", scope.runId(), scope.kind().wireName(), runtime.id(),
        e.getMessage());
    String message = RunSaver.message(e);
    RunEvent error = new RunEvent.RunError(scope, now(), message, "StoreError", null, null);
    if (events != null) {
      events.add(error);
    }
    if (stored) {
      saver.saveFailure(failureRecord(message));
    }
    deliver(error);
    return toOutput(RunStatus.ERROR, message, "str");
  }

  /**
   * The ERROR ending stored for a run whose own ending the store could not take: without its conversation, tool
   * calls and events, which may hold what the database refused.
   */
  @Override
  public RunOutput failureRecord(String message) {
    return new RunOutput(scope.runId(), scope.kind(), runtime.id(), runtime.name(), scope.parentRunId(),
        scope.sessionId(), userId, message, "str", null, runtime.chatModelId(), runtime.provider(),
        sessionStateSnapshot(), createdAt, RunStatus.ERROR, metrics(), List.of(), List.of(), new RunOutput.RunInput(input), null, metadata,
        List.of(), List.of(), List.of(), runtime.catalogVersion());
  }

  void add(Message message, @Nullable Metrics metrics) {
    messages.add(new RunMessage(message, now(), false, metrics));
    conversation.add(message);
  }

  /** Adds a message to what the model reads only, not to the run's stored messages (the reasoning notes). */
  void addToContext(Message message) {
    conversation.add(message);
  }

  /**
   * Keeps the steps of step-by-step reasoning and the reasoning model's messages; the steps' text becomes the
   * run's reasoning content, as Agno writes it.
   */
  void recordReasoning(List<ReasoningSteps.Step> steps, List<Message> replies) {
    reasoningSteps = List.copyOf(steps);
    long at = now();
    reasoningMessages = replies.stream().map(m -> RunMessage.of(m, at)).toList();
    String text = steps.stream().map(ReasoningSteps.Step::text).reduce("", String::concat);
    reasoning = reasoning == null ? text : reasoning + "\n" + text;
  }

  List<ReasoningSteps.Step> reasoningSteps() {
    return reasoningSteps;
  }

  /** Records what a knowledge search found ({@code references}); Agno records only searches that found something. */
  void addReferences(MessageReferences found) {
    references.add(found);
  }

  /** The references found so far, in the order the searches ran. */
  List<MessageReferences> references() {
    synchronized (references) {
      return List.copyOf(references);
    }
  }

  /** The references as the events carry them: null (left out) when there are none. */
  @Nullable List<MessageReferences> referencesOrNull() {
    List<MessageReferences> all = references();
    return all.isEmpty() ? null : all;
  }

  /** The reasoning messages as {@code RunCompleted} carries them ({@code reasoning_messages}). */
  List<Object> reasoningMessagesJson() {
    return List.copyOf(ChatMessage.listOf(scope.runId() + "/reasoning", reasoningMessages, List.of()));
  }

  /** Adds the tokens of an auxiliary model call (the reasoning model's) to the run's. */
  void recordUsage(Usage callUsage) {
    usage = usage.plus(callUsage);
  }

  void addHistory(Message message) {
    messages.add(new RunMessage(message, now(), true, null));
    conversation.add(message);
  }

  /** Restores the conversation, tool calls, usage and member runs of a paused run. */
  void restore(RunOutput paused) {
    Metrics own = paused.metrics();
    for (RunOutput member : paused.memberResponses()) {
      own = own.minusTokens(member.metrics()); // a team's stored metrics include its members' tokens
      addMemberResponse(member);
    }
    restore(paused.messages(), paused.tools(), own);
    references.addAll(paused.references());
    if (tasks != null) {
      iteration = tasks.restore(sessionState.remove(TaskBoard.STATE_KEY));
    }
  }

  private void restore(List<RunMessage> previous, List<ToolExecution> previousTools, Metrics previousMetrics) {
    messages.addAll(previous);
    previous.forEach(m -> conversation.add(m.forModel()));
    tools.addAll(previousTools);
    usage = new Usage(previousMetrics.inputTokens(), previousMetrics.outputTokens(), previousMetrics.totalTokens(),
        previousMetrics.cacheReadTokens(), previousMetrics.cacheWriteTokens(), previousMetrics.reasoningTokens());
    timeToFirstToken = previousMetrics.timeToFirstToken();
  }

  /** The run's messages so far, as they are stored. */
  List<RunMessage> messages() {
    return messages;
  }

  List<Message> conversation() {
    return conversation;
  }

  /**
   * Replaces the tool result at {@code index} by its compressed form in what the model reads from now on; the stored
   * message keeps the original beside it.
   */
  void compress(int index, String text) {
    RunMessage stored = messages.get(index).compressed(text);
    messages.set(index, stored);
    conversation.set(index, stored.forModel());
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

  @Nullable String reasoning() {
    return reasoning;
  }

  /** The run's token counts and times; a team's include its members' tokens. */
  Metrics metrics() {
    Metrics own = Metrics.of(usage, (System.nanoTime() - startNanos) / 1e9, timeToFirstToken);
    for (RunOutput member : memberResponses()) {
      own = own.plusTokens(member.metrics());
    }
    return own;
  }

  /** Records a member's run (it may end on another thread: broadcast members run in parallel). */
  void addMemberResponse(RunOutput member) {
    synchronized (members) {
      members.removeIf(m -> m.runId().equals(member.runId()));
      members.add(member);
    }
  }

  /** The runs of this team run's members so far, in the order they ended. */
  List<RunOutput> memberResponses() {
    synchronized (members) {
      return List.copyOf(members);
    }
  }

  @Override
  public RunOutput toOutput(RunStatus status, @Nullable Object content, String contentType) {
    // Implements store_media: false leaves the media out of the run's input and messages, as Agno scrubs them.
    boolean storeMedia = runtime.participant().storeMedia();
    return new RunOutput(scope.runId(), scope.kind(), runtime.id(), runtime.name(), scope.parentRunId(),
        scope.sessionId(), userId, content, contentType, reasoning, reasoningSteps, reasoningMessages,
        references(), runtime.chatModelId(), runtime.provider(), sessionStateSnapshot(), createdAt, status, metrics(),
        storeMedia ? messages : withoutMedia(messages), tools, RunOutput.RunInput.of(input, storeMedia ? media
        : List.of()), events == null ? null : List.copyOf(events), metadata, memberResponses(), List.of(),
        List.of(), runtime.catalogVersion(), null);
  }

  private static List<RunMessage> withoutMedia(List<RunMessage> messages) {
    return messages.stream().map(m -> m.message().media().isEmpty() ? m : new RunMessage(new Message(
        m.message().role(), m.message().content(), m.message().reasoningContent(), m.message().toolCalls(),
        m.message().toolCallId(), m.message().toolName(), m.message().toolError()), m.createdAt(), m.fromHistory(),
        m.metrics(), m.compressedContent())).toList();
  }
}
