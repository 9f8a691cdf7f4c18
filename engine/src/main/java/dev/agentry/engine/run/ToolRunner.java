package dev.agentry.engine.run;

import dev.agentry.engine.event.RunEvent;
import dev.agentry.engine.event.ToolExecution;
import dev.agentry.engine.internal.Json;
import dev.agentry.engine.llm.Message;
import dev.agentry.engine.llm.ToolCall;
import dev.agentry.engine.tool.ToolContext;
import dev.agentry.engine.tool.ToolResult;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Executes the tool calls of one model turn: checks each call (known function, JSON arguments that match its
 * schema, {@code tool_call_limit}), pauses the run when a call needs a person, runs the rest (in parallel on virtual
 * threads when there are several), and feeds every result or error back to the model.
 *
 * <p>Nothing a tool or the model does here ends the run by accident: a bad call or a failing tool becomes an error
 * the model reads and may correct. Only {@link ToolResult.Outcome#STOP} and {@code stop_after_tool_call} end it.
 */
final class ToolRunner {
  private static final Logger LOG = LoggerFactory.getLogger(ToolRunner.class);
  /** Ends the wait for a call whose thread died before completing it; preallocated, as memory may be short then. */

  private ToolRunner() {}

  /** One call, checked: the tool to run with its arguments, or the error to report instead. */
  record Checked(ToolCall call, @Nullable BoundTool tool, @Nullable JsonNode args, @Nullable String error) {}

  static TurnOutcome execute(ActiveRun run, List<ToolCall> calls) {
    List<Checked> checked = new ArrayList<>(calls.size());
    boolean pause = false;
    for (ToolCall call : calls) {
      Checked c = check(run, call);
      checked.add(c);
      pause |= c.error() == null && c.tool() != null && c.tool().flags().pauses();
    }
    if (pause) {
      for (Checked c : checked) {
        run.tools().add(awaiting(run, c));
      }
      return new TurnOutcome.Paused();
    }
    List<ToolExecution> executions = new ArrayList<>(checked.size());
    for (Checked c : checked) {
      ToolExecution execution = ToolExecution.pending(c.call().id(), c.call().name(), c.args(), run.now());
      executions.add(execution);
      run.emit(new RunEvent.ToolCallStarted(run.scope, execution.createdAt(), execution));
    }
    List<Timed> results = ParallelCalls.invokeAll(run, checked);
    if (results == null) {
      return TurnOutcome.NEXT; // cancelled: the loop ends the run before asking the model
    }
    return finish(run, checked, executions, results);
  }

  /** Records the results of a turn's calls, in call order, and decides whether the loop goes on. */
  static TurnOutcome finish(ActiveRun run, List<Checked> checked, List<ToolExecution> executions,
      List<Timed> results) {
    StringBuilder shown = null;
    boolean stop = false;
    boolean memberPaused = false;
    for (int i = 0; i < checked.size(); i++) {
      Checked c = checked.get(i);
      Timed timed = results.get(i);
      if (timed.pausedMember() != null) { // the call waits for the member: its result comes when it is continued
        replaceOrAdd(run.tools(), executions.get(i).withChildRunId(timed.pausedMember().runId()));
        memberPaused = true;
        continue;
      }
      ToolResult result = timed.result();
      boolean stopAfter = c.tool() != null && c.tool().flags().stopAfterToolCall();
      ToolExecution done = executions.get(i).withResult(result.content(), result.isError(), timed.metrics(),
          stopAfter || result.outcome() == ToolResult.Outcome.STOP).withChildRunId(timed.childRunId());
      replaceOrAdd(run.tools(), done);
      run.add(Message.tool(c.call(), result.content(), result.isError()), null);
      String summary = summary(c, timed);
      run.emit(new RunEvent.ToolCallCompleted(run.scope, run.now(), done, summary));
      DebugLog.toolCall(run, done, summary);
      stop |= done.stopAfterToolCall();
      if (c.tool() != null && c.tool().flags().showResult() && !result.isError()) {
        shown = (shown == null ? new StringBuilder() : shown.append('\n')).append(result.content());
      }
    }
    if (memberPaused) {
      return new TurnOutcome.Paused();
    }
    if (stop) {
      return new TurnOutcome.Stopped(shown == null ? lastContent(run) : shown.toString());
    }
    if (shown != null) {
      run.emit(new RunEvent.RunContent(run.scope, run.now(), shown.toString() + "\n", "str", null));
    }
    return TurnOutcome.NEXT;
  }

  static Checked check(ActiveRun run, ToolCall call) {
    BoundTool tool = run.runtime.tools().get(call.name());
    if (tool == null) {
      return new Checked(call, null, null, "Function " + call.name() + " not found. Available functions: "
          + String.join(", ", run.runtime.tools().keySet()));
    }
    JsonNode args;
    try {
      args = call.arguments().isBlank() ? Json.MAPPER.createObjectNode() : Json.MAPPER.readTree(call.arguments());
    } catch (JacksonException e) {
      return new Checked(call, tool, null, "Error: the arguments of " + call.name()
          + " are not valid JSON (" + e.getOriginalMessage() + "). Call it again with a JSON object.");
    }
    List<String> problems = tool.problems(call.arguments(), args);
    if (!problems.isEmpty()) {
      return new Checked(call, tool, args, "Error: invalid arguments for " + call.name() + ": "
          + String.join("; ", problems) + ". Call it again with arguments that match its parameters.");
    }
    Integer limit = run.runtime.participant().limits().toolCalls();
    if (limit != null && run.toolCalls >= limit) {
      return new Checked(call, tool, args, "Error: the tool call limit of " + limit
          + " for this run is reached. Answer with the information you have.");
    }
    run.toolCalls++;
    return new Checked(call, tool, args, null);
  }

  /**
   * The result of one call and how long it took.
   *
   * @param childRunId the member run a delegation started (the last one, when it started several)
   * @param pausedMember the run of a member that paused for a person: the calling run pauses too
   */
  record Timed(ToolResult result, ToolExecution.ToolMetrics metrics, @Nullable String childRunId,
      @Nullable RunOutput pausedMember) {
    Timed(ToolResult result, ToolExecution.ToolMetrics metrics) {
      this(result, metrics, null, null);
    }

    /** This result with the time it took, from {@code startNanos} on. */
    Timed timed(long startNanos, double startTime) {
      double seconds = (System.nanoTime() - startNanos) / 1e9;
      return new Timed(result, new ToolExecution.ToolMetrics(startTime, startTime + seconds, seconds), childRunId,
          pausedMember);
    }
  }

  /** Makes one call, on the calling thread; a failure of the tool is the call's error result. */
  static Timed invoke(ActiveRun run, Checked c) {
    long start = System.nanoTime();
    double startTime = System.currentTimeMillis() / 1000.0;
    if (c.error() == null && c.tool() != null && c.args() != null && c.tool().tool() instanceof RunTool own) {
      return own.invoke(run, c.args()).timed(start, startTime);
    }
    ToolResult result;
    if (c.error() != null || c.tool() == null || c.args() == null) {
      result = ToolResult.error(c.error() == null ? "Error: the call could not be made" : c.error());
    } else {
      try {
        result = c.tool().tool().invoke(c.args(), new ToolContext(run.scope.runId(), run.scope.sessionId(),
            run.userId, run.sessionState, run.cancellation));
      } catch (RuntimeException e) {
        LOG.debug("tool {} failed", c.call().name(), e);
        result = ToolResult.error("Error: " + c.call().name() + " failed: "
            + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
      } catch (Error e) { // StackOverflowError, AssertionError, OutOfMemoryError: a bug, not an answer to show
        LOG.error("tool {} of run {} threw", c.call().name(), run.scope.runId(), e);
        result = unexpected(c);
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return new Timed(result, new ToolExecution.ToolMetrics(startTime, startTime + seconds, seconds));
  }

  /** What the model reads when a call broke in a way that says nothing useful to it. */
  static ToolResult unexpected(Checked c) {
    return ToolResult.error("Error: " + c.call().name() + " failed unexpectedly and gave no result.");
  }

  private static ToolExecution awaiting(ActiveRun run, Checked c) {
    ToolExecution pending = ToolExecution.pending(c.call().id(), c.call().name(), c.args(), run.now());
    if (c.error() != null || c.tool() == null || !c.tool().flags().pauses()) {
      return pending;
    }
    ToolFlags flags = c.tool().flags();
    return pending.awaiting(flags.requiresConfirmation(), UserInput.schema(c.tool(), c.args()),
        flags.externalExecution());
  }

  private static void replaceOrAdd(List<ToolExecution> tools, ToolExecution done) {
    for (int i = tools.size() - 1; i >= 0; i--) {
      if (tools.get(i).toolCallId().equals(done.toolCallId())) {
        tools.set(i, done);
        return;
      }
    }
    tools.add(done);
  }

  /** Agno's summary line: {@code add(a=2, b=3) completed in 0.0001s.} */
  private static String summary(Checked c, Timed timed) {
    StringBuilder out = new StringBuilder(c.call().name()).append('(');
    if (c.args() != null) {
      boolean first = true;
      for (var entry : c.args().properties()) {
        out.append(first ? "" : ", ").append(entry.getKey()).append('=')
            .append(entry.getValue().isString() ? entry.getValue().stringValue() : entry.getValue().toString());
        first = false;
      }
    }
    long micros = Math.round(timed.metrics().duration() * 1e6); // "%.4f" without a Formatter per call
    return out.append(") completed in ").append(micros / 1_000_000).append('.')
        .append(String.valueOf(10_000 + (micros % 1_000_000) / 100).substring(1)).append("s. ").toString();
  }

  private static @Nullable String lastContent(ActiveRun run) {
    List<ToolExecution> tools = run.tools();
    return tools.isEmpty() ? null : tools.getLast().result();
  }
}
