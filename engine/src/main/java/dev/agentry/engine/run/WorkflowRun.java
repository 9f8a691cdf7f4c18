package dev.agentry.engine.run;

import dev.agentry.engine.event.EventRole;
import dev.agentry.engine.event.EventSink;
import dev.agentry.engine.event.Metrics;
import dev.agentry.engine.event.RunEvent;
import dev.agentry.engine.event.RunScope;
import dev.agentry.engine.event.RunStatus;
import dev.agentry.engine.event.StepRequirement;
import dev.agentry.engine.event.StepResult;
import dev.agentry.engine.event.WorkflowEvent;
import dev.agentry.engine.llm.Cancellation;
import dev.agentry.engine.llm.Usage;
import dev.agentry.engine.model.WorkflowDef;
import dev.agentry.engine.store.SessionStore;
import dev.agentry.engine.store.StoreException;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mutable state of one workflow run: its shared session state, the outputs of its steps, the runs of their
 * agents and teams, what it waits for when paused, and its events. The steps of a parallel block touch it from their
 * own threads: what they share is synchronized. Created fresh for every run and continuation.
 */
final class WorkflowRun implements StoredRun {
  private static final Logger LOG = LoggerFactory.getLogger(WorkflowRun.class);

  final WorkflowDef workflow;
  final LoadedCatalog loaded;
  final RunScope scope;
  final Object input;
  final @Nullable String userId;
  /** Shared by every step and the agents and teams they run (each gets a copy and hands back its changes). */
  final Map<String, Object> sessionState;
  final Map<String, Object> dependencies;
  final @Nullable Map<String, Object> metadata;
  final boolean stream;
  final boolean streamEvents;
  final Cancellation cancellation;
  /** Where the run (its steps' runs too) and its session are stored. */
  final SessionStore store;
  final long createdAt;
  private final Map<String, Object> initialState;
  private final EventSink sink;
  private final Clock clock;
  private final long startNanos = System.nanoTime();
  private final ReentrantLock emitting = new ReentrantLock();
  private final @Nullable List<RunEvent> events;
  /** The outputs of the top-level steps that ended, in order. */
  final List<StepResult> results = Collections.synchronizedList(new ArrayList<>());
  /** Every step's content so far, by step name ({@code step_outputs} of the CEL expressions). */
  private final Map<String, Object> outputs = new ConcurrentHashMap<>();
  /** The runs of the steps' agents, teams and workflows, by run id, in the order they started. */
  private final Map<String, RunOutput> executorRuns = new LinkedHashMap<>();
  /** The steps (agents, teams, workflows and reviews) that ended or paused in the current top-level step. */
  private final List<StepResult> ranInStep = new ArrayList<>();
  private final List<StepRequirement> waiting = new ArrayList<>();
  /** On a continue: the person's answers by step id, taken as the steps that wait for them are reached. */
  private final Map<String, StepRequirement> answers = new ConcurrentHashMap<>();
  /** On a continue: what the paused top-level step had done, by step name, in the order it was done. */
  private final Map<String, ArrayDeque<StepResult>> replay = new HashMap<>();
  private List<StepRequirement> given = List.of();
  private final RunSaver saver = new RunSaver();
  /** True when no stored session had this run's id when it was prepared. */
  boolean newSession;
  private boolean stored;

  WorkflowRun(WorkflowDef workflow, LoadedCatalog loaded, RunScope scope, Settings settings, Cancellation cancellation,
      EventSink sink, Clock clock) {
    this.workflow = workflow;
    this.loaded = loaded;
    this.scope = scope;
    this.input = settings.input();
    this.userId = settings.userId();
    this.sessionState = Collections.synchronizedMap(settings.sessionState());
    this.initialState = Collections.unmodifiableMap(new LinkedHashMap<>(settings.storedState()));
    this.dependencies = settings.dependencies();
    this.metadata = settings.metadata();
    this.store = settings.store();
    this.stream = settings.stream();
    this.streamEvents = settings.streamEvents();
    this.cancellation = cancellation;
    this.sink = sink;
    this.clock = clock;
    this.createdAt = settings.createdAt() > 0 ? settings.createdAt() : now();
    this.events = workflow.settings().storeEvents() ? new ArrayList<>() : null;
  }

  /** What a workflow run starts from, resolved from the request, the session and the spec. */
  record Settings(Object input, @Nullable String userId, Map<String, Object> sessionState,
      Map<String, Object> storedState, Map<String, Object> dependencies, @Nullable Map<String, Object> metadata,
      boolean stream, boolean streamEvents, long createdAt, SessionStore store) {}

  @Override
  public SessionStore store() {
    return store;
  }

  // ---- events ----

  /**
   * Emits a workflow event: stored when the workflow stores events and does not skip its name, and sent unless
   * {@code stream_events} is off and it is progress.
   */
  void emit(WorkflowEvent event) {
    emitting.lock();
    try {
      if (events != null && !workflow.settings().eventsToSkip().contains(event.name())) {
        events.add(event);
      }
      deliver(event);
    } finally {
      emitting.unlock();
    }
  }

  private void deliver(RunEvent event) {
    if (workflow.settings().debug()) {
      DebugLog.workflow(workflow.id(), event);
    }
    if (streamEvents || EventRole.of(event) != EventRole.PROGRESS) {
      sink.accept(event);
    }
  }

  /** Where the steps' agents and teams send their events: the workflow's sink, unless it keeps them out. */
  EventSink executorSink() {
    return workflow.settings().streamExecutorEvents() ? sink : EventSink.NONE;
  }

  // ---- what the steps share ----

  Map<String, Object> sessionStateCopy() {
    synchronized (sessionState) {
      return new LinkedHashMap<>(sessionState);
    }
  }

  /** Applies what a step's run changed in its copy of the session state. */
  void mergeState(Map<String, Object> before, Map<String, Object> after) {
    synchronized (sessionState) {
      Map<String, Object> merged = StateDelta.apply(sessionState, before, after);
      sessionState.clear();
      sessionState.putAll(merged);
    }
  }

  /** Every step's content so far by name, for CEL: a live view (parallel steps may add to it meanwhile). */
  Map<String, Object> outputs() {
    return Collections.unmodifiableMap(outputs);
  }

  /** Records a step's output: by name for the steps after it, and for a continue of its top-level step. */
  void ended(StepResult result) {
    output(result);
    synchronized (ranInStep) {
      ranInStep.add(result);
    }
  }

  /** Makes a step's content {@code step_outputs[name]} for the expressions after it. */
  void output(StepResult result) {
    outputs.put(result.stepName(), result.content() == null ? "" : result.content());
  }

  /** Records a step that waits for a person, with what it waits for. */
  void waitsFor(StepResult paused, List<StepRequirement> requirements) {
    synchronized (ranInStep) {
      ranInStep.add(paused);
      waiting.addAll(requirements);
    }
  }

  /** Starts a top-level step: what ran in the one before is no longer needed. */
  void startTopLevelStep() {
    synchronized (ranInStep) {
      ranInStep.clear();
    }
  }

  /** The paused top-level step as stored: what ran in it so far, so that a continue can take it up. */
  StepResult pausedStep(StepResult paused) {
    synchronized (ranInStep) {
      return new StepResult(paused.content(), paused.stepName(), paused.stepId(), paused.stepType(), null, null,
          null, null, null, null, null, null, true, null, false, true, List.copyOf(ranInStep));
    }
  }

  /** Records a step's run; a continued one replaces its paused self. */
  void addExecutorRun(RunOutput run) {
    synchronized (executorRuns) {
      executorRuns.put(run.runId(), run);
    }
  }

  List<RunOutput> executorRuns() {
    synchronized (executorRuns) {
      return List.copyOf(executorRuns.values());
    }
  }

  List<StepRequirement> waiting() {
    synchronized (ranInStep) {
      return List.copyOf(waiting);
    }
  }

  // ---- a continue ----

  /** Restores a paused run: its finished steps, executor runs and events, and what the paused step had done. */
  void restore(RunOutput paused, List<StepRequirement> given) {
    List<StepResult> done = paused.stepResults();
    StepResult last = done.isEmpty() ? null : done.getLast();
    for (StepResult r : last != null && last.isPaused() ? done.subList(0, done.size() - 1) : done) {
      results.add(r);
      remember(r);
    }
    if (last != null && last.isPaused() && last.steps() != null) {
      for (StepResult r : last.steps()) {
        replay.computeIfAbsent(r.stepName(), k -> new ArrayDeque<>()).add(r);
        if (!r.isPaused()) {
          outputs.put(r.stepName(), r.content() == null ? "" : r.content());
        }
      }
    }
    paused.memberResponses().forEach(this::addExecutorRun);
    if (events != null && paused.events() != null) {
      events.addAll(paused.events());
    }
    given.forEach(a -> answers.put(a.stepId(), a));
    this.given = List.copyOf(given);
  }

  /** The answers the run was continued with, as given (a paused nested workflow is continued with them too). */
  List<StepRequirement> given() {
    return given;
  }

  private void remember(StepResult result) {
    outputs.put(result.stepName(), result.content() == null ? "" : result.content());
    if (result.steps() != null) {
      result.steps().forEach(this::remember);
    }
  }

  /** What the paused step had done under {@code stepName}, taken once; null when nothing. */
  @Nullable StepResult replayed(String stepName) {
    synchronized (replay) {
      ArrayDeque<StepResult> queue = replay.get(stepName);
      return queue == null ? null : queue.poll();
    }
  }

  /** The person's answer for the step, taken once; null when there is none. */
  @Nullable StepRequirement answer(String stepId) {
    return answers.remove(stepId);
  }

  /** A paused executor run of this workflow run, by id. */
  @Nullable RunOutput executorRun(String runId) {
    synchronized (executorRuns) {
      return executorRuns.get(runId);
    }
  }

  // ---- its ending ----

  /** The run's token counts (its steps' runs') and its duration. */
  Metrics metrics() {
    Metrics total = Metrics.of(Usage.NONE, (System.nanoTime() - startNanos) / 1e9, null);
    for (RunOutput r : executorRuns()) {
      total = total.plusTokens(r.metrics());
    }
    return total;
  }

  double durationSeconds() {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  /**
   * Ends the run: saves its output, then sends {@code last}, so that no client sees an ending the store will not get.
   * When the database is unreachable the ending is queued and {@code last} sent all the same; when it cannot be,
   * the run ends with WorkflowError instead.
   */
  RunOutput end(RunStatus status, @Nullable Object content, WorkflowEvent last) {
    emitting.lock();
    try {
      if (events != null) {
        events.add(last);
      }
      RunOutput output = toOutput(status, content, contentType(content));
      try {
        saver.save(output);
      } catch (StoreException e) {
        if (events != null) {
          events.removeLast();
        }
        return unsaved(e);
      }
      deliver(last);
      return output;
    } finally {
      emitting.unlock();
    }
  }

  /** Ends the run with WorkflowError (StoreError): the store failed; the ERROR ending is stored if it can be. */
  RunOutput unsaved(StoreException e) {
    LOG.warn("workflow run {} of {} could not be saved: {}", scope.runId(), workflow.id(), e.getMessage());
    String message = RunSaver.message(e);
    if (stored) {
      saver.saveFailure(failureRecord(message));
    }
    deliver(new WorkflowEvent.WorkflowError(scope, now(), message, "StoreError", null, null));
    return toOutput(RunStatus.ERROR, message, "str");
  }

  static String contentType(@Nullable Object content) {
    return content == null || content instanceof String ? "str" : "json";
  }

  @Override
  public RunOutput toOutput(RunStatus status, @Nullable Object content, String contentType) {
    List<StepResult> steps;
    synchronized (results) {
      steps = List.copyOf(results);
    }
    return new RunOutput(scope.runId(), scope.kind(), workflow.id(), workflow.name(), scope.parentRunId(),
        scope.sessionId(), userId, content, contentType, null, "", "", sessionStateSnapshot(), createdAt, status,
        metrics(), List.of(), List.of(), new RunOutput.RunInput(input), events == null ? null : List.copyOf(events),
        metadata, executorRuns(), steps, status == RunStatus.PAUSED ? waiting() : List.of(), catalogVersion());
  }

  Map<String, Object> sessionStateSnapshot() {
    synchronized (sessionState) {
      return sessionState.isEmpty() ? Map.of() : new LinkedHashMap<>(sessionState);
    }
  }

  @Override
  public RunOutput failureRecord(String message) {
    return new RunOutput(scope.runId(), scope.kind(), workflow.id(), workflow.name(), scope.parentRunId(),
        scope.sessionId(), userId, message, "str", null, "", "", sessionStateSnapshot(), createdAt, RunStatus.ERROR,
        metrics(), List.of(), List.of(), new RunOutput.RunInput(input), null, metadata, List.of(), List.of(),
        List.of(), catalogVersion());
  }

  /** The run as stored: without its steps' runs unless {@code store_executor_outputs}, except paused ones. */
  @Override
  public RunOutput stored(RunOutput output) {
    if (workflow.settings().storeExecutorOutputs() || output.memberResponses().isEmpty()) {
      return output;
    }
    return output.withMemberResponses(output.memberResponses().stream()
        .filter(m -> m.status() == RunStatus.PAUSED).toList());
  }

  @Override
  public void persistWith(Consumer<RunOutput> save, Predicate<RunOutput> saveLater) {
    saver.set(save, saveLater);
  }

  @Override
  public RunScope scope() {
    return scope;
  }

  @Override
  public String componentId() {
    return workflow.id();
  }

  @Override
  public @Nullable String userId() {
    return userId;
  }

  @Override
  public String catalogVersion() {
    return loaded.catalog().version();
  }

  @Override
  public long now() {
    return clock.millis() / 1000;
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
}
