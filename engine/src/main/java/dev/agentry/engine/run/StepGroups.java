package dev.agentry.engine.run;

import dev.agentry.engine.event.StepRequirement;
import dev.agentry.engine.event.StepResult;
import dev.agentry.engine.event.WorkflowEvent;
import dev.agentry.engine.model.StepDef;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.jspecify.annotations.Nullable;

/**
 * The steps that run other steps: a named group, a condition, a loop, a parallel block and a router, as Agno's
 * {@code Steps}, {@code Condition}, {@code Loop}, {@code Parallel} and {@code Router}, each with its events. Their
 * steps run through {@link StepRunner#run}, so they nest to any depth.
 */
final class StepGroups {
  private final StepRunner runner;

  StepGroups(StepRunner runner) {
    this.runner = runner;
  }

  StepResult steps(StepDef.Group group, StepRunner.At at) {
    WorkflowRun run = runner.run;
    run.emit(new WorkflowEvent.StepsExecutionStarted(runner.eventScope(group, at), run.now(), group.name(),
        at.index(), group.steps().size()));
    List<StepResult> results = chain(group, group.steps(), at, at.flow());
    run.emit(new WorkflowEvent.StepsExecutionCompleted(runner.eventScope(group, at), run.now(), group.name(),
        at.index(), group.steps().size(), results.size(), results));
    return result(group, results, null);
  }

  StepResult condition(StepDef.Condition condition, StepRunner.At at) {
    WorkflowRun run = runner.run;
    boolean holds = condition.evaluator().test(runner.variables(at.flow().previousContent(), at.iteration()));
    run.emit(new WorkflowEvent.ConditionExecutionStarted(runner.eventScope(condition, at), run.now(),
        condition.name(), at.index(), holds));
    List<StepDef> branch = holds ? condition.steps() : condition.elseSteps();
    List<StepResult> results = chain(condition, branch, at, at.flow());
    String branchName = holds ? "if" : branch.isEmpty() ? null : "else";
    run.emit(new WorkflowEvent.ConditionExecutionCompleted(runner.eventScope(condition, at), run.now(),
        condition.name(), at.index(), holds, results.size(), branchName, results));
    return result(condition, results, branchName == null
        ? "Condition " + condition.name() + " not met - skipped " + condition.steps().size() + " steps" : null);
  }

  /**
   * Runs the loop's steps round after round, each round given the outputs of the one before, until its
   * {@code end_condition} holds after a round, a step stops the workflow or pauses, or {@code max_iterations}.
   */
  StepResult loop(StepDef.Loop loop, StepRunner.At at) {
    WorkflowRun run = runner.run;
    int max = loop.maxIterations();
    run.emit(new WorkflowEvent.LoopExecutionStarted(runner.eventScope(loop, at), run.now(), loop.name(), at.index(),
        max));
    List<List<StepResult>> rounds = new ArrayList<>();
    List<StepResult> all = new ArrayList<>();
    StepFlow flow = at.flow();
    for (int round = 1; round <= max; round++) {
      run.emit(new WorkflowEvent.LoopIterationStarted(runner.eventScope(loop, at), run.now(), loop.name(),
          at.index(), round, max));
      StepRunner.At inRound = at.withIteration(round);
      List<StepResult> results = chain(loop, loop.steps(), inRound, flow);
      for (StepResult r : results) {
        flow = flow.after(r);
      }
      rounds.add(results);
      all.addAll(results);
      boolean halted = StepRunner.paused(results) || StepRunner.stop(results);
      boolean ended = halted || round == max || (loop.endCondition() != null
          && loop.endCondition().test(runner.variables(flow.previousContent(), round)));
      run.emit(new WorkflowEvent.LoopIterationCompleted(runner.eventScope(loop, at), run.now(), loop.name(),
          at.index(), round, max, results, !ended));
      if (ended) {
        break;
      }
    }
    run.emit(new WorkflowEvent.LoopExecutionCompleted(runner.eventScope(loop, at), run.now(), loop.name(),
        at.index(), rounds.size(), max, rounds));
    return result(loop, all, null);
  }

  /**
   * Runs the block's steps at the same time, each but the last on a virtual thread of its own (the last on this
   * one), all given the same input; the
   * results are in declaration order. A step that fails and is not skipped fails the block once all have ended.
   */
  StepResult parallel(StepDef.Parallel parallel, StepRunner.At at) {
    WorkflowRun run = runner.run;
    List<StepDef> steps = parallel.steps();
    run.emit(new WorkflowEvent.ParallelExecutionStarted(runner.eventScope(parallel, at), run.now(), parallel.name(),
        at.index(), steps.size()));
    AtomicReferenceArray<StepResult> results = new AtomicReferenceArray<>(steps.size());
    AtomicReferenceArray<RuntimeException> failures = new AtomicReferenceArray<>(steps.size());
    List<Thread> threads = new ArrayList<>(steps.size());
    for (int i = 0; i < steps.size(); i++) {
      int position = i;
      Runnable branch = () -> {
        try {
          results.set(position, runner.run(steps.get(position), at.inside(parallel, at.flow(), position)));
        } catch (RuntimeException e) {
          failures.set(position, e);
        }
      };
      if (i == steps.size() - 1) {
        branch.run(); // the last branch runs on this thread, which would otherwise only wait
      } else {
        threads.add(Thread.ofVirtual().name("step-" + steps.get(i).name()).start(branch));
      }
    }
    for (Thread thread : threads) {
      join(thread);
    }
    List<StepResult> done = new ArrayList<>();
    RuntimeException failure = null;
    for (int i = 0; i < steps.size(); i++) {
      if (results.get(i) != null) {
        done.add(results.get(i));
      } else if (failures.get(i) != null && (failure == null || failures.get(i) instanceof StepHalt.Cancelled)) {
        failure = failures.get(i); // a cancel wins over a failure
      }
    }
    if (failure != null) {
      throw failure;
    }
    run.emit(new WorkflowEvent.ParallelExecutionCompleted(runner.eventScope(parallel, at), run.now(),
        parallel.name(), at.index(), steps.size(), done));
    return result(parallel, done, null);
  }

  /** Runs the route(s) the selector returns, or a person chose, in that order. */
  StepResult router(StepDef.Router router, StepRunner.At at) {
    WorkflowRun run = runner.run;
    List<String> names;
    if (router.selector() == null) {
      StepRequirement answer = run.answer(router.id());
      if (answer == null) {
        return HumanReview.chooseRoute(runner, router, at);
      }
      names = answer.selectedChoices() == null ? List.of() : answer.selectedChoices();
    } else {
      names = router.selector().names(runner.variables(at.flow().previousContent(), at.iteration()));
    }
    List<StepDef> chosen = new ArrayList<>();
    for (String name : names) {
      chosen.add(router.choices().stream().filter(c -> c.name().equals(name)).findFirst()
          .orElseThrow(() -> new StepHalt.Failed("router '" + router.name() + "' chose '" + name + "', which is not "
              + "one of its choices: " + router.choices().stream().map(StepDef::name).toList())));
    }
    run.emit(new WorkflowEvent.RouterExecutionStarted(runner.eventScope(router, at), run.now(), router.name(),
        at.index(), names));
    List<StepResult> results = new ArrayList<>();
    StepFlow flow = at.flow();
    for (StepDef choice : chosen) {
      StepResult r = runner.run(choice, at.inside(router, flow, router.choices().indexOf(choice)));
      results.add(r);
      flow = flow.after(r);
      if (r.isPaused() || r.stop()) {
        break;
      }
    }
    run.emit(new WorkflowEvent.RouterExecutionCompleted(runner.eventScope(router, at), run.now(), router.name(),
        at.index(), names, results.size(), results));
    return result(router, results, null);
  }

  /** Runs {@code steps} in order, each given the outputs of the ones before, until one pauses or stops. */
  private List<StepResult> chain(StepDef group, List<StepDef> steps, StepRunner.At at, StepFlow start) {
    List<StepResult> results = new ArrayList<>();
    StepFlow flow = start;
    for (int i = 0; i < steps.size(); i++) {
      StepResult r = runner.run(steps.get(i), at.inside(group, flow, i));
      results.add(r);
      flow = flow.after(r);
      if (r.isPaused() || r.stop()) {
        break;
      }
    }
    return results;
  }

  /** A group's output: its steps' results; its content the one it hands on, or {@code none} when it ran none. */
  private static StepResult result(StepDef group, List<StepResult> results, @Nullable String none) {
    StepResult ran = StepResult.ofGroup(group.name(), group.id(), group.stepType(), none, results);
    return results.isEmpty() ? ran
        : StepResult.ofGroup(group.name(), group.id(), group.stepType(), StepFlow.deepest(ran), results);
  }

  private static void join(Thread thread) {
    boolean interrupted = false;
    while (true) {
      try {
        thread.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true; // the branches end on the workflow's cancellation, not on an interrupt
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
