package dev.agentry.engine.run;

import dev.agentry.engine.EngineException;
import dev.agentry.engine.event.EventSink;
import dev.agentry.engine.event.RunEvent;
import dev.agentry.engine.event.RunScope;
import dev.agentry.engine.event.RunStatus;
import dev.agentry.engine.event.ToolExecution;
import dev.agentry.engine.llm.Cancellation;
import dev.agentry.engine.llm.Media;
import dev.agentry.engine.llm.Message;
import dev.agentry.engine.model.AgentDef;
import dev.agentry.engine.model.Catalog;
import dev.agentry.engine.model.MediaSupport;
import dev.agentry.engine.model.NotFoundException;
import dev.agentry.engine.spec.AgentSpec;
import dev.agentry.engine.store.RunQuery;
import dev.agentry.engine.store.Session;
import dev.agentry.engine.store.SessionStore;
import dev.agentry.engine.store.StoreException;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The entry point of the runtime: runs the agents of a compiled {@link Catalog}.
 *
 * <p>{@link #start} is the primitive: it runs on a virtual thread and streams events to a sink. {@link #run} is
 * "start and collect" on the caller's thread. Each run pins the catalog it started on; {@link #reload} swaps the
 * catalog for new runs without touching those in flight. Agents are prepared (model client, tools) once per catalog,
 * on first use.
 *
 * <pre>{@code
 * Engine engine = Engine.create(catalog);
 * RunOutput out = engine.run("assistant", RunRequest.of("hello"));
 * }</pre>
 */
public final class Engine {
  private final EngineConfig config;
  private final AtomicReference<Loaded> loaded;
  private final Map<String, Cancellation> active = new ConcurrentHashMap<>();
  private final RunStorage storage;

  /** A catalog with the agents prepared for it so far. */
  private record Loaded(Catalog catalog, Map<String, AgentRuntime> agents) {
    Loaded(Catalog catalog) {
      this(catalog, new ConcurrentHashMap<>());
    }
  }

  private Engine(Catalog catalog, EngineConfig config) {
    this.config = config;
    this.loaded = new AtomicReference<>(new Loaded(catalog));
    this.storage = new RunStorage(config.store());
  }

  /** An engine with the default services: an in-memory store, the system clock and environment. */
  public static Engine create(Catalog catalog) {
    return create(catalog, c -> {});
  }

  /** An engine whose services {@code config} sets. */
  public static Engine create(Catalog catalog, Consumer<EngineConfig.Builder> config) {
    EngineConfig.Builder builder = new EngineConfig.Builder();
    config.accept(builder);
    return new Engine(catalog, builder.build());
  }

  /** The catalog new runs start on. */
  public Catalog catalog() {
    return loaded.get().catalog();
  }

  /** Makes {@code next} the catalog of new runs; runs in flight finish on the one they started with. */
  public void reload(Catalog next) {
    loaded.set(new Loaded(next));
  }

  /** The store sessions and runs are kept in. */
  public SessionStore store() {
    return config.store();
  }

  /** Runs an agent on the caller's thread and returns its output; events are dropped. */
  public RunOutput run(String agentId, RunRequest request) {
    return run(agentId, request, EventSink.NONE);
  }

  /**
   * Runs an agent on the caller's thread, streaming its events to {@code sink}, and returns its output.
   *
   * @throws NotFoundException when the catalog has no such agent
   */
  public RunOutput run(String agentId, RunRequest request, EventSink sink) {
    AgentRun run = prepare(agentId, request, sink);
    return execute(run, () -> begin(run, request));
  }

  /**
   * Starts an agent run on a virtual thread, streaming its events to {@code sink}.
   *
   * @throws NotFoundException when the catalog has no such agent
   */
  public RunHandle start(String agentId, RunRequest request, EventSink sink) {
    AgentRun run = prepare(agentId, request, sink);
    return launch(run, () -> begin(run, request));
  }

  /**
   * Starts an agent run in the background: unlike {@link #start}, the run (and a new session) is stored as
   * {@code PENDING} before this returns, so that it can be polled at once, as Agno stores a background run before it
   * answers 202 ({@code agentos-api.md} §2.5.4). The run is then stored as {@code RUNNING} when its thread starts, and
   * a cancel that arrives in between is kept.
   *
   * @throws NotFoundException when the catalog has no such agent
   * @throws StoreException when the pending run cannot be stored; nothing has started then
   */
  public RunHandle startBackground(String agentId, RunRequest request, EventSink sink) {
    AgentRun run = prepare(agentId, request, sink);
    String runId = run.scope.runId();
    active.put(runId, run.cancellation);
    try {
      storage.store(run, RunStatus.PENDING);
    } catch (RuntimeException e) {
      active.remove(runId);
      throw e;
    }
    return launch(run, () -> begin(run, request));
  }

  /**
   * Continues a paused run with the client's answers to its paused tool calls ({@code confirmed},
   * {@code user_input_schema} values, external {@code result}), as Agno's {@code continue_run}.
   *
   * @throws NotFoundException when no such run is stored
   * @throws RunNotPausedException when the run is not paused, or is already being continued
   * @throws InvalidAnswerException when an answer it waits for is missing
   * @throws StoreException when the run cannot be read
   */
  public RunHandle continueRun(String runId, List<ToolExecution> answers, EventSink sink) {
    RunOutput paused = store().findRun(runId).orElseThrow(() -> new NotFoundException("Run not found: " + runId));
    if (paused.status() != RunStatus.PAUSED) {
      throw new RunNotPausedException("run " + runId + " is " + paused.status() + ", not PAUSED: only a paused run "
          + "can be continued", paused.status());
    }
    Loaded current = loaded.get();
    AgentRuntime agent = runtime(current, paused.agentId());
    HumanInput.check(agent, paused.tools(), answers);
    Map<String, Object> state = new LinkedHashMap<>(paused.sessionState());
    AgentRun run = new AgentRun(agent, RunScope.of(agent.id(), agent.name(), runId, paused.sessionId()),
        new AgentRun.RunSettings(paused.input().inputContent(), paused.userId(), state, paused.sessionState(),
            Map.of(), paused.metadata(),
            agent.output(), true, streamEvents(agent.def().spec(), null), paused.createdAt(),
            paused.input().media()),
        Cancellation.create(), sink, config.clock());
    run.restore(paused.messages(), paused.tools(), paused.metrics());
    storage.persistWith(run);
    if (active.putIfAbsent(runId, run.cancellation) != null) {
      throw new RunNotPausedException("run " + runId + " is already being continued", RunStatus.RUNNING);
    }
    return launch(run, () -> {
      run.emit(new RunEvent.RunContinued(run.scope, run.now()));
      return HumanInput.resume(run, answers);
    });
  }

  /**
   * The functions an agent's model may call on the current catalog, in the order it is told about them; empty when
   * the agent cannot run (its failure is reported by its runs).
   *
   * @throws NotFoundException when the catalog has no such agent
   */
  public List<AgentTool> listTools(String agentId) {
    return listTools(catalog(), agentId);
  }

  /**
   * As {@link #listTools(String)}, on the given catalog: a caller that describes several components in one answer
   * passes the catalog it read them from, so a reload in between cannot mix two versions. The agents of the current
   * catalog are prepared once; those of another (one a reload has just replaced) are prepared for this call only.
   *
   * @throws NotFoundException when {@code catalog} has no such agent
   */
  public List<AgentTool> listTools(Catalog catalog, String agentId) {
    Loaded current = loaded.get();
    AgentRuntime runtime = current.catalog() == catalog ? runtime(current, agentId)
        : AgentRuntime.prepare(catalog.getAgent(agentId), catalog, config);
    return runtime.tools().values().stream()
        .map(t -> new AgentTool(t.definition(), t.flags().requiresConfirmation(), t.flags().externalExecution()))
        .toList();
  }

  /** The ids of the runs in flight on this engine (a snapshot), for a server that drains them before it stops. */
  public Set<String> activeRunIds() {
    return Set.copyOf(active.keySet());
  }

  /** Cancels a run in flight; false when no such run is running here. */
  public boolean cancel(String runId) {
    Cancellation cancellation = active.get(runId);
    if (cancellation == null) {
      return false;
    }
    cancellation.cancel();
    return true;
  }

  private RunHandle launch(AgentRun run, Supplier<TurnOutcome> first) {
    RunHandle handle = new RunHandle(run.scope.runId(), run.scope.sessionId(), run.cancellation);
    Thread.ofVirtual().name("run-" + run.scope.runId()).start(() -> {
      try {
        handle.complete(execute(run, first));
      } catch (Throwable e) {
        handle.fail(e);
      }
    });
    return handle;
  }

  private RunOutput execute(AgentRun run, Supplier<TurnOutcome> first) {
    String runId = run.scope.runId();
    active.put(runId, run.cancellation);
    try {
      storage.store(run, RunStatus.RUNNING);
      TurnOutcome start;
      try {
        start = first.get();
      } catch (StoreException e) {
        throw e;
      } catch (EngineException e) {
        start = new TurnOutcome.LimitReached(e.getMessage());
      }
      return AgentLoop.run(run, start);
    } catch (StoreException e) {
      return run.unsaved(e);
    } finally {
      active.remove(runId);
    }
  }

  /** Emits RunStarted and builds the context; the first turn asks the model. */
  private TurnOutcome begin(AgentRun run, RunRequest request) {
    AgentRuntime agent = run.agent;
    run.emit(new RunEvent.RunStarted(run.scope, run.createdAt, agent.chatModelId(), agent.provider()));
    AgentSpec spec = agent.def().spec();
    if (agent.input() != null) {
      List<String> problems = agent.input().problems(request.input());
      if (!problems.isEmpty()) {
        throw new EngineException("the input does not match input_schema: " + String.join("; ", problems));
      }
    }
    String system = agent.systemMessage() != null ? agent.systemMessage()
        : ContextBuilder.systemMessage(spec, agent.name(), agent.toolInstructions(), run.vars,
            ZonedDateTime.now(config.clock()));
    if (system != null) {
      run.add(Message.system(system), null);
    }
    ContextBuilder.additionalInput(spec).forEach(m -> run.add(m, null));
    if (Boolean.TRUE.equals(spec.addHistoryToContext())) {
      int runs = spec.numHistoryMessages() != null ? spec.numHistoryMessages()
          : spec.numHistoryRuns() != null ? spec.numHistoryRuns() : ContextBuilder.DEFAULT_HISTORY_RUNS;
      List<RunOutput> previous = store().listRuns(RunQuery.latest(run.scope.sessionId(), RunStatus.COMPLETED, runs));
      ContextBuilder.history(spec, previous).forEach(run::addHistory);
    }
    // Implements send_media_to_model: false keeps the media out of the model's context (Agno: for tools only).
    List<Media> media = Boolean.FALSE.equals(spec.sendMediaToModel()) ? List.of() : run.media;
    run.add(ContextBuilder.userMessage(spec, request.inputText(), run.vars, media), null);
    return TurnOutcome.NEXT;
  }

  AgentRun prepare(String agentId, RunRequest request, EventSink sink) {
    AgentRuntime agent = runtime(loaded.get(), agentId);
    boolean sendMedia = !Boolean.FALSE.equals(agent.def().spec().sendMediaToModel());
    if (sendMedia) {
      checkMedia(agent.def(), request.media());
    }
    AgentSpec spec = agent.def().spec();
    String sessionId = request.sessionId() != null ? request.sessionId()
        : spec.sessionId() != null ? spec.sessionId() : Ids.newId();
    String runId = request.runId() != null ? request.runId() : Ids.newId();
    Session session = store().findSession(sessionId).orElse(null);
    Map<String, Object> state = new LinkedHashMap<>();
    if (spec.sessionState() != null) {
      state.putAll(spec.sessionState());
    }
    if (session != null) {
      state.putAll(session.sessionState());
    }
    Map<String, Object> stored = session == null ? Map.of() : session.sessionState();
    if (request.sessionState() != null) {
      state.putAll(request.sessionState());
    }
    Map<String, Object> dependencies = merge(spec.dependencies(), request.dependencies());
    Map<String, Object> metadata = merge(spec.metadata(), request.metadata());
    String userId = request.userId() != null ? request.userId() : spec.userId();
    OutputFormat output = request.outputSchema() != null ? OutputFormat.of(request.outputSchema()) : agent.output();
    AgentRun run = new AgentRun(agent, RunScope.of(agent.id(), agent.name(), runId, sessionId),
        new AgentRun.RunSettings(request.input().isString() ? request.inputText() : request.input(), userId, state,
            stored, dependencies, metadata.isEmpty() ? null : metadata, output, request.stream(),
            streamEvents(spec, request.streamEvents()), 0, request.media()),
        Cancellation.create(), sink, config.clock());
    run.newSession = session == null;
    storage.persistWith(run);
    return run;
  }

  /** Refuses, before anything runs or is stored, media that the agent's model cannot take. */
  private static void checkMedia(AgentDef agent, List<Media> media) {
    for (Media m : media) {
      MediaSupport.refusal(agent.model(), m.kind(), m.url() != null, m.mediaType(), m.format()).ifPresent(why -> {
        throw new UnsupportedMediaException("agent '" + agent.id() + "' cannot take this " + m.kind().wireName()
            + ": " + why);
      });
    }
  }

  private AgentRuntime runtime(Loaded current, String agentId) {
    AgentDef def = current.catalog().getAgent(agentId);
    return current.agents().computeIfAbsent(agentId, id -> AgentRuntime.prepare(def, current.catalog(), config));
  }

  /** How many run endings wait for the database to be back. */
  public int pendingSaves() {
    return storage.pendingSaves();
  }

  /**
   * Writes the run endings still waiting for the database, once, for a server about to stop.
   *
   * @return how many are still waiting (they will be marked interrupted at the next start)
   */
  public int flushPendingSaves() {
    return storage.flushPendingSaves();
  }

  private static boolean streamEvents(AgentSpec spec, @Nullable Boolean requested) {
    return requested != null ? requested : !Boolean.FALSE.equals(spec.streamEvents());
  }

  private static Map<String, Object> merge(@Nullable Map<String, Object> base, @Nullable Map<String, Object> top) {
    if (top == null) {
      return base == null ? Map.of() : base;
    }
    Map<String, Object> merged = new LinkedHashMap<>();
    if (base != null) {
      merged.putAll(base);
    }
    merged.putAll(top);
    return merged;
  }
}
