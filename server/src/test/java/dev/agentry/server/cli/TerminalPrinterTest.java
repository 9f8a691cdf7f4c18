package dev.agentry.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentry.engine.event.ComponentKind;
import dev.agentry.engine.event.RunScope;
import dev.agentry.engine.event.StepIndex;
import dev.agentry.engine.event.WorkflowEvent;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class TerminalPrinterTest {
  private final StringWriter text = new StringWriter();
  private final TerminalPrinter printer = new TerminalPrinter(new PrintWriter(text), false, true);
  private final RunScope run = RunScope.of(ComponentKind.WORKFLOW, "pipeline", "Pipeline", "wr1", "s1");

  @Test
  void a_workflow_shows_each_step_and_group_as_it_starts_then_its_answer() {
    RunScope loop = run.forStep("st-2", null);
    RunScope inLoop = run.forStep("st-3", "st-2");
    printer.accept(new WorkflowEvent.WorkflowStarted(run, 1));
    printer.accept(new WorkflowEvent.StepStarted(run.forStep("st-1", null), 1, "research", StepIndex.of(0)));
    printer.accept(new WorkflowEvent.StepCompleted(run.forStep("st-1", null), 1, "research", StepIndex.of(0),
        "notes", "str", null));
    printer.accept(new WorkflowEvent.LoopExecutionStarted(loop, 1, "refine", StepIndex.of(1), 3));
    printer.accept(new WorkflowEvent.LoopIterationStarted(loop, 1, "refine", StepIndex.of(1), 1, 3));
    printer.accept(new WorkflowEvent.StepStarted(inLoop, 1, "edit", StepIndex.of(1).child(0)));
    printer.accept(new WorkflowEvent.RouterExecutionStarted(run.forStep("st-4", null), 1, "pick", StepIndex.of(2),
        List.of("tech", "news")));
    printer.accept(new WorkflowEvent.StepError(run.forStep("st-5", null), 1, "publish", StepIndex.of(3), "offline"));
    printer.accept(new WorkflowEvent.WorkflowCompleted(run, 1, "The post.", "str", List.of(), null, null, null));

    assertThat(text.toString().lines()).containsExactly(
        "== step 1 research",
        "== loop 2 refine",
        "== loop 2 refine: iteration 1/3",
        "  == step 2.1 edit",
        "== router 3 pick -> tech, news",
        "== step 4 publish failed: offline",
        "The post.");
  }

  @Test
  void a_paused_step_says_what_it_waits_for() {
    printer.accept(new WorkflowEvent.StepPaused(run.forStep("st-1", null), 1, "publish", StepIndex.of(0), true,
        "Publish now?", false, null, null));
    printer.accept(new WorkflowEvent.RouterPaused(run.forStep("st-2", null), 1, "pick", StepIndex.of(1),
        List.of("tech", "news"), null, false));

    assertThat(text.toString().lines()).containsExactly(
        "== step 1 publish waits for your confirmation: Publish now?",
        "== router 2 pick waits for you to choose one of tech, news");
  }
}
