package dev.agentry.engine.run;

import dev.agentry.engine.event.ComponentKind;
import dev.agentry.engine.event.RunStatus;
import dev.agentry.engine.event.ToolExecution;
import dev.agentry.engine.internal.Json;
import dev.agentry.engine.model.Catalog;
import dev.agentry.engine.model.TeamDef;
import dev.agentry.engine.model.TeamMode;
import dev.agentry.engine.tool.ToolDefinition;
import dev.agentry.engine.tool.ToolResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * A team leader's tools, as Agno's: {@code delegate_task_to_member(member_id, task)} (or, when the team delegates to
 * all members, {@code delegate_task_to_members(task)}, which runs them in parallel), {@code get_member_information()}
 * when asked for, and in tasks mode the task tools ({@link TaskTools}). Each delegation is a member run started as a
 * child of the leader's run.
 */
final class TeamTools {
  private TeamTools() {}

  /** The leader's tools, and the team section of its system message. */
  record Bound(List<BoundTool> tools, String context) {}

  static Bound bind(TeamDef team, Catalog catalog, OpenToolkits toolkits, MemberRuns members) {
    String membersText = TeamContext.members(team, catalog, toolkits, "");
    List<BoundTool> tools = new ArrayList<>();
    if (team.team().mode() == TeamMode.TASKS) {
      TaskTools.all(team, catalog, membersText, members).forEach(t -> tools.add(new BoundTool(t, ToolFlags.NONE)));
    } else if (!team.members().isEmpty()) {
      if (team.team().delegateToAllMembers()) {
        tools.add(new BoundTool(new DelegateToAll(team, catalog, members), ToolFlags.NONE));
      } else {
        // route mode, respond_directly: the member's answer ends the leader's run as the team's answer
        boolean direct = team.team().respondDirectly();
        tools.add(new BoundTool(new DelegateToMember(team, catalog, membersText, members),
            new ToolFlags(false, null, false, direct, direct, false)));
      }
      if (team.team().getMemberInformationTool()) {
        tools.add(new BoundTool(new MemberInformation(membersText), ToolFlags.NONE));
      }
    }
    return new Bound(List.copyOf(tools), TeamContext.of(team, catalog, toolkits));
  }

  /** The leader's toolkit instructions, after its team section. */
  static List<String> withTeamContext(String context, List<String> instructions) {
    List<String> all = new ArrayList<>(instructions.size() + 1);
    all.add(context);
    all.addAll(instructions);
    return List.copyOf(all);
  }

  /** The direct member with {@code id}, if the team has one. */
  static Optional<TeamDef.Member> member(TeamDef team, String id) {
    return team.members().stream().filter(m -> m.id().equals(id)).findFirst();
  }

  /** The display name of a member. */
  static String name(Catalog catalog, TeamDef.Member member) {
    return member.kind() == ComponentKind.TEAM
        ? catalog.findTeam(member.id()).map(TeamDef::name).orElse(member.id())
        : catalog.findAgent(member.id()).map(a -> a.name()).orElse(member.id());
  }

  /** What the leader reads of a member's run: its answer, or why there is none. */
  static ToolRunner.Timed outcome(String memberName, RunOutput run) {
    ToolResult result = switch (run.status()) {
      case COMPLETED -> ToolResult.of(answer(run));
      case ERROR -> ToolResult.error("Member '" + memberName + "' failed: " + run.contentText());
      case CANCELLED -> ToolResult.error("Member '" + memberName + "' was cancelled.");
      case PAUSED -> ToolResult.of("Member '" + memberName + "' requires human input before continuing.");
      case PENDING, RUNNING -> ToolResult.error("Member '" + memberName + "' did not end.");
    };
    return new ToolRunner.Timed(result, NO_METRICS, run.runId(), run.status() == RunStatus.PAUSED ? run : null);
  }

  /** Agno's member answer: the content, else the results of its tool calls, else a note that there is none. */
  static String answer(RunOutput run) {
    String content = run.contentText().strip();
    if (!content.isEmpty()) {
      return content;
    }
    String tools = run.tools().stream().map(ToolExecution::result).filter(r -> r != null && !r.isBlank())
        .collect(Collectors.joining(", "));
    return tools.isEmpty() ? "No response from the member agent." : tools;
  }

  private static final ToolExecution.ToolMetrics NO_METRICS = new ToolExecution.ToolMetrics(0, 0, 0);

  private static JsonNode schema(String json) {
    return Json.MAPPER.readTree(json);
  }

  /** {@code delegate_task_to_member(member_id, task)}. */
  private static final class DelegateToMember extends RunTool.OfTeam {
    DelegateToMember(TeamDef team, Catalog catalog, String membersText, MemberRuns members) {
      super(new ToolDefinition("delegate_task_to_member", """
          Use this function to delegate a task to the selected team member.
          You must provide a clear and concise description of the task the member should achieve AND the expected \
          output.""", schema("""
          {"type":"object","properties":{
            "member_id":{"type":"string","description":"The ID of the member to delegate the task to. Use only the \
          ID of the member, not the ID of the team followed by the ID of the member."},
            "task":{"type":"string","description":"A clear and concise description of the task the member should \
          achieve."}},
           "required":["member_id","task"]}""")), team, catalog, members, membersText);
    }

    /**
     * With {@code share_member_interactions}, the delegations of one turn run one after another, in the order the
     * leader made them, so that each member reads what the earlier ones answered; otherwise they run in parallel.
     */
    @Override
    public boolean blocking() {
      return !team.team().shareMemberInteractions();
    }

    @Override
    ToolRunner.Timed invoke(ActiveRun run, JsonNode arguments) {
      String id = arguments.path("member_id").asString("");
      Optional<TeamDef.Member> member = member(team, id);
      if (member.isEmpty()) {
        return new ToolRunner.Timed(ToolResult.error("Member with ID " + id + " not found in the team. Please "
            + "choose the correct member from the list of members:\n\n" + membersText), NO_METRICS);
      }
      String input = MemberInput.of(run, team, arguments.path("task").asString(""), members);
      return outcome(name(catalog, member.get()), members.run(run, member.get(), input));
    }
  }

  /** {@code delegate_task_to_members(task)}: every member at once, each on a thread of its own. */
  private static final class DelegateToAll extends RunTool.OfTeam {
    DelegateToAll(TeamDef team, Catalog catalog, MemberRuns members) {
      super(new ToolDefinition("delegate_task_to_members", """
          Use this function to delegate a task to all the member agents and return a response.
          You must provide a clear and concise description of the task the member should achieve AND the expected \
          output.""", schema("""
          {"type":"object","properties":{"task":{"type":"string","description":"A clear and concise description of \
          the task to send to member agents."}},"required":["task"]}""")), team, catalog, members, "");
    }

    @Override
    ToolRunner.Timed invoke(ActiveRun run, JsonNode arguments) {
      String input = MemberInput.of(run, team, arguments.path("task").asString(""), members);
      List<CompletableFuture<RunOutput>> runs = new ArrayList<>();
      for (TeamDef.Member member : team.members()) {
        CompletableFuture<RunOutput> future = new CompletableFuture<>();
        Thread.ofVirtual().name("member-" + member.id()).start(() -> {
          try {
            future.complete(members.run(run, member, input));
          } catch (Throwable e) { // the member's own failures end its run; this is a bug, kept from its siblings
            future.completeExceptionally(e);
          }
        });
        runs.add(future);
      }
      List<RunOutput> outputs = new ArrayList<>(runs.size());
      for (int i = 0; i < runs.size(); i++) {
        try {
          outputs.add(runs.get(i).join());
        } catch (RuntimeException e) {
          outputs.add(null); // a bug in running the member, reported in its line
        }
      }
      return summary(outputs);
    }

    /** Continues the members that paused, and answers with every member's answer, as the first time. */
    @Override
    ToolRunner.Timed resume(ActiveRun run, ToolExecution call, List<ToolExecution> answers) {
      List<RunOutput> all = run.memberResponses();
      List<RunOutput> outputs = new ArrayList<>(team.members().size());
      for (TeamDef.Member member : team.members()) { // each member's latest run is the one this call started
        RunOutput last = null;
        for (RunOutput m : all) {
          last = m.componentId().equals(member.id()) ? m : last;
        }
        outputs.add(last != null && last.status() == RunStatus.PAUSED ? members.resume(run, last, answers) : last);
      }
      return summary(outputs);
    }

    /** "Agent <name>: <answer>" for each member, in the team's order; paused while any member waits. */
    private ToolRunner.Timed summary(List<RunOutput> outputs) {
      StringBuilder out = new StringBuilder();
      RunOutput paused = null;
      String lastRun = null;
      for (int i = 0; i < outputs.size(); i++) {
        RunOutput member = outputs.get(i);
        String line = member == null ? "Error - the member could not be run." : switch (member.status()) {
          case COMPLETED -> answer(member);
          case PAUSED -> "Requires human input before continuing.";
          case ERROR -> "Error - " + member.contentText();
          case CANCELLED -> "Cancelled.";
          case PENDING, RUNNING -> "No response from the member agent.";
        };
        if (member != null) {
          lastRun = member.runId();
          paused = member.status() == RunStatus.PAUSED && paused == null ? member : paused;
        }
        out.append(out.isEmpty() ? "" : "\n\n").append("Agent ").append(name(catalog, team.members().get(i)))
            .append(": ").append(line);
      }
      return new ToolRunner.Timed(ToolResult.of(out.toString()), NO_METRICS, lastRun, paused);
    }
  }

  /** {@code get_member_information()}: the member list of the leader's context. */
  private static final class MemberInformation extends RunTool {
    private final String membersText;

    MemberInformation(String membersText) {
      super(new ToolDefinition("get_member_information", "Get information about the members of your team: their "
          + "IDs, names, roles and descriptions.", schema("{\"type\":\"object\",\"properties\":{}}")));
      this.membersText = membersText;
    }

    @Override
    ToolRunner.Timed invoke(ActiveRun run, JsonNode arguments) {
      return new ToolRunner.Timed(ToolResult.of(membersText), NO_METRICS);
    }
  }
}
