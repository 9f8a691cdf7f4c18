package dev.agentry.engine.run;

import dev.agentry.engine.event.RunEvent;
import dev.agentry.engine.event.RunStatus;
import dev.agentry.engine.event.TeamTask;
import dev.agentry.engine.event.ToolExecution;
import dev.agentry.engine.internal.Json;
import dev.agentry.engine.model.Catalog;
import dev.agentry.engine.model.TeamDef;
import dev.agentry.engine.tool.ToolDefinition;
import dev.agentry.engine.tool.ToolResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import tools.jackson.databind.JsonNode;

/**
 * The leader's tools in tasks mode, as Agno's task tools: {@code create_task}, {@code update_task_status},
 * {@code list_tasks}, {@code mark_all_complete}, {@code execute_task} and {@code execute_tasks_parallel}. They work
 * on the run's {@link TaskBoard} and announce each change with a task event.
 */
final class TaskTools {
  private TaskTools() {}

  static List<RunTool> all(TeamDef team, Catalog catalog, String membersText, MemberRuns members) {
    return List.of(
        tool("create_task", "Create a new task for the team to work on.", """
            {"type":"object","properties":{
              "title":{"type":"string","description":"A short title for the task."},
              "description":{"type":"string","description":"What the task is about and what it should produce."},
              "assignee":{"type":"string","description":"The member_id to assign this task to."},
              "depends_on":{"type":"array","items":{"type":"string"},"description":"IDs of the tasks that must \
            complete before this one."}},"required":["title"]}""", TaskTools::create),
        tool("update_task_status", "Update the status of a task. Use this to mark tasks you handle yourself as "
            + "completed.", """
            {"type":"object","properties":{
              "task_id":{"type":"string"},
              "status":{"type":"string","enum":["pending","in_progress","completed","failed"]},
              "result":{"type":"string","description":"The task's result, when it completed or failed."}},
             "required":["task_id","status"]}""", TaskTools::update),
        tool("list_tasks", "List every task with its status, assignee, dependencies and result.",
            "{\"type\":\"object\",\"properties\":{}}", (run, args) -> ToolResult.of(board(run).summary())),
        tool("mark_all_complete", "Mark the goal as complete once every task is done, with a summary of the "
            + "outcome.", """
            {"type":"object","properties":{"summary":{"type":"string"}},"required":["summary"]}""", (run, args) -> {
              String summary = args.path("summary").asString("");
              board(run).complete(summary);
              return ToolResult.of("Goal marked as complete. Summary: " + summary);
            }),
        new Execute(team, catalog, membersText, members),
        new ExecuteParallel(team, catalog, members));
  }

  static TaskBoard board(ActiveRun run) {
    if (run.tasks == null) {
      throw new IllegalStateException("task tools run only in a team run in tasks mode");
    }
    return run.tasks;
  }

  private static ToolResult create(ActiveRun run, JsonNode args) {
    TaskBoard board = board(run);
    String title = args.path("title").asString("");
    Optional<TeamTask> existing = board.findByTitle(title);
    if (existing.isPresent()) {
      TeamTask t = existing.get();
      return ToolResult.of("Task already exists: [" + t.id() + "] " + t.title() + " (status: " + t.status()
          + "). Use this task instead of creating a duplicate.");
    }
    List<String> dependsOn = new ArrayList<>();
    args.path("depends_on").forEach(d -> dependsOn.add(d.asString()));
    String assignee = args.path("assignee").asString("");
    TeamTask task = board.create(title, args.path("description").asString(""), assignee.isEmpty() ? null : assignee,
        dependsOn);
    run.emit(new RunEvent.TaskCreated(run.scope, run.now(), task.id(), task.title(), task.description(),
        task.assignee(), task.status(), task.dependencies()));
    return ToolResult.of("Task created: [" + task.id() + "] " + task.title() + " (status: " + task.status() + ")");
  }

  private static ToolResult update(ActiveRun run, JsonNode args) {
    TaskBoard board = board(run);
    String id = args.path("task_id").asString("");
    String status = args.path("status").asString("");
    Optional<TeamTask> task = board.find(id);
    if (task.isEmpty()) {
      return ToolResult.error("Task not found: " + id + ". Call list_tasks to see the task ids.");
    }
    String result = args.path("result").isString() ? args.path("result").asString() : task.get().result();
    updated(run, task.get(), board.update(id, status, result, task.get().assignee()));
    return ToolResult.of("Task [" + id + "] '" + task.get().title() + "' updated to " + status + ".");
  }

  static void updated(ActiveRun run, TeamTask before, TeamTask after) {
    boolean ended = after.status().equals("completed") || after.status().equals("failed");
    run.emit(new RunEvent.TaskUpdated(run.scope, run.now(), after.id(), after.title(), after.status(),
        before.status(), ended ? after.result() : null, after.assignee()));
  }

  /** Runs a task on a member: its description (or title) is the member's task. */
  static String runTask(ActiveRun run, TeamDef team, Catalog catalog, TeamTask task, TeamDef.Member member,
      MemberRuns members, List<RunOutput> ran) {
    TaskBoard board = board(run);
    TeamTask running = board.update(task.id(), "in_progress", null, member.id());
    updated(run, task, running);
    String input = MemberInput.of(run, team, task.description().isEmpty() ? task.title() : task.description(),
        members);
    return ended(run, running, members.run(run, member, input), ran);
  }

  /**
   * Records how a task's member run ended on the board (and in {@code ran}) and says it to the leader; a member that
   * waits for a person leaves its task in progress until the run is continued.
   */
  static String ended(ActiveRun run, TeamTask running, RunOutput out, List<RunOutput> ran) {
    ran.add(out);
    TaskBoard board = board(run);
    String prefix = "Task [" + running.id() + "] ";
    return switch (out.status()) {
      case COMPLETED -> {
        String answer = TeamTools.answer(out);
        updated(run, running, board.update(running.id(), "completed", answer, running.assignee()));
        yield prefix + "completed. Result: " + answer;
      }
      case PAUSED -> {
        yield "Member '" + out.componentName() + "' requires human input before continuing. " + prefix + "paused.";
      }
      case ERROR, CANCELLED, PENDING, RUNNING -> {
        updated(run, running, board.update(running.id(), "failed", out.contentText(), running.assignee()));
        yield prefix + "failed: " + out.contentText();
      }
    };
  }

  /**
   * Continues the task {@code id} of a continued run: its member's paused run is resumed and the task ended with it;
   * a task that was not waiting is told as the board has it.
   */
  static String resumeTask(ActiveRun run, MemberRuns members, String id, List<ToolExecution> answers,
      List<RunOutput> ran) {
    Optional<TeamTask> task = board(run).find(id);
    if (task.isEmpty()) {
      return "Task [" + id + "] was not run: no such task";
    }
    TeamTask t = task.get();
    RunOutput waiting = null;
    for (RunOutput m : run.memberResponses()) { // the assignee's latest run is the one the task started
      waiting = m.componentId().equals(t.assignee()) ? m : waiting;
    }
    if (t.status().equals("in_progress") && waiting != null && waiting.status() == RunStatus.PAUSED) {
      return ended(run, t, members.resume(run, waiting, answers), ran);
    }
    return "Task [" + id + "] is " + t.status() + (t.result() == null ? "." : ". Result: " + t.result());
  }

  private static RunTool tool(String name, String description, String schema,
      BiFunction<ActiveRun, JsonNode, ToolResult> body) {
    return new RunTool(new ToolDefinition(name, description, Json.MAPPER.readTree(schema))) {
      @Override
      ToolRunner.Timed invoke(ActiveRun run, JsonNode arguments) {
        return new ToolRunner.Timed(body.apply(run, arguments), NONE);
      }

      @Override
      public boolean blocking() {
        return false;
      }
    };
  }

  static final ToolExecution.ToolMetrics NONE = new ToolExecution.ToolMetrics(0, 0, 0);

  /** A task call's result: its text, the last member run it ran ({@code child_run_id}) and the first that waits. */
  private static ToolRunner.Timed timed(String text, List<RunOutput> ran) {
    List<RunOutput> runs = List.copyOf(ran);
    return new ToolRunner.Timed(ToolResult.of(text), NONE, runs.isEmpty() ? null : runs.getLast().runId(),
        runs.stream().filter(r -> r.status() == RunStatus.PAUSED).findFirst().orElse(null));
  }

  /** {@code execute_task(task_id, member_id)}. */
  private static final class Execute extends RunTool.OfTeam {
    Execute(TeamDef team, Catalog catalog, String membersText, MemberRuns members) {
      super(new ToolDefinition("execute_task", "Execute a task by delegating it to a team member. The member will "
          + "receive the task description and return a result.", Json.MAPPER.readTree("""
          {"type":"object","properties":{"task_id":{"type":"string"},"member_id":{"type":"string"}},
           "required":["task_id","member_id"]}""")), team, catalog, members, membersText);
    }

    @Override
    ToolRunner.Timed invoke(ActiveRun run, JsonNode arguments) {
      String id = arguments.path("task_id").asString("");
      String memberId = arguments.path("member_id").asString("");
      Optional<TeamTask> task = board(run).find(id);
      if (task.isEmpty() || !(task.get().status().equals("pending") || task.get().status().equals("in_progress"))) {
        return new ToolRunner.Timed(ToolResult.error(task.isEmpty() ? "Task not found: " + id
            : "Task [" + id + "] is " + task.get().status() + ": only a pending task can be executed."), NONE);
      }
      Optional<TeamDef.Member> member = TeamTools.member(team, memberId);
      if (member.isEmpty()) {
        return new ToolRunner.Timed(ToolResult.error("Member with ID " + memberId + " not found. Available "
            + "members:\n" + membersText), NONE);
      }
      List<RunOutput> ran = new ArrayList<>(1);
      return timed(runTask(run, team, catalog, task.get(), member.get(), members, ran), ran);
    }

    @Override
    ToolRunner.Timed resume(ActiveRun run, ToolExecution call, List<ToolExecution> answers) {
      List<RunOutput> ran = new ArrayList<>(1);
      return timed(resumeTask(run, members, call.toolArgs() == null ? "" : call.toolArgs().path("task_id")
          .asString(""), answers, ran), ran);
    }
  }

  /** {@code execute_tasks_parallel(task_ids)}: each task on its assignee, all at once. */
  private static final class ExecuteParallel extends RunTool.OfTeam {
    ExecuteParallel(TeamDef team, Catalog catalog, MemberRuns members) {
      super(new ToolDefinition("execute_tasks_parallel", "Execute multiple independent tasks in parallel by "
          + "delegating each to its assigned member. All tasks must be pending with no unresolved dependencies.",
          Json.MAPPER.readTree("""
          {"type":"object","properties":{"task_ids":{"type":"array","items":{"type":"string"}}},
           "required":["task_ids"]}""")), team, catalog, members, "");
    }

    @Override
    ToolRunner.Timed invoke(ActiveRun run, JsonNode arguments) {
      List<String> lines = new ArrayList<>();
      List<CompletableFuture<String>> running = new ArrayList<>();
      List<RunOutput> ran = Collections.synchronizedList(new ArrayList<>());
      for (JsonNode idNode : arguments.path("task_ids")) {
        String id = idNode.asString();
        Optional<TeamTask> task = board(run).find(id);
        Optional<TeamDef.Member> member = task.map(TeamTask::assignee).flatMap(a -> TeamTools.member(team, a));
        if (task.isEmpty() || member.isEmpty() || !task.get().status().equals("pending")) {
          lines.add("Task [" + id + "] was not run: " + (task.isEmpty() ? "no such task"
              : member.isEmpty() ? "it has no assignee that is a member of the team"
              : "it is " + task.get().status() + ", not pending"));
          continue;
        }
        CompletableFuture<String> line = new CompletableFuture<>();
        Thread.ofVirtual().name("task-" + id).start(() -> {
          try {
            line.complete(runTask(run, team, catalog, task.get(), member.get(), members, ran));
          } catch (Throwable e) {
            line.complete("Task [" + id + "] failed due to member execution error: " + e.getMessage());
          }
        });
        running.add(line);
      }
      running.forEach(f -> lines.add(f.join()));
      return timed(String.join("\n", lines), ran);
    }

    /** Continues every task of the call whose member waited; the others are told as the board has them. */
    @Override
    ToolRunner.Timed resume(ActiveRun run, ToolExecution call, List<ToolExecution> answers) {
      List<String> lines = new ArrayList<>();
      List<RunOutput> ran = new ArrayList<>();
      for (JsonNode id : call.toolArgs() == null ? List.<JsonNode>of() : call.toolArgs().path("task_ids").valueStream()
          .toList()) {
        lines.add(resumeTask(run, members, id.asString(), answers, ran));
      }
      return timed(String.join("\n", lines), ran);
    }
  }
}
