package dev.agentry.engine.run;

import dev.agentry.engine.EngineException;
import dev.agentry.engine.event.ComponentKind;
import dev.agentry.engine.event.EventSink;
import dev.agentry.engine.event.MemberResponses;
import dev.agentry.engine.event.RunScope;
import dev.agentry.engine.event.RunStatus;
import dev.agentry.engine.event.StepRequirement;
import dev.agentry.engine.event.StepResult;
import dev.agentry.engine.event.ToolExecution;
import dev.agentry.engine.event.WorkflowEvent;
import dev.agentry.engine.event.WorkflowMetrics;
import dev.agentry.engine.llm.Cancellation;
import dev.agentry.engine.model.NotFoundException;
import dev.agentry.engine.model.StepDef;
import dev.agentry.engine.model.WorkflowDef;
import dev.agentry.engine.store.RunQuery;
import dev.agentry.engine.store.SessionStore;
import dev.agentry.engine.store.StoreException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * How workflow runs start, run their steps and end: a top-level run, a continued one, and a workflow run by a step of
 * another. The steps' agents and teams run through {@link RunStarts}, the engine's one path for every run.
 */
final class WorkflowStarts {
  private static final Logger LOG = LoggerFactory.getLogger(WorkflowStarts.class);
  private final EngineConfig config;
  private final RunStorage storage;
  private final Map<String, Cancellation> active;
  private final RunStarts starts;

  WorkflowStarts(EngineConfig config, RunStorage storage, Map<String, Cancellation> active, RunStarts starts) {
    this.config = config;
    this.storage = storage;
    this.active = active;
    this.starts = starts;
  }

  /**
   * A new top-level workflow run, with its session resolved and its input checked; nothing is stored yet.
   *
   * @throws NotFoundException when the catalog has no such workflow
   * @throws InvalidInputException when the input does not match the workflow's {@code input_schema}
   */
  WorkflowRun prepare(LoadedCatalog current, String workflowId, RunRequest request, EventSink sink) {
    WorkflowDef workflow = current.catalog().findWorkflow(workflowId)
        .orElseThrow(() -> new NotFoundException("Workflow not found: " + workflowId));
    checkInput(current, workflow, request.input());
    SessionStore store = config.databases().get(workflow.settings().db());
    StartingSession s = StartingSession.of(workflow.settings().session(), request, store);
    boolean streamEvents = request.streamEvents() != null ? request.streamEvents()
        : workflow.settings().streamEvents();
    WorkflowRun run = new WorkflowRun(workflow, current,
        RunScope.of(ComponentKind.WORKFLOW, workflow.id(), workflow.name(), s.runId(), s.sessionId()),
        new WorkflowRun.Settings(request.input().isString() ? request.inputText() : request.input(), s.userId(),
            s.state(), s.stored(), s.dependencies(), s.metadata().isEmpty() ? null : s.metadata(), request.stream(),
            streamEvents, 0, store),
        Cancellation.create(), new SerialSink(sink), config.clock());
    run.newSession = s.session() == null;
    storage.persistWith(run);
    return run;
  }

  private static void checkInput(LoadedCatalog current, WorkflowDef workflow, JsonNode input) {
    if (workflow.inputSchema() == null) {
      return;
    }
    List<String> problems = current.inputChecks()
        .computeIfAbsent(workflow.id(), id -> JsonSchemaCheck.of(workflow.inputSchema())).problems(input);
    if (!problems.isEmpty()) {
      throw new InvalidInputException("the input does not match the input_schema of workflow '" + workflow.id()
          + "': " + String.join("; ", problems));
    }
  }

  /**
   * A paused top-level workflow run, restored to be continued with {@code answers}, which are checked first.
   *
   * @throws InvalidAnswerException when an answer it waits for is missing
   */
  WorkflowRun restore(LoadedCatalog current, RunOutput paused, List<StepRequirement> answers,
      @Nullable Boolean streamEvents, SessionStore store, EventSink sink) {
    WorkflowDef workflow = current.catalog().findWorkflow(paused.componentId())
        .orElseThrow(() -> new NotFoundException("Workflow not found: " + paused.componentId()));
    check(current, paused, answers);
    WorkflowRun run = restored(workflow, current, RunScope.of(ComponentKind.WORKFLOW, workflow.id(), workflow.name(),
        paused.runId(), paused.sessionId()), paused, answers, Cancellation.create(), new SerialSink(sink),
        streamEvents != null ? streamEvents : workflow.settings().streamEvents(), store);
    storage.persistWith(run);
    return run;
  }

  private WorkflowRun restored(WorkflowDef workflow, LoadedCatalog current, RunScope scope, RunOutput paused,
      List<StepRequirement> answers, Cancellation cancellation, EventSink sink, boolean streamEvents,
      SessionStore store) {
    Map<String, Object> state = new LinkedHashMap<>(paused.sessionState());
    WorkflowRun run = new WorkflowRun(workflow, current, scope,
        new WorkflowRun.Settings(paused.input().inputContent(), paused.userId(), state, paused.sessionState(),
            Map.of(), paused.metadata(), true, streamEvents, paused.createdAt(), store),
        cancellation, sink, config.clock());
    run.restore(paused, answers);
    return run;
  }

  /** Checks that {@code answers} give what the paused run (and the runs it waits for) ask for. */
  private void check(LoadedCatalog current, RunOutput paused, List<StepRequirement> answers) {
    Map<String, StepRequirement> byId = new HashMap<>();
    answers.forEach(a -> byId.put(a.stepId(), a));
    for (StepRequirement waiting : paused.stepRequirements()) {
      StepRequirement answer = byId.get(waiting.stepId());
      HumanReview.check(waiting, answer);
      if (waiting.requiresExecutorInput()) {
        RunOutput executor = executorRun(paused, waiting.executorRunId());
        if (executor != null) {
          starts.checkStep(current, executor, HumanReview.toolAnswers(answer));
        }
      }
    }
  }

  /** A paused executor run of {@code run}, looked for in nested workflow runs too. */
  private static @Nullable RunOutput executorRun(RunOutput run, @Nullable String runId) {
    for (RunOutput r : run.memberResponses()) {
      if (r.runId().equals(runId)) {
        return r;
      }
      RunOutput inner = r.kind() == ComponentKind.WORKFLOW ? executorRun(r, runId) : null;
      if (inner != null) {
        return inner;
      }
    }
    return null;
  }

  /** Runs {@code run} on this thread from its top-level step {@code from} to its ending, registered as active. */
  RunOutput execute(WorkflowRun run, int from) {
    String runId = run.scope.runId();
    active.put(runId, run.cancellation);
    try {
      storage.store(run, RunStatus.RUNNING);
      if (from == 0) {
        run.emit(new WorkflowEvent.WorkflowStarted(run.scope, run.createdAt));
      }
      return steps(run, from);
    } catch (StoreException e) {
      return run.unsaved(e);
    } finally {
      run.cancellation.detach();
      active.remove(runId);
    }
  }

  /** Runs {@code run} on a virtual thread of its own. */
  RunHandle launch(WorkflowRun run, int from) {
    RunHandle handle = new RunHandle(run.scope.runId(), run.scope.sessionId(), run.cancellation);
    Thread.ofVirtual().name("workflow-" + run.scope.runId()).start(() -> {
      try {
        handle.complete(execute(run, from));
      } catch (Throwable e) {
        handle.fail(e);
      }
    });
    return handle;
  }

  /**
   * The top-level step a paused run continues from: the one it paused in, which is its last step result (one per
   * top-level step that ran, in order). Not a requirement's {@code step_index}: that of a step of a nested workflow
   * is its index in that workflow.
   */
  static int pausedAt(RunOutput paused) {
    return Math.max(0, paused.stepResults().size() - 1);
  }

  /** Runs the top-level steps from {@code from}, until the last, an early stop, a pause, a failure or a cancel. */
  private RunOutput steps(WorkflowRun run, int from) {
    StepRunner runner = new StepRunner(run, this);
    StepFlow flow = StepFlow.start(run.input);
    for (StepResult done : run.results) {
      flow = flow.after(done);
    }
    List<StepDef> steps = run.workflow.steps();
    try {
      for (int i = from; i < steps.size(); i++) {
        if (run.cancellation.isCancelled()) {
          return cancelled(run, "the workflow run was cancelled");
        }
        run.startTopLevelStep();
        StepResult result = runner.run(steps.get(i), StepRunner.At.top(flow, i, run.cancellation));
        if (result.isPaused()) {
          run.results.add(run.pausedStep(result));
          return paused(run, steps.get(i), i);
        }
        run.results.add(result);
        flow = flow.after(result);
        if (result.stop()) {
          break;
        }
      }
      if (run.cancellation.isCancelled()) {
        return cancelled(run, "the workflow run was cancelled");
      }
      return completed(run, flow);
    } catch (StoreException e) {
      throw e;
    } catch (StepHalt.Cancelled e) {
      return cancelled(run, e.getMessage());
    } catch (StepHalt.Failed e) {
      return failed(run, e.getMessage(), "StepError");
    } catch (EngineException e) {
      return failed(run, e.getMessage(), "StepError");
    } catch (RuntimeException e) {
      LOG.warn("workflow run {} of {} failed", run.scope.runId(), run.workflow.id(), e);
      return failed(run, Objects.requireNonNullElse(e.getMessage(), e.getClass().getSimpleName()), "RunError");
    }
  }

  /** Ends the run: its content is the last step's output (a group's, that of its last step). */
  private RunOutput completed(WorkflowRun run, StepFlow flow) {
    StepResult last = flow.last();
    Object content = last == null ? "No steps executed" : last.steps() == null ? last.content()
        : StepFlow.deepest(last);
    List<StepResult> results = List.copyOf(run.results);
    List<RunOutput> executors = run.executorRuns();
    return run.end(RunStatus.COMPLETED, content, new WorkflowEvent.WorkflowCompleted(run.scope, run.now(), content,
        WorkflowRun.contentType(content), results,
        executors.isEmpty() ? null : MemberResponses.lazy(() -> MemberJson.of(executors)), run.metadata,
        WorkflowMetrics.of(results, run.durationSeconds())));
  }

  private RunOutput paused(WorkflowRun run, StepDef step, int index) {
    List<StepRequirement> waiting = run.waiting();
    boolean executor = waiting.stream().anyMatch(StepRequirement::requiresExecutorInput);
    List<RunOutput> executors = run.executorRuns();
    return run.end(RunStatus.PAUSED, null, new WorkflowEvent.WorkflowPaused(run.scope, run.now(), RunStatus.PAUSED,
        index, step.name(), executor ? "executor" : "step", waiting, List.copyOf(run.results),
        executors.isEmpty() ? null : MemberResponses.lazy(() -> MemberJson.of(executors)), null, run.metadata));
  }

  private RunOutput cancelled(WorkflowRun run, String reason) {
    return run.end(RunStatus.CANCELLED, reason, new WorkflowEvent.WorkflowCancelled(run.scope, run.now(), reason,
        reason));
  }

  private RunOutput failed(WorkflowRun run, String message, String type) {
    return run.end(RunStatus.ERROR, message, new WorkflowEvent.WorkflowError(run.scope, run.now(), message, type,
        null, null));
  }

  // ---- what the steps run ----

  RunOutput runExecutor(WorkflowRun run, Target target, RunScope scope, Object input, boolean strict,
      Cancellation cancellation) {
    return starts.runStep(run, target, scope, input, strict, cancellation);
  }

  RunOutput resumeExecutor(WorkflowRun run, RunOutput paused, List<ToolExecution> answers, RunScope scope,
      Cancellation cancellation) {
    return starts.resumeStep(run, paused, answers, scope, cancellation);
  }

  /** Runs {@code workflow} as a step of {@code parent}: in its session, with a copy of its state, to its ending. */
  RunOutput runWorkflow(WorkflowRun parent, WorkflowDef workflow, RunScope scope, Object input,
      Cancellation cancellation) {
    Map<String, Object> state = parent.sessionStateCopy();
    WorkflowRun child = new WorkflowRun(workflow, parent.loaded, scope,
        new WorkflowRun.Settings(input, parent.userId, state, state, parent.dependencies, parent.metadata,
            parent.stream, parent.streamEvents, 0, parent.store), cancellation.child(), parent.executorSink(), config.clock());
    child.emit(new WorkflowEvent.WorkflowStarted(child.scope, child.createdAt));
    return nestedEnded(parent, child, steps(child, 0));
  }

  /** Continues a paused workflow run by a step of {@code parent}, with the answers {@code parent} was given. */
  RunOutput resumeWorkflow(WorkflowRun parent, WorkflowDef workflow, RunOutput paused, RunScope scope,
      Cancellation cancellation) {
    WorkflowRun child = restored(workflow, parent.loaded, scope, paused, parent.given(), cancellation.child(),
        parent.executorSink(), parent.streamEvents, parent.store);
    return nestedEnded(parent, child, steps(child, pausedAt(paused)));
  }

  private static RunOutput nestedEnded(WorkflowRun parent, WorkflowRun child, RunOutput out) {
    child.cancellation.detach();
    parent.mergeState(child.initialState(), out.sessionState());
    parent.addExecutorRun(out);
    return out;
  }

  /**
   * The history of the workflow's previous runs in the session, as Agno's {@code get_workflow_history_context}: the
   * latest {@code runs} completed runs' inputs and outputs; "" when there are none.
   */
  String history(WorkflowRun run, int runs) {
    List<RunOutput> previous = run.store.listRuns(RunQuery.latestOf(run.scope.sessionId(),
        ComponentKind.WORKFLOW, run.workflow.id(), RunStatus.COMPLETED, runs));
    if (previous.isEmpty()) {
      return "";
    }
    StringBuilder text = new StringBuilder("<workflow_history_context>\n");
    for (int i = 0; i < previous.size(); i++) {
      RunOutput r = previous.get(i);
      text.append("[Workflow Run-").append(i + 1).append("]\n");
      text.append("User input: ").append(StepFlow.text(r.input().inputContent())).append('\n');
      text.append("Workflow output: ").append(r.contentText()).append("\n\n");
    }
    return text.append("</workflow_history_context>\n").toString();
  }
}
