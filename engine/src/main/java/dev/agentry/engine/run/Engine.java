package dev.agentry.engine.run;

import dev.agentry.engine.knowledge.KnowledgeBase;
import dev.agentry.engine.knowledge.internal.base.DefaultKnowledgeOpener;
import dev.agentry.engine.llm.ChatModel;
import dev.agentry.engine.model.ModelDef;
import dev.agentry.engine.event.ComponentKind;
import dev.agentry.engine.event.EventSink;
import dev.agentry.engine.event.RunEvent;
import dev.agentry.engine.event.RunScope;
import dev.agentry.engine.event.RunStatus;
import dev.agentry.engine.event.StepRequirement;
import dev.agentry.engine.event.ToolExecution;
import dev.agentry.engine.llm.Cancellation;
import dev.agentry.engine.model.AgentDef;
import dev.agentry.engine.model.Catalog;
import dev.agentry.engine.model.NotFoundException;
import dev.agentry.engine.model.TeamDef;
import dev.agentry.engine.run.internal.LeaseKeeper;
import dev.agentry.engine.store.Databases;
import dev.agentry.engine.store.SessionStore;
import dev.agentry.engine.store.StoreException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The entry point of the runtime: runs the agents and teams of a compiled {@link Catalog}, through one loop.
 *
 * <p>{@link #start} is the primitive: it runs on a virtual thread and streams events to a sink. {@link #run} is
 * "start and collect" on the caller's thread. A team's leader runs like an agent whose tools delegate to members;
 * each member run is a child run started through the same path ({@link RunStarts}). Each run pins the catalog it
 * started on; {@link #reload} swaps the catalog for new runs without touching those in flight. Agents and leaders are
 * prepared (model client, tools) once per catalog, on first use.
 *
 * <pre>{@code
 * Engine engine = Engine.create(catalog);
 * RunOutput out = engine.run("assistant", RunRequest.of("hello"));
 * RunOutput team = engine.run(Target.team("research-team"), RunRequest.of("hello"), EventSink.NONE);
 * }</pre>
 */
public final class Engine implements AutoCloseable {
  private final EngineConfig config;
  private final ToolkitPool toolkits;
  private final AtomicReference<LoadedCatalog> loaded;
  private final KnowledgePool knowledgePool;
  private final Map<String, Cancellation> active = new ConcurrentHashMap<>();
  private final RunStorage storage;
  private final RunStarts starts;
  private final WorkflowStarts workflows;
  private final LeaseKeeper leases;

  private Engine(Catalog catalog, EngineConfig config) {
    this.config = config;
    this.toolkits = new ToolkitPool(config.toolkitServices(), config.toolkitOpenTimeout());
    this.knowledgePool = new KnowledgePool(config.knowledgeOpener() != null ? config.knowledgeOpener()
        : new DefaultKnowledgeOpener(config.dataDir(), config.baseDir(), config.http(), config.env(), config.databases()::get,
            config.clock()));
    config.databases().load(catalog);
    this.loaded = new AtomicReference<>(LoadedCatalog.open(catalog, toolkits, knowledgePool));
    Map<String, Cancellation> runs = active;
    this.leases = new LeaseKeeper(config.instanceId(), config.instanceUrl(), config.lease(), config.clock(),
        config.databases()::list, () -> Set.copyOf(runs.keySet()), id -> {
          Cancellation c = runs.get(id);
          if (c != null) {
            c.cancel();
          }
        });
    this.storage = new RunStorage(config.instanceId(), leases);
    this.starts = new RunStarts(config, storage, active, this::runtime);
    this.workflows = new WorkflowStarts(config, storage, active, starts);
    leases.start();
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

  /**
   * Makes {@code next} the catalog of new runs; runs in flight finish on the one they started with. Opens the
   * toolkits {@code next} uses first (in parallel, each within its timeout; those whose settings did not change are
   * carried over, not opened again); the old catalog's toolkits that {@code next} does not use are closed when its
   * last run ends.
   */
  public void reload(Catalog next) {
    config.databases().load(next);
    leases.renewAll(); // a database the reload added holds this instance's lease before any run is stored in it
    LoadedCatalog opened = LoadedCatalog.open(next, toolkits, knowledgePool);
    loaded.getAndSet(opened).exit();
  }

  /**
   * The toolkits the current catalog holds, open or failed, for status pages. A failed one is opened again at the
   * next reload or run of an agent using it.
   */
  public List<ToolkitStatus> toolkitStatus() {
    return loaded.get().toolkits().stream().map(ToolkitPool.Handle::status).toList();
  }

  /**
   * The open Knowledge of this id (the resource name), if the current catalog declares it.
   */
  public Optional<KnowledgeBase> knowledge(String knowledgeId) {
    return loaded.get().knowledge(knowledgeId);
  }

  /** Every open Knowledge of the current catalog, by id. */
  public List<KnowledgeBase> knowledgeBases() {
    return loaded.get().knowledgeBases();
  }

  /** How each Knowledge of the current catalog is doing (open, or why it failed to open), for status pages. */
  public List<KnowledgeStatus> knowledgeStatus() {
    return loaded.get().knowledgeStatus();
  }

  /**
   * Stops renewing this instance's leases (dropping them when no run is in flight, so that the other instances need
   * not wait for them to end), stops using the current catalog, closes every toolkit (MCP server processes too) and
   * every Knowledge (its ingestion stopped, its index closed), for a server that stops.
   */
  @Override
  public void close() {
    leases.close(); // drops the leases when no run is in flight; otherwise they end by themselves
    loaded.get().exit();
    toolkits.closeAll();
    knowledgePool.closeAll();
  }

  /** The current catalog, held for a run that is about to start; the caller lets go of it. */
  private LoadedCatalog enter() {
    while (true) {
      LoadedCatalog current = loaded.get();
      if (current.enter()) {
        return current;
      }
    }
  }

  /** Runs {@code body} holding the current catalog. */
  private <T> T holding(Function<LoadedCatalog, T> body) {
    LoadedCatalog current = enter();
    try {
      return body.apply(current);
    } finally {
      current.exit();
    }
  }

  /** Starts a run with {@code body}, holding the current catalog until the run ends. */
  private RunHandle holdingUntilDone(Function<LoadedCatalog, RunHandle> body) {
    LoadedCatalog current = enter();
    RunHandle handle;
    try {
      handle = body.apply(current);
    } catch (RuntimeException e) {
      current.exit();
      throw e;
    }
    handle.future().whenComplete((output, error) -> current.exit());
    return handle;
  }

  /** The store of the default database ({@link Catalog#defaultDb()}): where components without a {@code db} run. */
  public SessionStore store() {
    return config.databases().get(catalog().defaultDb());
  }

  /** The stores of the databases served, by Database id. */
  public Databases databases() {
    return config.databases();
  }

  /** The stored run {@code runId}, looked for in every database served (the default first). */
  public Optional<RunOutput> findRun(String runId) {
    return find(runId).map(Found::run);
  }

  /** A stored run and the store holding it. */
  private record Found(RunOutput run, SessionStore store) {}

  /**
   * The stored run {@code runId}, looked for in every database served (the default first), with the store holding it.
   */
  private Optional<Found> find(String runId) {
    SessionStore first = store();
    List<SessionStore> stores = new ArrayList<>(List.of(first));
    config.databases().list().stream().filter(s -> s != first).forEach(stores::add);
    for (SessionStore store : stores) {
      Optional<RunOutput> run = store.findRun(runId);
      if (run.isPresent()) {
        return Optional.of(new Found(run.get(), store));
      }
    }
    return Optional.empty();
  }

  /**
   * Merges the memories of {@code userId} into one with a model (Agno's "summarize" optimization), replacing them in
   * the store when {@code apply}. The model is {@code model} ("provider:model_id"), else the memory manager model of
   * the first agent or team (by id) that uses memories, else Agno's default {@code openai:gpt-4o}.
   *
   * @throws IllegalArgumentException when {@code model} is not "provider:model_id" of a known provider
   * @throws NotFoundException when the user has no memories
   */
  public MemoryOptimization optimizeMemories(SessionStore store, String userId, @Nullable String model,
      boolean apply) {
    ModelDef def = model != null ? parseModel(model) : defaultMemoryModel(catalog());
    ChatModel chat;
    try {
      chat = config.chatModel(def);
    } catch (NotFoundException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    return MemoryOptimizer.optimize(store, chat, userId, apply, config.clock());
  }

  private static ModelDef parseModel(String model) {
    int colon = model.indexOf(':');
    if (colon <= 0 || colon == model.length() - 1) {
      throw new IllegalArgumentException("Invalid model string format: '" + model
          + "'. Model strings should be in format 'provider:model_id' e.g. 'openai:gpt-4o'");
    }
    return ModelDef.of(model);
  }

  private static ModelDef defaultMemoryModel(Catalog catalog) {
    java.util.stream.Stream<dev.agentry.engine.model.Participant> all = java.util.stream.Stream.concat(
        catalog.agents().values().stream().map(a -> a.participant()),
        catalog.teams().values().stream().map(t -> t.leader()));
    return all.filter(p -> p.memory().used()).sorted(java.util.Comparator.comparing(p -> p.id()))
        .map(p -> p.memory().model()).findFirst().orElseGet(() -> ModelDef.of("openai:gpt-4o"));
  }

  /** Runs an agent on the caller's thread and returns its output; events are dropped. */
  public RunOutput run(String agentId, RunRequest request) {
    return run(Target.agent(agentId), request, EventSink.NONE);
  }

  /** As {@link #run(Target, RunRequest, EventSink)} for an agent. */
  public RunOutput run(String agentId, RunRequest request, EventSink sink) {
    return run(Target.agent(agentId), request, sink);
  }

  /**
   * Runs an agent or a team on the caller's thread, streaming its events to {@code sink} (a team's with its
   * members' interleaved), and returns its output.
   *
   * @throws NotFoundException when the catalog has no such agent or team
   */
  public RunOutput run(Target target, RunRequest request, EventSink sink) {
    return holding(current -> {
      if (target.kind() == ComponentKind.WORKFLOW) {
        return workflows.execute(workflows.prepare(current, target.id(), request, sink), 0);
      }
      ActiveRun run = starts.prepare(current, target, request, sink);
      return starts.execute(run, () -> starts.begin(run, request.input()));
    });
  }

  /** As {@link #start(Target, RunRequest, EventSink)} for an agent. */
  public RunHandle start(String agentId, RunRequest request, EventSink sink) {
    return start(Target.agent(agentId), request, sink);
  }

  /**
   * Starts an agent or team run on a virtual thread, streaming its events to {@code sink}.
   *
   * @throws NotFoundException when the catalog has no such agent or team
   */
  public RunHandle start(Target target, RunRequest request, EventSink sink) {
    return holdingUntilDone(current -> {
      if (target.kind() == ComponentKind.WORKFLOW) {
        return workflows.launch(workflows.prepare(current, target.id(), request, sink), 0);
      }
      ActiveRun run = starts.prepare(current, target, request, sink);
      return starts.launch(run, () -> starts.begin(run, request.input()));
    });
  }

  /** As {@link #startBackground(Target, RunRequest, EventSink)} for an agent. */
  public RunHandle startBackground(String agentId, RunRequest request, EventSink sink) {
    return startBackground(Target.agent(agentId), request, sink);
  }

  /**
   * Starts a run in the background: unlike {@link #start}, the run (and a new session) is stored as {@code PENDING}
   * before this returns, so that it can be polled at once, as Agno stores a background run before it answers 202
   * ({@code agentos-api.md} §2.5.4). The run is then stored as {@code RUNNING} when its thread starts, and a cancel
   * that arrives in between is kept.
   *
   * @throws NotFoundException when the catalog has no such agent or team
   * @throws StoreException when the pending run cannot be stored; nothing has started then
   */
  public RunHandle startBackground(Target target, RunRequest request, EventSink sink) {
    return holdingUntilDone(current -> {
      if (target.kind() == ComponentKind.WORKFLOW) {
        WorkflowRun run = workflows.prepare(current, target.id(), request, sink);
        storePending(run, run.cancellation);
        return workflows.launch(run, 0);
      }
      ActiveRun run = starts.prepare(current, target, request, sink);
      storePending(run, run.cancellation);
      return starts.launch(run, () -> starts.begin(run, request.input()));
    });
  }

  /** Stores a background run as PENDING, registered as active so that a cancel before it starts is kept. */
  private void storePending(StoredRun run, Cancellation cancellation) {
    String runId = run.scope().runId();
    active.put(runId, cancellation);
    try {
      storage.store(run, RunStatus.PENDING);
    } catch (RuntimeException e) {
      active.remove(runId);
      throw e;
    }
  }

  /**
   * Continues a paused run with the client's answers to its paused tool calls ({@code confirmed},
   * {@code user_input_schema} values, external {@code result}), as Agno's {@code continue_run}. A team run paused
   * because a member waits is continued with the answers to the member's calls: the member run is continued first,
   * then the leader with its answer.
   *
   * @throws NotFoundException when no such run is stored
   * @throws RunNotPausedException when the run is not paused, is already being continued, or is a member's run (its
   *     team run is continued instead)
   * @throws InvalidAnswerException when an answer it waits for is missing
   * @throws StoreException when the run cannot be read
   */
  public RunHandle continueRun(String runId, List<ToolExecution> answers, EventSink sink) {
    Found found = find(runId)
        .orElseThrow(() -> new NotFoundException("Run not found: " + runId));
    RunOutput paused = found.run();
    if (paused.status() != RunStatus.PAUSED) {
      throw new RunNotPausedException("run " + runId + " is " + paused.status() + ", not PAUSED: only a paused run "
          + "can be continued", paused.status());
    }
    if (paused.kind() == ComponentKind.WORKFLOW) {
      throw new RunNotPausedException("run " + runId + " is a workflow run: continue it with its step requirements",
          paused.status());
    }
    if (paused.parentRunId() != null) {
      String parent = found.store().findRun(paused.parentRunId()).map(r -> r.kind().wireName()).orElse("team");
      throw new RunNotPausedException("run " + runId + " is a member run of the " + parent + " run "
          + paused.parentRunId() + ", which waits for it: continue the " + parent + " run", paused.status());
    }
    return holdingUntilDone(current -> {
      ActiveRun run = starts.restore(current, paused, answers, found.store(), sink);
      if (active.putIfAbsent(runId, run.cancellation) != null) {
        throw new RunNotPausedException("run " + runId + " is already being continued", RunStatus.RUNNING);
      }
      return starts.launch(run, () -> {
        run.emit(new RunEvent.RunContinued(run.scope, run.now()));
        return HumanInput.resume(run, answers);
      });
    });
  }

  /**
   * Continues a paused workflow run with the person's answers to its {@code step_requirements}, as Agno's
   * {@code continue_run} for workflows: a confirmed step runs (a rejected one is skipped or cancels the workflow, as
   * its {@code on_reject} says), a step given its {@code user_input} runs with it, a router runs the
   * {@code selected_choices}, and a step whose agent or team paused resumes that run with the answers in
   * {@code executor_requirements}. Requirements are matched by {@code step_id}.
   *
   * @throws NotFoundException when no such run is stored
   * @throws RunNotPausedException when the run is not a paused workflow run, or is already being continued
   * @throws InvalidAnswerException when an answer it waits for is missing; nothing has run then
   */
  public RunHandle continueWorkflow(String runId, List<StepRequirement> answers, EventSink sink) {
    return continueWorkflow(runId, answers, null, sink);
  }

  /**
   * As {@link #continueWorkflow(String, List, EventSink)}; {@code streamEvents} says whether the continuation streams
   * its progress events (null for the workflow's {@code stream_events}), as Agno's continue takes it.
   */
  public RunHandle continueWorkflow(String runId, List<StepRequirement> answers, @Nullable Boolean streamEvents,
      EventSink sink) {
    Found found = find(runId)
        .orElseThrow(() -> new NotFoundException("Run not found: " + runId));
    RunOutput paused = found.run();
    if (paused.kind() != ComponentKind.WORKFLOW || paused.parentRunId() != null) {
      throw new RunNotPausedException("run " + runId + " is not a top-level workflow run", paused.status());
    }
    if (paused.status() != RunStatus.PAUSED) {
      throw new RunNotPausedException("run " + runId + " is " + paused.status() + ", not PAUSED: only a paused run "
          + "can be continued", paused.status());
    }
    return holdingUntilDone(current -> {
      WorkflowRun run = workflows.restore(current, paused, answers, streamEvents, found.store(), sink);
      if (active.putIfAbsent(runId, run.cancellation) != null) {
        throw new RunNotPausedException("run " + runId + " is already being continued", RunStatus.RUNNING);
      }
      return workflows.launch(run, WorkflowStarts.pausedAt(paused));
    });
  }

  /**
   * The functions an agent's model may call on the current catalog, in the order it is told about them; empty when
   * the agent cannot run (its failure is reported by its runs).
   *
   * @throws NotFoundException when the catalog has no such agent
   */
  public List<AgentTool> listTools(String agentId) {
    return listTools(catalog(), Target.agent(agentId));
  }

  /** As {@link #listTools(Catalog, Target)} for an agent. */
  public List<AgentTool> listTools(Catalog catalog, String agentId) {
    return listTools(catalog, Target.agent(agentId));
  }

  /**
   * The functions an agent's or a team leader's model may call (a leader's delegation tools first), on the given
   * catalog: a caller that describes several components in one answer passes the catalog it read them from, so a
   * reload in between cannot mix two versions. The participants of the current catalog are prepared once; those of
   * another (one a reload has just replaced) are prepared for this call only.
   *
   * @throws NotFoundException when {@code catalog} has no such agent or team
   */
  public List<AgentTool> listTools(Catalog catalog, Target target) {
    LoadedCatalog current = enter();
    // a catalog a reload has just replaced holds its toolkits for this call only (those unchanged are shared)
    LoadedCatalog asked = current.catalog() == catalog ? current
        : LoadedCatalog.open(catalog, toolkits, knowledgePool, false);
    ParticipantRuntime runtime;
    try {
      runtime = runtime(asked, target);
    } finally {
      current.exit();
      if (asked != current) {
        asked.exit();
      }
    }
    return runtime.tools().values().stream()
        .map(t -> new AgentTool(t.definition(), t.flags().requiresConfirmation(), t.flags().externalExecution()))
        .toList();
  }

  /** The ids of the runs in flight on this engine (a snapshot), for a server that drains them before it stops. */
  public Set<String> activeRunIds() {
    return Set.copyOf(active.keySet());
  }

  /**
   * Cancels a run (a team run with its members), here or on another instance: as {@link #cancelRun}.
   *
   * @return false when no such run is in flight here or stored as not ended
   */
  public boolean cancel(String runId) {
    return cancelRun(runId) != CancelResult.NOT_RUNNING;
  }

  /**
   * Cancels a run in flight on this engine; a run stored RUNNING, PAUSED or PENDING by another instance gets a cancel
   * request in the database holding it ({@link SessionStore#requestCancel}), which its owner polls
   * ({@link LeaseKeeper#CANCEL_POLL}) and acts on.
   *
   * @throws StoreException when the run cannot be looked for or the request cannot be recorded
   */
  public CancelResult cancelRun(String runId) {
    Cancellation cancellation = active.get(runId);
    if (cancellation != null) {
      cancellation.cancel();
      return CancelResult.CANCELLED;
    }
    Optional<Found> found = find(runId);
    if (found.isEmpty() || found.get().run().status().isFinal()) {
      return CancelResult.NOT_RUNNING;
    }
    return found.get().store().requestCancel(runId) ? CancelResult.REQUESTED : CancelResult.NOT_RUNNING;
  }

  /** This engine's id among the instances sharing its databases ({@link EngineConfig#instanceId()}). */
  public String instanceId() {
    return config.instanceId();
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

  /** The prepared agent or team leader of {@code target} on {@code current}'s catalog. */
  private ParticipantRuntime runtime(LoadedCatalog current, Target target) {
    ParticipantRuntime ready = current.runtimes().get(target);
    if (ready != null && !ready.stale()) {
      return ready;
    }
    Catalog catalog = current.catalog();
    MemberRuns members = starts.members(current);
    ParticipantRuntime prepared = switch (target.kind()) {
      case AGENT -> {
        AgentDef agent = catalog.getAgent(target.id());
        yield ParticipantRuntime.prepare(agent.participant(), null, catalog, current, config, members);
      }
      case TEAM -> {
        TeamDef team = catalog.findTeam(target.id())
            .orElseThrow(() -> new NotFoundException("Team not found: " + target.id()));
        yield ParticipantRuntime.prepare(team.leader(), team, catalog, current, config, members);
      }
      case WORKFLOW -> throw new NotFoundException("a workflow is not run as an agent or a team: " + target.id());
    };
    if (ready != null) {
      return current.runtimes().replace(target, ready, prepared) ? prepared : current.runtimes().get(target);
    }
    ParticipantRuntime raced = current.runtimes().putIfAbsent(target, prepared);
    return raced != null ? raced : prepared;
  }

  /** The scope of a new top-level run. */
  static RunScope scope(ParticipantRuntime runtime, String runId, String sessionId) {
    return RunScope.of(runtime.participant().kind(), runtime.id(), runtime.name(), runId, sessionId);
  }

  /** A run prepared but not started (the benchmark of run set-up). */
  ActiveRun prepare(Target target, RunRequest request, EventSink sink) {
    return holding(current -> starts.prepare(current, target, request, sink));
  }
}
