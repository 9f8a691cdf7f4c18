package dev.agentry.engine.run;

import dev.agentry.engine.event.RunEvent;
import dev.agentry.engine.llm.Message;
import org.jspecify.annotations.Nullable;

/**
 * The rounds of a team run in tasks mode, as Agno's {@code _run_tasks}: each round is the leader's model turns up to
 * an answer; after it the task list is reported, and unless the goal is complete, every task is done, or the
 * {@code max_iterations} rounds are used up, the leader is shown the task state and asked to go on.
 */
final class TaskRounds {
  private TaskRounds() {}

  /** Starts the first round. */
  static void start(ActiveRun run) {
    run.iteration = 1;
    run.emit(new RunEvent.TaskIterationStarted(run.scope, run.now(), 1, maxIterations(run)));
  }

  /** Ends the current round; the next outcome, or null when the run is done with this answer. */
  static @Nullable TurnOutcome afterAnswer(ActiveRun run) {
    TaskBoard board = TaskTools.board(run);
    String summary = board.summary();
    run.emit(new RunEvent.TaskStateUpdated(run.scope, run.now(), summary, board.goalComplete(), board.tasks(),
        board.completionSummary()));
    run.emit(new RunEvent.TaskIterationCompleted(run.scope, run.now(), run.iteration, maxIterations(run), summary));
    if (board.goalComplete() || board.allDone() || run.iteration >= maxIterations(run)) {
      return null;
    }
    run.iteration++;
    run.emit(new RunEvent.TaskIterationStarted(run.scope, run.now(), run.iteration, maxIterations(run)));
    run.add(Message.user("<current_task_state>\n" + summary + "\n</current_task_state>\n\nContinue working on the "
        + "tasks. Create, execute, or update tasks as needed. When all tasks are done, call `mark_all_complete` with "
        + "a summary."), null);
    return TurnOutcome.NEXT;
  }

  private static int maxIterations(ActiveRun run) {
    return run.runtime.team() == null ? 1 : run.runtime.team().team().maxIterations();
  }
}
