package dev.agentry.engine.run;

import dev.agentry.engine.event.RunStatus;
import dev.agentry.engine.event.ToolExecution;
import dev.agentry.engine.model.Catalog;
import dev.agentry.engine.model.TeamDef;
import dev.agentry.engine.tool.Tool;
import dev.agentry.engine.tool.ToolContext;
import dev.agentry.engine.tool.ToolDefinition;
import dev.agentry.engine.tool.ToolResult;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A tool of the runtime itself that works on the run that calls it: a team leader's delegation and task tools, which
 * start member runs as children of the calling run, and the knowledge tools, which record the run's references. Bound like any tool, so the model sees it like any other.
 */
abstract class RunTool implements Tool {
  private final ToolDefinition definition;

  RunTool(ToolDefinition definition) {
    this.definition = definition;
  }

  @Override
  public final ToolDefinition definition() {
    return definition;
  }

  /**
   * True when a call runs member runs, which stop through the run's cancellation and must not be interrupted; false
   * for a tool that only works on the run's own state and may block on I/O (the knowledge tools).
   */
  boolean runsMembers() {
    return true;
  }

  /** Runs the call for {@code run}, on the run's thread or one of its own ({@link ParallelCalls}). */
  abstract ToolRunner.Timed invoke(ActiveRun run, JsonNode arguments);

  @Override
  public final ToolResult invoke(JsonNode arguments, ToolContext context) {
    return ToolResult.error("'" + definition.name() + "' works only within a team run");
  }

  /**
   * Goes on with a call of this tool that waited for paused member runs, now that the run is continued with
   * {@code answers}: continues them and gives the call's result. By default the call ran one member, the one its
   * {@code child_run_id} names; a tool that runs several overrides it.
   */
  ToolRunner.Timed resume(ActiveRun run, ToolExecution call, List<ToolExecution> answers) {
    RunOutput member = run.memberResponses().stream().filter(m -> m.runId().equals(call.childRunId())).findFirst()
        .orElseThrow(() -> new IllegalStateException("no member run " + call.childRunId() + " in " + run.scope));
    RunOutput out = member.status() == RunStatus.PAUSED ? run.runtime.members().resume(run, member, answers) : member;
    return TeamTools.outcome(out.componentName(), out);
  }

  /** A tool that runs a team's members: it knows the team, its catalog and how to start member runs. */
  abstract static class OfTeam extends RunTool {
    final TeamDef team;
    final Catalog catalog;
    final MemberRuns members;
    /** The member list as the leader's context shows it. */
    final String membersText;

    OfTeam(ToolDefinition definition, TeamDef team, Catalog catalog, MemberRuns members, String membersText) {
      super(definition);
      this.team = team;
      this.catalog = catalog;
      this.members = members;
      this.membersText = membersText;
    }
  }
}
