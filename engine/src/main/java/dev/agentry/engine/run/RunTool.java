package dev.agentry.engine.run;

import dev.agentry.engine.model.Catalog;
import dev.agentry.engine.model.TeamDef;
import dev.agentry.engine.tool.Tool;
import dev.agentry.engine.tool.ToolContext;
import dev.agentry.engine.tool.ToolDefinition;
import dev.agentry.engine.tool.ToolResult;
import tools.jackson.databind.JsonNode;

/**
 * A tool of the runtime itself that works on the run that calls it: a team leader's delegation and task tools, which
 * start member runs as children of the calling run. Bound like any tool, so the model sees it like any other.
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

  /** Runs the call for {@code run}, on a thread of its own (it may wait on member runs). */
  abstract ToolRunner.Timed invoke(ActiveRun run, JsonNode arguments);

  @Override
  public final ToolResult invoke(JsonNode arguments, ToolContext context) {
    return ToolResult.error("'" + definition.name() + "' works only within a team run");
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
