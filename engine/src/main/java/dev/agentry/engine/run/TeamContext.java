package dev.agentry.engine.run;

import dev.agentry.engine.event.ComponentKind;
import dev.agentry.engine.model.Catalog;
import dev.agentry.engine.model.ContextSettings;
import dev.agentry.engine.model.TeamDef;
import dev.agentry.engine.model.TeamSettings;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a team's leader reads about its team, as Agno's {@code _build_team_context}: the members (id, name, role,
 * description, and their tools with {@code add_member_tools_to_context}; sub-teams with their own members) and how
 * to respond in the team's mode.
 */
final class TeamContext {
  private TeamContext() {}

  /** The {@code <team_members>} and {@code <how_to_respond>} sections of the leader's system message. */
  static String of(TeamDef team, Catalog catalog, OpenToolkits toolkits) {
    StringBuilder out = new StringBuilder(512)
        .append("You coordinate a team of specialized AI agents to fulfill the user's request. Delegate to members "
            + "when their expertise or tools are needed. For straightforward requests you can handle directly, "
            + "including using your own tools, respond without delegating.\n\n<team_members>\n")
        .append(members(team, catalog, toolkits, ""));
    if (team.team().getMemberInformationTool()) {
      out.append("If you need to get information about your team members, you can use the `get_member_information` "
          + "tool at any time.\n");
    }
    return out.append("</team_members>\n\n<how_to_respond>\n").append(howToRespond(team.team()))
        .append("\n</how_to_respond>").toString();
  }

  /** The member blocks of {@code team}, each line indented by {@code indent}. */
  static String members(TeamDef team, Catalog catalog, OpenToolkits toolkits, String indent) {
    StringBuilder out = new StringBuilder();
    for (TeamDef.Member member : team.members()) {
      if (member.kind() == ComponentKind.AGENT) {
        var agent = catalog.getAgent(member.id());
        out.append(indent).append("<member id=\"").append(agent.id()).append("\" name=\"").append(agent.name())
            .append("\">\n");
        describe(out, indent, agent.participant().context());
        if (team.team().addMemberToolsToContext()) {
          List<String> tools = toolNames(agent.participant().tools(), catalog, toolkits);
          if (!tools.isEmpty()) {
            out.append(indent).append("  Tools: ").append(String.join(", ", tools)).append('\n');
          }
        }
        out.append(indent).append("</member>\n");
      } else {
        TeamDef sub = catalog.findTeam(member.id()).orElseThrow();
        out.append(indent).append("<member id=\"").append(sub.id()).append("\" name=\"").append(sub.name())
            .append("\" type=\"team\">\n");
        describe(out, indent, sub.leader().context());
        out.append(members(sub, catalog, toolkits, indent + "  "));
        out.append(indent).append("</member>\n");
      }
    }
    return out.toString();
  }

  private static void describe(StringBuilder out, String indent, ContextSettings context) {
    line(out, indent, "Role", context.role());
    line(out, indent, "Description", context.description());
  }

  private static void line(StringBuilder out, String indent, String label, @Nullable String value) {
    if (value != null) {
      out.append(indent).append("  ").append(label).append(": ").append(value.strip()).append('\n');
    }
  }

  private static List<String> toolNames(List<dev.agentry.engine.model.ToolUse> refs, Catalog catalog,
      OpenToolkits toolkits) {
    try {
      return List.copyOf(ToolBinder.bind(refs, toolkits).tools().keySet());
    } catch (RuntimeException e) {
      return List.of(); // the member cannot run; its own runs say why
    }
  }

  private static String howToRespond(TeamSettings team) {
    return switch (team.mode()) {
      case COORDINATE -> team.delegateToAllMembers() ? BROADCAST : team.respondDirectly() ? ROUTE : COORDINATE;
      case ROUTE -> ROUTE;
      case BROADCAST -> BROADCAST;
      case TASKS -> TASKS;
    };
  }

  private static final String COORDINATE = "You operate in coordinate mode. For requests that need member "
      + "expertise, select the best member(s), delegate with clear task descriptions (call `delegate_task_to_member` "
      + "with the member's ID and the task, including the expected output), and synthesize their outputs into a "
      + "unified response. Use only the member's ID when delegating.";
  private static final String ROUTE = "You operate in route mode. Identify the single best member for the request "
      + "and delegate to them with `delegate_task_to_member`: their response is returned directly to the user. "
      + "Delegate to exactly one member.";
  private static final String BROADCAST = "You operate in broadcast mode. Call `delegate_task_to_members` exactly "
      + "once with a clear task description: this sends the task to every member in parallel. Then synthesize their "
      + "answers into a unified answer; do not list each member's response one after the other.";
  private static final String TASKS = "You operate in autonomous task mode. Decompose the user's goal into discrete "
      + "tasks with `create_task` (assign each to a member by ID, and name the tasks it depends on in `depends_on`), "
      + "run them with `execute_task` or, when independent, `execute_tasks_parallel`, check progress with "
      + "`list_tasks`, and call `mark_all_complete` with a summary once the goal is reached. Then answer the user.";
}
