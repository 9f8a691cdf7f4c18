package dev.agentry.server.cli;

import dev.agentry.engine.event.EventJson;
import dev.agentry.engine.event.EventSink;
import dev.agentry.engine.event.ReasoningSteps;
import dev.agentry.engine.event.RunEvent;
import dev.agentry.engine.event.RunScope;
import dev.agentry.engine.event.StepIndex;
import dev.agentry.engine.event.ToolExecution;
import dev.agentry.engine.event.WorkflowEvent;
import dev.agentry.engine.run.RunOutput;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The terminal view of a run for {@code agentry run}: the answer of the agent or team leader as it streams, its tool
 * calls on their own lines, and, for a team, each member's tool calls and answer on lines prefixed with the member's
 * name ({@code [Web Researcher] ...}, {@code [Research Team > Writer] ...} two levels down); for a workflow, a line per
 * step and group as it starts ({@code == step 1 research}, {@code == loop 2 refine: iteration 1/3}), a group's
 * steps indented below it, the steps' agents and teams as above, and the final content; or, with {@code --json},
 * every event as one line of JSON, as the HTTP API streams them.
 */
final class TerminalPrinter implements EventSink {
  private static final int MAX_RESULT = 160;

  private final PrintWriter out;
  private final boolean json;
  /** The prefix of each member run seen, by run id: its name, after its parent member's. */
  private final Map<String, String> labels = new ConcurrentHashMap<>();
  private final boolean showMembers;
  private boolean midLine;

  /**
   * A printer of one run's events.
   *
   * @param json every event as a line of JSON instead
   * @param showMembers a team's members' work is printed too ({@code show_members_responses}, as Agno's
   *     {@code print_response}); otherwise only the leader's
   */
  TerminalPrinter(PrintWriter out, boolean json, boolean showMembers) {
    this.out = out;
    this.json = json;
    this.showMembers = showMembers;
  }

  @Override
  public void accept(RunEvent event) {
    if (json) {
      out.println(EventJson.write(event));
      out.flush();
      return;
    }
    RunScope scope = event.scope();
    boolean member = scope.parentRunId() != null;
    if (member && !showMembers) {
      return; // a member's pause still reaches the terminal: it is the team's, with the member's calls
    }
    switch (event) {
      case RunEvent.RunStarted e -> {
        if (member) {
          String parent = labels.get(scope.parentRunId());
          labels.put(scope.runId(), (parent == null ? "" : parent + " > ") + scope.componentName());
        }
      }
      case RunEvent.RunContent e -> {
        if (!member && e.content() != null) {
          print(e.content().toString());
        }
      }
      case RunEvent.ReasoningContentDelta e -> {
        if (!member) {
          print(e.reasoningContent());
        }
      }
      case RunEvent.ToolCallStarted e -> line(scope, "-> " + e.tool().toolName() + "(" + args(e.tool()) + ")");
      case RunEvent.ToolCallCompleted e -> line(scope, "<- " + e.tool().toolName() + ": " + brief(e.tool().result()));
      case RunEvent.ToolCallError e -> line(scope, "<- " + e.tool().toolName() + " failed: " + brief(e.error()));
      case RunEvent.RunCompleted e -> {
        if (member) {
          line(scope, e.content() == null ? "(no answer)" : e.content().toString());
        }
      }
      case RunEvent.RunPaused e -> {
        if (!member) { // a member's pause is the team's, with the member's calls among its requirements
          line(scope, "(paused: " + e.requirements().size() + " tool call(s) wait for you)");
        }
      }
      case RunEvent.RunError e -> {
        if (member) {
          line(scope, "(failed: " + e.content() + ")");
        }
      }
      case RunEvent.RunCancelled e -> {
        if (member) {
          line(scope, "(cancelled)");
        }
      }
      case RunEvent.TaskCreated e -> line(scope, "+ task [" + e.taskId() + "] " + e.title()
          + (e.assignee() == null ? "" : " (" + e.assignee() + ")"));
      case RunEvent.TaskUpdated e -> line(scope, "~ task [" + e.taskId() + "] " + e.title() + ": " + e.status());
      case RunEvent.RunContinued e -> { }
      case RunEvent.PreHookStarted e -> { }
      case RunEvent.PreHookCompleted e -> { }
      case RunEvent.PostHookStarted e -> { }
      case RunEvent.PostHookCompleted e -> { }
      case RunEvent.MemoryUpdateStarted e -> { }
      case RunEvent.MemoryUpdateCompleted e -> { }
      case RunEvent.SessionSummaryStarted e -> { }
      case RunEvent.SessionSummaryCompleted e -> { }
      case RunEvent.CompressionStarted e -> { }
      case RunEvent.CompressionCompleted e -> { }
      case RunEvent.ParserModelResponseStarted e -> { }
      case RunEvent.ParserModelResponseCompleted e -> { }
      case RunEvent.OutputModelResponseStarted e -> { }
      case RunEvent.OutputModelResponseCompleted e -> { }
      case RunEvent.TaskIterationStarted e -> { }
      case RunEvent.TaskIterationCompleted e -> { }
      case RunEvent.TaskStateUpdated e -> { }
      case RunEvent.ModelRequestStarted e -> { }
      case RunEvent.ModelRequestCompleted e -> { }
      case RunEvent.RunIntermediateContent e -> { }
      case RunEvent.RunContentCompleted e -> { }
      case RunEvent.ReasoningStarted e -> { }
      case RunEvent.ReasoningStep e -> {
        if (e.content() instanceof ReasoningSteps.Step step) { // a step of step-by-step reasoning
          line(scope, "* " + (step.title() == null ? "(step)" : step.title())
              + (step.result() == null ? "" : ": " + brief(step.result())));
        }
      }
      case RunEvent.ReasoningCompleted e -> { }
      case WorkflowEvent.StepStarted e -> step(scope, "step", e.stepIndex(), e.stepName(), "");
      case WorkflowEvent.StepError e -> step(scope, "step", e.stepIndex(), e.stepName(), " failed: " + brief(e.error()));
      case WorkflowEvent.StepPaused e -> step(scope, "step", e.stepIndex(), e.stepName(), e.requiresConfirmation()
          ? " waits for your confirmation" + note(e.confirmationMessage())
          : " waits for your input" + note(e.userInputMessage()));
      case WorkflowEvent.StepExecutorPaused e -> step(scope, "step", e.stepIndex(), e.stepName(),
          ": " + e.executorName() + " waits for you");
      case WorkflowEvent.LoopExecutionStarted e -> step(scope, "loop", e.stepIndex(), e.stepName(), "");
      case WorkflowEvent.LoopIterationStarted e -> step(scope, "loop", e.stepIndex(), e.stepName(),
          ": iteration " + e.iteration() + (e.maxIterations() == null ? "" : "/" + e.maxIterations()));
      case WorkflowEvent.ParallelExecutionStarted e -> step(scope, "parallel", e.stepIndex(), e.stepName(),
          e.parallelStepCount() == null ? "" : ": " + e.parallelStepCount() + " steps at once");
      case WorkflowEvent.ConditionExecutionStarted e -> step(scope, "condition", e.stepIndex(), e.stepName(),
          e.conditionResult() == null ? "" : ": " + e.conditionResult());
      case WorkflowEvent.RouterExecutionStarted e -> step(scope, "router", e.stepIndex(), e.stepName(),
          " -> " + String.join(", ", e.selectedSteps()));
      case WorkflowEvent.RouterPaused e -> step(scope, "router", e.stepIndex(), e.stepName(),
          " waits for you to choose" + (e.allowMultipleSelections() ? " one or more of " : " one of ")
              + String.join(", ", e.availableChoices()) + note(e.userInputMessage()));
      case WorkflowEvent.StepsExecutionStarted e -> step(scope, "steps", e.stepIndex(), e.stepName(), "");
      case WorkflowEvent.WorkflowCompleted e -> {
        if (e.content() != null) {
          line(scope, indent(scope) + e.content());
        }
      }
      case WorkflowEvent.WorkflowPaused e -> line(scope, indent(scope) + "(paused: " + e.stepRequirements().size()
          + " requirement(s) wait for you)");
      case WorkflowEvent.WorkflowError e -> {
        if (scope.nestedDepth() > 0) { // a top-level run's failure is reported by the command
          line(scope, indent(scope) + "(failed: " + e.error() + ")");
        }
      }
      case WorkflowEvent.WorkflowCancelled e -> {
        if (scope.nestedDepth() > 0) {
          line(scope, indent(scope) + "(cancelled)");
        }
      }
      case WorkflowEvent.WorkflowStarted e -> { }
      case WorkflowEvent.StepCompleted e -> { }
      case WorkflowEvent.StepOutput e -> { }
      case WorkflowEvent.StepContinued e -> { }
      case WorkflowEvent.StepExecutorContinued e -> { }
      case WorkflowEvent.LoopIterationCompleted e -> { }
      case WorkflowEvent.LoopExecutionCompleted e -> { }
      case WorkflowEvent.ParallelExecutionCompleted e -> { }
      case WorkflowEvent.ConditionExecutionCompleted e -> { }
      case WorkflowEvent.RouterExecutionCompleted e -> { }
      case WorkflowEvent.StepsExecutionCompleted e -> { }
    }
  }

  /**
   * A workflow step's line: {@code == step 1 research}, indented two spaces per group it is in and per nested
   * workflow.
   */
  private void step(RunScope scope, String kind, StepIndex index, String name, String rest) {
    String indent = indent(scope) + "  ".repeat(index.path().size() - 1);
    // unlabelled: a nested workflow's steps are told apart by their indentation
    line(null, indent + "== " + kind + " " + index.label() + " " + name + rest);
  }

  private static String indent(RunScope scope) {
    return "  ".repeat(scope.nestedDepth());
  }

  private static String note(@Nullable String message) {
    return message == null ? "" : ": " + message;
  }

  /** Ends the output after the run's last event. */
  void finish(RunOutput output) {
    if (!json && midLine) {
      out.println();
    }
    out.flush();
  }

  private void print(String text) {
    out.print(text);
    out.flush();
    midLine = !text.endsWith("\n");
  }

  /** One or more whole lines, each prefixed with the member's name when the event is a member's. */
  private void line(@Nullable RunScope scope, String text) {
    if (midLine) {
      out.println();
    }
    String label = scope == null || scope.parentRunId() == null ? null
        : labels.getOrDefault(scope.runId(), scope.componentName());
    text.lines().forEach(l -> out.println(label == null ? l : ("[" + label + "] " + l).stripTrailing()));
    out.flush();
    midLine = false;
  }

  private static String args(ToolExecution tool) {
    return tool.toolArgs() == null ? "" : tool.toolArgs().toString();
  }

  /** A tool result on one line: a member's whole answer is printed by the member already. */
  private static String brief(@Nullable String result) {
    String text = result == null ? "" : result.strip().replace('\n', ' ');
    return text.length() <= MAX_RESULT ? text : text.substring(0, MAX_RESULT) + "...";
  }
}
