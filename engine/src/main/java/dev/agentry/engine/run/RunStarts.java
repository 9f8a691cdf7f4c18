package dev.agentry.engine.run;

import dev.agentry.engine.EngineException;
import dev.agentry.engine.event.ComponentKind;
import dev.agentry.engine.hook.CheckException;
import dev.agentry.engine.event.EventSink;
import dev.agentry.engine.event.RunEvent;
import dev.agentry.engine.event.RunScope;
import dev.agentry.engine.event.RunStatus;
import dev.agentry.engine.event.ToolExecution;
import dev.agentry.engine.llm.Cancellation;
import dev.agentry.engine.llm.Media;
import dev.agentry.engine.llm.Message;
import dev.agentry.engine.model.MediaSupport;
import dev.agentry.engine.model.Participant;
import dev.agentry.engine.model.TeamDef;
import dev.agentry.engine.store.RunQuery;
import dev.agentry.engine.store.SessionStore;
import dev.agentry.engine.store.StoreException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * How every run starts, whoever runs and however it was asked for: a top-level agent or team run, a member run of a
 * team (a child run), a continued run. Resolves the run's settings from the request, the session and the
 * participant's defaults, stores it, builds its context and hands it to the one {@link RunLoop}.
 */
final class RunStarts {
  private static final Logger LOG = LoggerFactory.getLogger(RunStarts.class);
  private final EngineConfig config;
  private final RunStorage storage;
  private final Map<String, Cancellation> active;
  private final BiFunction<LoadedCatalog, Target, ParticipantRuntime> runtimes;

  RunStarts(EngineConfig config, RunStorage storage, Map<String, Cancellation> active,
      BiFunction<LoadedCatalog, Target, ParticipantRuntime> runtimes) {
    this.config = config;
    this.storage = storage;
    this.active = active;
    this.runtimes = runtimes;
  }

  /** A new top-level run of {@code target}, with its session resolved; nothing is stored yet. */
  ActiveRun prepare(LoadedCatalog current, Target target, RunRequest request, EventSink sink) {
    ParticipantRuntime runtime = runtimes.apply(current, target);
    Participant p = runtime.participant();
    if (p.sendMediaToModel()) {
      checkMedia(p, request.media());
    }
    SessionStore store = config.databases().get(p.db());
    StartingSession s = StartingSession.of(p.session(), request, store, p.state().overwriteStored());
    OutputFormat output = request.outputSchema() != null ? OutputFormat.of(request.outputSchema(),
        runtime.participant().answer().jsonMode())
        : runtime.output();
    boolean streamEvents = request.streamEvents() != null ? request.streamEvents() : p.streamEvents();
    // a team's members send their events from their own threads, into the same sink
    EventSink serial = runtime.team() == null ? sink : new SerialSink(sink);
    ActiveRun run = new ActiveRun(runtime, Engine.scope(runtime, s.runId(), s.sessionId()),
        new ActiveRun.RunSettings(request.input().isString() ? request.inputText() : request.input(), s.userId(),
            s.state(), s.stored(), s.dependencies(), s.metadata().isEmpty() ? null : s.metadata(), output,
            request.stream(), streamEvents, 0, request.media(), store),
        Cancellation.create(), serial, config.clock());
    run.newSession = s.session() == null;
    storage.persistWith(run);
    return run;
  }

  /** A paused top-level run, restored to be continued with {@code answers}; checks the answers first. */
  ActiveRun restore(LoadedCatalog current, RunOutput paused, List<ToolExecution> answers, SessionStore store,
      EventSink sink) {
    ParticipantRuntime runtime = runtimes.apply(current, target(paused));
    check(current, runtime, paused, answers);
    Map<String, Object> state = new LinkedHashMap<>(paused.sessionState());
    EventSink serial = runtime.team() == null ? sink : new SerialSink(sink);
    ActiveRun run = new ActiveRun(runtime, Engine.scope(runtime, paused.runId(), paused.sessionId()),
        new ActiveRun.RunSettings(paused.input().inputContent(), paused.userId(), state, paused.sessionState(),
            Map.of(), paused.metadata(), runtime.output(), true, runtime.participant().streamEvents(),
            paused.createdAt(), paused.input().media(), store),
        Cancellation.create(), serial, config.clock());
    run.restore(paused);
    storage.persistWith(run);
    return run;
  }

  /** Checks the answers a paused run (and, for a team, each paused member) waits for. */
  private void check(LoadedCatalog current, ParticipantRuntime runtime, RunOutput paused,
      List<ToolExecution> answers) {
    HumanInput.check(runtime, paused.tools(), answers);
    for (RunOutput member : paused.memberResponses()) {
      if (member.status() == RunStatus.PAUSED) {
        check(current, runtimes.apply(current, target(member)), member, answers);
      }
    }
  }

  private static Target target(RunOutput run) {
    return new Target(run.kind(), run.componentId());
  }

  /** Runs {@code run} on a virtual thread of its own, from {@code first}. */
  RunHandle launch(ActiveRun run, Supplier<TurnOutcome> first) {
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

  /** Runs {@code run} on this thread, from {@code first} to its ending, within its time limit. */
  RunOutput execute(ActiveRun run, Supplier<TurnOutcome> first) {
    String runId = run.scope.runId();
    active.put(runId, run.cancellation);
    Cancellation finished = Cancellation.create();
    try {
      watchTimeout(run, finished);
      storage.store(run, RunStatus.RUNNING);
      TurnOutcome start;
      try {
        start = first.get();
      } catch (StoreException e) {
        throw e;
      } catch (CheckException e) {
        return RunLoop.refused(run, e);
      } catch (EngineException e) {
        start = new TurnOutcome.LimitReached(e.getMessage());
      }
      return RunLoop.run(run, start);
    } catch (StoreException e) {
      return run.unsaved(e);
    } finally {
      if (run.memoryUpdate != null) {
        run.memoryUpdate.cancel(); // the run failed or was cancelled: a completed or paused one waited for it
      }
      finished.cancel();
      run.cancellation.detach();
      active.remove(runId);
    }
  }

  /** Cancels the run, as timed out, when it takes longer than its {@code timeout_seconds}. */
  private static void watchTimeout(ActiveRun run, Cancellation finished) {
    Duration timeout = run.runtime.participant().limits().timeout();
    if (timeout == null) {
      return;
    }
    Thread.ofVirtual().name("timeout-" + run.scope.runId()).start(() -> {
      if (!finished.await(timeout) && !run.cancellation.isCancelled()) {
        run.timedOut = true;
        run.cancellation.cancel();
      }
    });
  }

  /** Emits RunStarted and builds the context; the first turn asks the model. */
  TurnOutcome begin(ActiveRun run, JsonNode input) {
    return begin(run, input, true);
  }

  /**
   * As {@link #begin(ActiveRun, JsonNode)}; an input that does not match the participant's {@code input_schema} fails
   * the run when {@code strict}, and is only logged otherwise (a workflow step without
   * {@code strict_input_validation}).
   */
  TurnOutcome begin(ActiveRun run, JsonNode input, boolean strict) {
    ParticipantRuntime runtime = run.runtime;
    Participant p = runtime.participant();
    run.emit(new RunEvent.RunStarted(run.scope, run.createdAt, runtime.chatModelId(), runtime.provider()));
    if (runtime.input() != null) {
      List<String> problems = runtime.input().problems(input);
      if (!problems.isEmpty() && strict) {
        throw new EngineException("the input does not match input_schema: " + String.join("; ", problems));
      }
      if (!problems.isEmpty()) {
        LOG.warn("run {}: the input does not match the input_schema of {} {}, run anyway: {}", run.scope.runId(),
            runtime.participant().kind().wireName(), runtime.id(), String.join("; ", problems));
      }
    }
    String system = runtime.systemMessage() != null ? runtime.systemMessage()
        : ContextBuilder.systemMessage(p.context(), p.messages(), runtime.name(), runtime.toolInstructions(),
            run.vars, ZonedDateTime.now(config.clock()), memories(run), SessionSummaries.inContext(run, run.store),
            KnowledgeRag.systemSection(p.knowledge(), runtime.knowledge()));
    system = AnswerModels.withJsonPrompt(run, system);
    if (system != null) {
      run.add(ContextBuilder.systemMessage(p.messages(), system), null);
    }
    ContextBuilder.additionalInput(p.context()).forEach(m -> run.add(m, null));
    if (p.history().enabled()) {
      List<RunOutput> previous = run.store.listRuns(RunQuery.latest(run.scope.sessionId(), RunStatus.COMPLETED,
          p.history().runsToRead()).ofComponent(run.scope.kind(), runtime.id()));
      ContextBuilder.history(p.history(), previous).forEach(run::addHistory);
    }
    // pre_hooks: after the session is loaded, before the model is called; a masking guardrail changes the input
    run.input = runtime.hooks().before(run, run.inputText());
    // Implements send_media_to_model: false keeps the media out of the model's context (Agno: for tools only).
    List<Media> media = p.sendMediaToModel() ? run.media : List.of();
    // add_knowledge_to_context: the references found with the user's message, before the first model turn
    String references = p.messages().buildUserContext() ? KnowledgeRag.userMessageReferences(run, p.knowledge(),
        runtime.knowledge(), run.inputText()) : null;
    run.add(ContextBuilder.userMessage(p.context(), p.messages(), run.inputText(), run.vars, media, references), null);
    DebugLog.started(run);
    if (p.reasoning().enabled()) {
      Reasoning.reason(run, p.reasoning().agent() != null ? null : p.reasoning().model() == null
          ? runtime.chatModel() : config.chatModel(p.reasoning().model()));
    }
    if (run.tasks != null) {
      TaskRounds.start(run);
    }
    run.memoryUpdate = MemoryUpdate.start(run);
    return TurnOutcome.NEXT;
  }

  /** The user's memories section of the system message, when the participant adds them to its context. */
  private static @Nullable String memories(ActiveRun run) {
    MemoryWriter writer = run.runtime.memory();
    if (writer == null || !run.runtime.participant().memory().addToContext()) {
      return null;
    }
    return MemoryContext.of(writer.memories(MemoryUpdate.user(run.userId)),
        run.runtime.participant().memory().agenticMemory());
  }

  /**
   * Runs a workflow step's agent or team as a child run of the workflow run {@code parent}, on its catalog, to its
   * ending or pause; its changes to the session state and its run are handed to the workflow run.
   */
  RunOutput runStep(WorkflowRun parent, Target target, RunScope scope, Object input, boolean strict,
      Cancellation cancellation) {
    ParticipantRuntime runtime = runtimes.apply(parent.loaded, target);
    ActiveRun child = stepRun(parent, runtime, scope, input, 0, cancellation);
    JsonNode node = input instanceof JsonNode json ? json : JsonNodeFactory.instance.stringNode(input.toString());
    return stepEnded(parent, child, execute(child, () -> begin(child, node, strict)));
  }

  /** Continues a workflow step's agent or team run that paused for a person, with the answers. */
  RunOutput resumeStep(WorkflowRun parent, RunOutput paused, List<ToolExecution> answers, RunScope scope,
      Cancellation cancellation) {
    ParticipantRuntime runtime = runtimes.apply(parent.loaded, target(paused));
    ActiveRun child = stepRun(parent, runtime, scope, paused.input().inputContent(), paused.createdAt(),
        cancellation);
    child.restore(paused);
    return stepEnded(parent, child, execute(child, () -> {
      child.emit(new RunEvent.RunContinued(child.scope, child.now()));
      return HumanInput.resume(child, answers);
    }));
  }

  /** Checks the answers to a workflow step's paused agent or team run before the workflow is continued. */
  void checkStep(LoadedCatalog current, RunOutput paused, List<ToolExecution> answers) {
    check(current, runtimes.apply(current, target(paused)), paused, answers);
  }

  private ActiveRun stepRun(WorkflowRun parent, ParticipantRuntime runtime, RunScope scope, Object input,
      long createdAt, Cancellation cancellation) {
    Map<String, Object> state = parent.sessionStateCopy();
    ActiveRun child = new ActiveRun(runtime, scope,
        new ActiveRun.RunSettings(input, parent.userId, state, state, parent.dependencies, parent.metadata,
            runtime.output(), parent.stream, parent.streamEvents, createdAt, List.of(), parent.store),
        cancellation.child(), parent.executorSink(), config.clock());
    storage.persistWith(child);
    return child;
  }

  private static RunOutput stepEnded(WorkflowRun parent, ActiveRun child, RunOutput out) {
    parent.mergeState(child.initialState, child.sessionStateCopy());
    parent.addExecutorRun(out);
    return out;
  }

  /** How the team leaders prepared on {@code current} run their members. */
  MemberRuns members(LoadedCatalog current) {
    return new Members(current);
  }

  /** Member runs: child runs of the leader's run, on the catalog the team run started on. */
  private final class Members implements MemberRuns {
    private final LoadedCatalog current;

    Members(LoadedCatalog current) {
      this.current = current;
    }

    @Override
    public RunOutput run(ActiveRun parent, TeamDef.Member member, String input) {
      ParticipantRuntime runtime = runtimes.apply(current, new Target(member.kind(), member.id()));
      RunScope scope = parent.scope.child(runtime.participant().kind(), runtime.id(), runtime.name(), Ids.newId());
      ActiveRun child = child(parent, runtime, scope, input, 0);
      RunOutput out = execute(child, () -> begin(child, JsonNodeFactory.instance.stringNode(input)));
      return ended(parent, child, out);
    }

    @Override
    public RunOutput resume(ActiveRun parent, RunOutput paused, List<ToolExecution> answers) {
      ParticipantRuntime runtime = runtimes.apply(current, target(paused));
      RunScope scope = parent.scope.child(paused.kind(), runtime.id(), runtime.name(), paused.runId());
      ActiveRun child = child(parent, runtime, scope, paused.input().inputContent(), paused.createdAt());
      child.restore(paused);
      RunOutput out = execute(child, () -> {
        child.emit(new RunEvent.RunContinued(child.scope, child.now()));
        return HumanInput.resume(child, answers);
      });
      return ended(parent, child, out);
    }

    @Override
    public RunOutput reason(ActiveRun parent, String agentId, String input, OutputFormat steps) {
      ParticipantRuntime runtime = runtimes.apply(current, new Target(ComponentKind.AGENT, agentId));
      RunScope scope = parent.scope.child(ComponentKind.AGENT, runtime.id(), runtime.name(), Ids.newId());
      Map<String, Object> state = parent.sessionStateCopy();
      ActiveRun child = new ActiveRun(runtime, scope,
          new ActiveRun.RunSettings(input, parent.userId, state, state, parent.vars.dependencies(), parent.metadata,
              runtime.output() != null ? runtime.output() : steps, false, false, 0, List.of(), parent.store),
          parent.cancellation.child(), EventSink.NONE, config.clock());
      storage.persistWith(child);
      return execute(child, () -> begin(child, JsonNodeFactory.instance.stringNode(input)));
    }

    @Override
    public List<RunOutput> history(ActiveRun parent, int runs) {
      List<RunOutput> all = parent.store.listRuns(RunQuery.latestOf(parent.scope.sessionId(), parent.scope.kind(),
          parent.runtime.id(), RunStatus.COMPLETED, runs + 1)).stream()
          .filter(r -> !r.runId().equals(parent.scope.runId())).toList();
      return all.subList(Math.max(0, all.size() - runs), all.size());
    }

    /**
     * A member's run: the team's session, user, dependencies, metadata, a copy of its state and the media its model
     * takes; its events go into the team's stream. {@code createdAt} is 0 for a new run, else the paused run's.
     */
    private ActiveRun child(ActiveRun parent, ParticipantRuntime runtime, RunScope scope, Object input,
        long createdAt) {
      TeamDef team = parent.runtime.team();
      boolean forward = team == null || team.team().streamMemberEvents();
      Map<String, Object> state = parent.sessionStateCopy();
      ActiveRun child = new ActiveRun(runtime, scope,
          new ActiveRun.RunSettings(input, parent.userId, state, state, parent.vars.dependencies(), parent.metadata,
              runtime.output(), parent.stream, parent.streamEvents(), createdAt, mediaFor(runtime.participant(),
              parent.media), parent.store),
          parent.cancellation.child(), forward ? parent.sink() : EventSink.NONE, config.clock());
      storage.persistWith(child);
      return child;
    }

    /** Hands a member's ending to its team run: its state changes and its run. */
    private RunOutput ended(ActiveRun parent, ActiveRun child, RunOutput out) {
      parent.mergeMemberState(child);
      parent.addMemberResponse(out);
      return out;
    }
  }

  /** The team's media a member gets, as Agno passes them on: those its model can take. */
  private static List<Media> mediaFor(Participant member, List<Media> media) {
    return media.stream().filter(m -> MediaSupport.refusal(member.model(), m.kind(), m.url() != null,
        m.mediaType(), m.format()).isEmpty()).toList();
  }

  /** Refuses, before anything runs or is stored, media that the participant's model cannot take. */
  private static void checkMedia(Participant participant, List<Media> media) {
    for (Media m : media) {
      MediaSupport.refusal(participant.model(), m.kind(), m.url() != null, m.mediaType(), m.format()).ifPresent(
          why -> {
            throw new UnsupportedMediaException(participant.kind().wireName() + " '" + participant.id()
                + "' cannot take this " + m.kind().wireName() + ": " + why);
          });
    }
  }
}
