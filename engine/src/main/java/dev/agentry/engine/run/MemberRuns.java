package dev.agentry.engine.run;

import dev.agentry.engine.event.ToolExecution;
import dev.agentry.engine.model.TeamDef;
import java.util.List;

/**
 * How a team leader's tools run members: as child runs of the leader's run, through the engine's one entry point,
 * on the catalog the team run started on. Implemented by the engine for each catalog.
 */
interface MemberRuns {
  /**
   * Runs {@code member} on {@code input} as a child of {@code parent} (same session, one level deeper), on the
   * caller's thread, to its ending or its pause; never throws for a failure of the member's run.
   */
  RunOutput run(ActiveRun parent, TeamDef.Member member, String input);

  /** The latest {@code runs} completed runs of the team of {@code parent} in its session, oldest first. */
  List<RunOutput> history(ActiveRun parent, int runs);

  /**
   * Runs the reasoning agent {@code agentId} ({@code reasoning_agent}) on {@code input} as a child of {@code parent},
   * its answer in {@code steps}' format unless it has an output schema of its own; its events stay out of the
   * parent's stream. Never throws for a failure of its run.
   */
  RunOutput reason(ActiveRun parent, String agentId, String input, OutputFormat steps);

  /** Continues a member run of {@code parent} that paused for a person, with the answers, to its ending or pause. */
  RunOutput resume(ActiveRun parent, RunOutput paused, List<ToolExecution> answers);
}
