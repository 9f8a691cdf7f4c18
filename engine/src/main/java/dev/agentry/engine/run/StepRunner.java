package dev.agentry.engine.run;

import dev.agentry.engine.EngineException;
import dev.agentry.engine.event.ComponentKind;
import dev.agentry.engine.event.RunScope;
import dev.agentry.engine.event.StepIndex;
import dev.agentry.engine.event.StepInput;
import dev.agentry.engine.event.StepRequirement;
import dev.agentry.engine.event.StepResult;
import dev.agentry.engine.event.WorkflowEvent;
import dev.agentry.engine.llm.Cancellation;
import dev.agentry.engine.model.CelExpression;
import dev.agentry.engine.model.StepDef;
import dev.agentry.engine.model.StepSettings;
import dev.agentry.engine.model.WorkflowDef;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one step of a workflow, whatever its kind, with what every step has: a person's review before it runs, its
 * retries, its time limit, {@code skip_on_failure} and {@code stop_when}. A step that runs an agent or a team starts
 * a child run through the engine's one entry point ({@link WorkflowStarts}); groups run their steps here
 * ({@link StepGroups}).
 */
final class StepRunner {
  private static final Logger LOG = LoggerFactory.getLogger(StepRunner.class);

  final WorkflowRun run;
  final WorkflowStarts starts;
  private final StepGroups groups;

  StepRunner(WorkflowRun run, WorkflowStarts starts) {
    this.run = run;
    this.starts = starts;
    this.groups = new StepGroups(this);
  }

  /**
   * Where a step runs and with what.
   *
   * @param top the index of the top-level step it is part of
   * @param parentStepId the id of the group it is in; null at the top level
   * @param cancellation cancelled when the workflow or a step containing it is cancelled or times out
   * @param iteration the round of the innermost loop it is in; 0 outside loops
   * @param userInput what a person gave the step (or a group containing it); empty when nothing
   */
  record At(StepFlow flow, StepIndex index, int top, @Nullable String parentStepId, Cancellation cancellation,
      long iteration, Map<String, Object> userInput) {
    static At top(StepFlow flow, int index, Cancellation cancellation) {
      return new At(flow, StepIndex.of(index), index, null, cancellation, 0, Map.of());
    }

    /** Where the step at {@code position} of the group {@code group} runs, given {@code flow}. */
    At inside(StepDef group, StepFlow next, int position) {
      return new At(next, index.child(position), top, group.id(), cancellation, iteration, userInput);
    }

    At withIteration(long round) {
      return new At(flow, index, top, parentStepId, cancellation, round, userInput);
    }

    private At with(Cancellation c, Map<String, Object> given) {
      return new At(flow, index, top, parentStepId, c, iteration, given);
    }
  }

  /** Runs {@code step}; its failure, after its retries, is an output when it is skipped and a halt when it is not. */
  StepResult run(StepDef step, At at) {
    StepResult before = run.replayed(step.name());
    if (before != null && !before.isPaused()) {
      run.ended(before); // it had ended before the workflow paused: it does not run again
      return before;
    }
    if (before != null && before.stepRunId() != null) {
      return finish(step, at, resume(step, at, before)); // its agent, team or workflow waited for a person
    }
    Map<String, Object> given = Map.of();
    StepSettings.Review review = step.settings().review();
    if (review != null) {
      StepRequirement answer = run.answer(step.id());
      if (answer == null) {
        return HumanReview.pause(this, step, at, review);
      }
      run.emit(new WorkflowEvent.StepContinued(eventScope(step, at), run.now(), step.name(), at.index()));
      if (review.requiresConfirmation() && !Boolean.TRUE.equals(answer.confirmed())) {
        if (review.cancelOnReject()) {
          throw new StepHalt.Cancelled("step '" + step.name() + "' was rejected");
        }
        StepResult skipped = new StepResult("Step " + step.name() + " was rejected and skipped", step.name(),
            step.id(), step.stepType(), null, null, null, null, null, null, null, null, true, null, false, false,
            null);
        run.ended(skipped);
        return skipped;
      }
      given = review.requiresUserInput() ? HumanReview.values(review, answer) : Map.of();
    }
    return finish(step, at, attempts(step, given.isEmpty() ? at : at.with(at.cancellation(), given)));
  }

  /** Runs the step until it succeeds or has no retry left. */
  private StepResult attempts(StepDef step, At at) {
    StepSettings settings = step.settings();
    for (int attempt = 0; ; attempt++) {
      // a step with a time limit gets a cancellation of its own, which the limit cancels; others share their parent's
      boolean limited = settings.timeout() != null;
      Cancellation own = limited ? at.cancellation().child() : at.cancellation();
      AtomicBoolean timedOut = new AtomicBoolean();
      Cancellation finished = limited ? Cancellation.create() : Cancellation.NONE;
      watch(own, settings, finished, timedOut);
      String failure;
      try {
        return body(step, limited ? at.with(own, at.userInput()) : at);
      } catch (StepHalt.Cancelled e) {
        if (!timedOut.get() || at.cancellation().isCancelled()) {
          throw e;
        }
        failure = "step '" + step.name() + "' timed out after " + settings.timeout().toSeconds() + " s";
      } catch (StepHalt.Failed e) {
        failure = e.getMessage();
      } catch (EngineException e) { // a CEL expression that failed, a choice that is not there
        failure = e.getMessage();
      } finally {
        if (limited) {
          finished.cancel();
          own.detach();
        }
      }
      if (at.cancellation().isCancelled()) {
        throw new StepHalt.Cancelled("the workflow run was cancelled");
      }
      if (attempt < settings.maxRetries()) {
        LOG.info("workflow run {}: step '{}' failed (attempt {} of {}), retrying: {}", run.scope.runId(),
            step.name(), attempt + 1, settings.maxRetries() + 1, failure);
        continue;
      }
      if (!settings.skipOnFailure()) {
        throw new StepHalt.Failed(failure);
      }
      StepResult skipped = StepResult.failed(step.name(), step.id(), step.stepType(), failure);
      run.ended(skipped);
      return skipped;
    }
  }

  /** Cancels {@code own} when the step takes longer than its {@code timeout_seconds}. */
  private void watch(Cancellation own, StepSettings settings, Cancellation finished, AtomicBoolean timedOut) {
    if (settings.timeout() == null) {
      return;
    }
    Thread.ofVirtual().name("step-timeout-" + run.scope.runId()).start(() -> {
      if (!finished.await(settings.timeout()) && !own.isCancelled()) {
        timedOut.set(true);
        own.cancel();
      }
    });
  }

  /** What the step's kind does. */
  private StepResult body(StepDef step, At at) {
    return switch (step) {
      case StepDef.AgentStep s -> executor(s, at, new Target(ComponentKind.AGENT, s.agent()));
      case StepDef.TeamStep s -> executor(s, at, new Target(ComponentKind.TEAM, s.team()));
      case StepDef.WorkflowStep s -> executor(s, at, new Target(ComponentKind.WORKFLOW, s.workflow()));
      case StepDef.Group s -> groups.steps(s, at);
      case StepDef.Condition s -> groups.condition(s, at);
      case StepDef.Loop s -> groups.loop(s, at);
      case StepDef.Parallel s -> groups.parallel(s, at);
      case StepDef.Router s -> groups.router(s, at);
    };
  }

  /** Records the step's output and applies its {@code stop_when}. */
  private StepResult finish(StepDef step, At at, StepResult result) {
    if (result.isPaused()) {
      return result; // what it waits for is recorded already
    }
    CelExpression stopWhen = step.settings().stopWhen();
    StepResult out = result;
    if (stopWhen != null && result.success()) {
      run.output(result);
      if (stopWhen.test(variables(at.flow().after(result).previousContent(), at.iteration()))) {
        out = result.withStop();
      }
    }
    run.ended(out);
    return out;
  }

  /** What a CEL expression reads at this point of the run. */
  CelExpression.Variables variables(String previousContent, long iteration) {
    return new CelExpression.Variables(run.input, previousContent, run.sessionStateSnapshot(), run.outputs(),
        iteration);
  }

  // ---- a step that runs an agent, a team or a workflow ----

  private StepResult executor(StepDef step, At at, Target target) {
    run.emit(new WorkflowEvent.StepStarted(eventScope(step, at), run.now(), step.name(), at.index()));
    Object input = message(step, at);
    RunOutput out = switch (target.kind()) {
      case AGENT, TEAM -> starts.runExecutor(run, target, executorScope(step, at, target, Ids.newId()), input,
          step.settings().strictInputValidation(), at.cancellation());
      case WORKFLOW -> starts.runWorkflow(run, workflow(target.id()),
          executorScope(step, at, target, Ids.newId()), input, at.cancellation());
    };
    return outcome(step, at, target, out);
  }

  /** Takes up a step whose agent, team or workflow waited for a person, with the person's answers. */
  private StepResult resume(StepDef step, At at, StepResult paused) {
    RunOutput waiting = Objects.requireNonNull(run.executorRun(paused.stepRunId()),
        () -> "no executor run " + paused.stepRunId() + " in workflow run " + run.scope.runId());
    Target target = new Target(waiting.kind(), waiting.componentId());
    RunScope scope = executorScope(step, at, target, waiting.runId());
    RunOutput out;
    if (target.kind() == ComponentKind.WORKFLOW) {
      out = starts.resumeWorkflow(run, workflow(target.id()), waiting, scope, at.cancellation());
    } else {
      StepRequirement answer = run.answer(step.id());
      run.emit(new WorkflowEvent.StepExecutorContinued(eventScope(step, at), run.now(), step.name(), at.index(),
          waiting.componentId(), waiting.componentName(), waiting.runId(), target.kind().wireName()));
      out = starts.resumeExecutor(run, waiting, HumanReview.toolAnswers(answer), scope, at.cancellation());
    }
    return outcome(step, at, target, out);
  }

  /** The step's output from its executor's run: done, paused, failed or cancelled. */
  private StepResult outcome(StepDef step, At at, Target target, RunOutput out) {
    String executorType = target.kind().wireName();
    String stepType = target.kind() == ComponentKind.WORKFLOW ? "Workflow" : "Step";
    return switch (out.status()) {
      case COMPLETED -> {
        StepResult result = StepResult.of(step.name(), step.id(), stepType, executorType, out.componentName(),
            out.runId(), out.content(), out.metrics());
        run.emit(new WorkflowEvent.StepCompleted(eventScope(step, at), run.now(), step.name(), at.index(),
            out.content(), out.contentType(), result));
        yield result;
      }
      case PAUSED -> HumanReview.executorPaused(this, step, at, target, out);
      case ERROR -> {
        run.emit(new WorkflowEvent.StepError(eventScope(step, at), run.now(), step.name(), at.index(),
            out.contentText()));
        throw new StepHalt.Failed("step '" + step.name() + "' failed: " + out.contentText());
      }
      case CANCELLED -> throw new StepHalt.Cancelled(out.contentText());
      case PENDING, RUNNING -> throw new IllegalStateException("a step's run ended " + out.status());
    };
  }

  /**
   * What the step's executor is asked: the previous step's output (or the workflow's input), after the history of
   * the workflow's previous runs when the step adds it, and followed by what a person gave, as Agno words them.
   */
  private Object message(StepDef step, At at) {
    Object message = at.flow().message();
    int historyRuns = step.settings().historyRuns();
    String history = historyRuns > 0 ? starts.history(run, historyRuns) : "";
    if (history.isEmpty() && at.userInput().isEmpty()) {
      return message;
    }
    StringBuilder text = new StringBuilder(history).append(StepFlow.text(message));
    if (!at.userInput().isEmpty()) {
      text.append("\n\nUser preferences:");
      at.userInput().forEach((k, v) -> text.append("\n- ").append(k).append(": ").append(v));
    }
    return text.toString();
  }

  private WorkflowDef workflow(String id) {
    return run.loaded.catalog().findWorkflow(id)
        .orElseThrow(() -> new EngineException("workflow '" + id + "' is not in the catalog"));
  }

  // ---- scopes ----

  /** The scope of the workflow's events about {@code step}. */
  RunScope eventScope(StepDef step, At at) {
    return run.scope.forStep(step.id(), at.parentStepId());
  }

  private RunScope executorScope(StepDef step, At at, Target target, String runId) {
    String name = switch (target.kind()) {
      case AGENT -> run.loaded.catalog().getAgent(target.id()).name();
      case TEAM -> run.loaded.catalog().findTeam(target.id()).map(t -> t.name()).orElse(target.id());
      case WORKFLOW -> workflow(target.id()).name();
    };
    return run.scope.stepRun(target.kind(), target.id(), name, runId, step.id(), step.name(), at.index());
  }

  /** A step's input as a paused step's requirement carries it. */
  StepInput stepInput(At at) {
    return StepInput.of(run.input, at.flow().previous(), at.flow().previousContent());
  }

  static boolean paused(List<StepResult> results) {
    return results.stream().anyMatch(StepResult::isPaused);
  }

  static boolean stop(List<StepResult> results) {
    return results.stream().anyMatch(StepResult::stop);
  }
}
