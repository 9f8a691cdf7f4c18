package dev.agentry.engine.run;

import dev.agentry.engine.event.RunStatus;
import dev.agentry.engine.model.TeamDef;
import dev.agentry.engine.model.TeamSettings;
import java.util.ArrayList;
import java.util.List;

/**
 * What a member is asked, as Agno's {@code format_member_agent_task}: the earlier interactions of this team run (with
 * {@code share_member_interactions}), the team's earlier runs of the session (with {@code add_team_history_to_members}),
 * then the task, or the user's own input when the leader does not write the members' input
 * ({@code determine_input_for_members: false}).
 */
final class MemberInput {
  private MemberInput() {}

  static String of(ActiveRun run, TeamDef team, String task, MemberRuns members) {
    TeamSettings settings = team.team();
    List<String> parts = new ArrayList<>(3);
    if (settings.shareMemberInteractions()) {
      List<RunOutput> earlier = run.memberResponses().stream().filter(m -> m.status() == RunStatus.COMPLETED)
          .toList();
      if (!earlier.isEmpty()) {
        StringBuilder out = new StringBuilder("<member_interaction_context>\nSee below interactions with other team "
            + "members.\n");
        for (RunOutput m : earlier) {
          out.append("Member: ").append(m.componentName()).append("\nTask: ").append(inputText(m))
              .append("\nResponse: ").append(m.contentText()).append("\n\n");
        }
        parts.add(out.append("</member_interaction_context>").toString());
      }
    }
    if (settings.addTeamHistoryToMembers()) {
      List<RunOutput> history = members.history(run, settings.numTeamHistoryRuns());
      if (!history.isEmpty()) {
        StringBuilder out = new StringBuilder("<team_history_context>\n");
        for (int i = 0; i < history.size(); i++) {
          out.append("[run-").append(i + 1).append("]\ninput: ").append(inputText(history.get(i)))
              .append("\nresponse: ").append(history.get(i).contentText()).append("\n\n");
        }
        parts.add(out.append("</team_history_context>").toString());
      }
    }
    parts.add(settings.determineInputForMembers() ? task : run.inputText());
    return String.join("\n\n", parts);
  }

  private static String inputText(RunOutput run) {
    Object input = run.input().inputContent();
    return input instanceof String s ? s : String.valueOf(input);
  }
}
