package dev.agentry.engine.run;

import dev.agentry.engine.event.RunEvent;
import dev.agentry.engine.event.ToolExecution;
import dev.agentry.engine.event.ToolExecution.UserInputField;
import dev.agentry.engine.internal.Json;
import dev.agentry.engine.llm.ToolCall;
import dev.agentry.engine.tool.ToolResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Human in the loop: what a paused call asks of the user ({@code requires_confirmation},
 * {@code requires_user_input} with {@code user_input_fields}, {@code external_execution}), and how a continued run
 * applies the answers: a confirmed call runs, a rejected one is reported to the model, the user's fields complete the
 * model's arguments ({@link UserInput}), and an external result is used as it is.
 */
final class HumanInput {
  private HumanInput() {}

  /**
   * Checks that every answer a paused run waits for is there, before anything happens to the run.
   *
   * @throws InvalidAnswerException naming the first missing answer
   */
  static void check(ParticipantRuntime agent, List<ToolExecution> pausedTools, List<ToolExecution> answers) {
    Map<String, ToolExecution> byId = new HashMap<>();
    answers.forEach(a -> byId.put(a.toolCallId(), a));
    for (ToolExecution paused : pausedTools) {
      if (paused.result() != null) {
        continue;
      }
      ToolExecution answer = byId.getOrDefault(paused.toolCallId(), paused);
      if (paused.externalExecutionRequired() && answer.result() == null) {
        throw new InvalidAnswerException("tool call " + paused.toolCallId() + " (" + paused.toolName()
            + ") is executed by the client: send it back with its result");
      }
      if (paused.requiresUserInput()) {
        UserInput.filledIn(paused, answer, agent.tools().get(paused.toolName()));
      }
    }
  }

  /**
   * Continues the paused turn with the client's answers: every call of the turn gets its result, then the loop
   * asks the model again (or stops, when a tool says so).
   *
   * @throws InvalidAnswerException when an answer the run waits for is missing; nothing has happened yet then
   */
  static TurnOutcome resume(ActiveRun run, List<ToolExecution> answers) {
    Map<String, ToolExecution> byId = new HashMap<>();
    answers.forEach(a -> byId.put(a.toolCallId(), a));
    List<ToolExecution> pending = run.tools().stream().filter(t -> t.result() == null).toList();
    List<ToolRunner.Checked> checked = new ArrayList<>(pending.size());
    List<ToolExecution> executions = new ArrayList<>(pending.size());
    List<ToolResult> decided = new ArrayList<>(pending.size());
    Map<Integer, RunTool> waiting = new HashMap<>(); // calls that wait for their members: continued by their tool
    for (ToolExecution paused : pending) {
      ToolExecution answer = byId.getOrDefault(paused.toolCallId(), paused);
      BoundTool tool = run.runtime.tools().get(paused.toolName());
      ToolCall call = new ToolCall(paused.toolCallId(), paused.toolName(),
          paused.toolArgs() == null ? "{}" : paused.toolArgs().toString());
      ToolRunner.Checked c;
      ToolResult result = null;
      if (waitsForMembers(run, paused, tool)) { // a delegation: its answer is its members', once continued
        c = new ToolRunner.Checked(call, tool, paused.toolArgs(), null);
        waiting.put(checked.size(), (RunTool) tool.tool());
      } else if (tool == null || !tool.flags().pauses()) {
        c = ToolRunner.check(run, call);
      } else {
        JsonNode args = paused.requiresUserInput() ? UserInput.filledIn(paused, answer, tool) : paused.toolArgs();
        c = new ToolRunner.Checked(call, tool, args, null);
        result = decide(paused, answer, tool, args);
      }
      checked.add(c);
      decided.add(result);
      ToolExecution execution = paused.withAnswer(answer.confirmed(), answer.confirmationNote(), answer.answered());
      if (paused.requiresUserInput() && c.args() != null) {
        execution = execution.withUserInput(used(paused, c.args())).withToolArgs(c.args());
      }
      executions.add(execution);
    }
    for (int i = 0; i < executions.size(); i++) {
      if (!waiting.containsKey(i)) { // a delegation to a waiting member started before the pause, and goes on
        run.emit(new RunEvent.ToolCallStarted(run.scope, run.now(), executions.get(i)));
      }
    }
    List<ToolRunner.Checked> toRun = new ArrayList<>(checked.size());
    Map<Integer, ToolRunner.Timed> continued = new HashMap<>();
    waiting.forEach((i, tool) -> continued.put(i, continueMembers(run, tool, pending.get(i), answers)));
    for (int i = 0; i < checked.size(); i++) {
      if (decided.get(i) == null && !continued.containsKey(i)) {
        toRun.add(checked.get(i));
      }
    }
    List<ToolRunner.Timed> ran = ParallelCalls.invokeAll(run, toRun); // cancellable, as in a turn that did not pause
    if (ran == null) {
      return TurnOutcome.NEXT; // cancelled: the loop ends the run before asking the model
    }
    List<ToolRunner.Timed> results = new ArrayList<>(checked.size());
    for (int i = 0, next = 0; i < checked.size(); i++) {
      ToolResult fixed = decided.get(i);
      results.add(continued.containsKey(i) ? continued.get(i) : fixed == null ? ran.get(next++)
          : new ToolRunner.Timed(fixed, new ToolExecution.ToolMetrics(run.now(), run.now(), 0)));
    }
    return ToolRunner.finish(run, checked, executions, results);
  }

  /** True when the pending call is a team's delegation whose member runs wait for a person. */
  private static boolean waitsForMembers(ActiveRun run, ToolExecution call, @Nullable BoundTool tool) {
    return call.childRunId() != null && run.runtime.members() != null && tool != null
        && tool.tool() instanceof RunTool;
  }

  /** Continues the paused members of a team's delegation with the answers; the call's result is their answers. */
  private static ToolRunner.Timed continueMembers(ActiveRun run, RunTool tool, ToolExecution call,
      List<ToolExecution> answers) {
    long start = System.nanoTime();
    double startTime = System.currentTimeMillis() / 1000.0;
    return tool.resume(run, call, answers).timed(start, startTime);
  }

  /** The fixed result of a paused call, or null when it should now run here. */
  private static @Nullable ToolResult decide(ToolExecution paused, ToolExecution answer, BoundTool tool,
      @Nullable JsonNode args) {
    if (paused.requiresConfirmation() && !Boolean.TRUE.equals(answer.confirmed())) {
      String note = answer.confirmationNote() == null ? "" : " Note: " + answer.confirmationNote();
      return ToolResult.error("The user rejected the call to " + paused.toolName() + "." + note);
    }
    if (paused.externalExecutionRequired()) {
      if (answer.result() == null) {
        throw new InvalidAnswerException("tool call " + paused.toolCallId() + " (" + paused.toolName()
            + ") is executed by the client: send it back with its result");
      }
      return ToolResult.of(answer.result());
    }
    if (tool.flags().clientSide()) {
      if (answer.result() != null) {
        return ToolResult.of(answer.result());
      }
      return ToolResult.of(paused.requiresUserInput() ? "The user provided: " + args
          : "The user confirmed the call to " + paused.toolName() + ".");
    }
    return null;
  }

  /** The paused call's {@code user_input_schema} with the values the call runs with. */
  private static List<UserInputField> used(ToolExecution paused, JsonNode args) {
    List<UserInputField> fields = paused.userInputSchema() == null ? List.of() : paused.userInputSchema();
    return fields.stream().map(f -> new UserInputField(f.name(), f.fieldType(), f.description(),
        args.hasNonNull(f.name()) ? Json.MAPPER.treeToValue(args.get(f.name()), Object.class) : null)).toList();
  }
}
