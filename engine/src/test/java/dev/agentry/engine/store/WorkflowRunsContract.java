package dev.agentry.engine.store;

import static dev.agentry.engine.store.StoreFixtures.memberRun;
import static dev.agentry.engine.store.StoreFixtures.runOf;
import static dev.agentry.engine.store.StoreFixtures.session;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentry.engine.event.ComponentKind;
import dev.agentry.engine.event.Metrics;
import dev.agentry.engine.event.RunStatus;
import dev.agentry.engine.event.StepResult;
import dev.agentry.engine.run.RunOutput;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The part of the conformance suite about runs of workflows: a workflow run keeps its step outputs
 * ({@code step_results}, groups nested, structured content, a failed step) and its step executor runs, which are also
 * stored as runs of their own with the workflow run as parent; workflow sessions are listed by type. Every backend
 * runs it through {@link SessionStoreContract}, which implements {@link #store()}.
 */
interface WorkflowRunsContract {
  /** The store under test, empty at the start of each test. */
  SessionStore store();

  @Test
  default void workflowRunReadsBackWithItsStepResultsAndExecutorRuns() {
    RunOutput research = memberRun("researcher", "w1", "s1", "w1-research", 101);
    RunOutput write = memberRun("writer", "w1", "s1", "w1-write", 102);
    Metrics used = research.metrics();
    List<StepResult> results = List.of(
        StepResult.of("research", "step-1", "Step", "agent", "Researcher", "w1-research", "notes", used),
        StepResult.ofGroup("both", "step-2", "Parallel", "merged", List.of(
            StepResult.of("write", "step-2a", "Step", "agent", "Writer", "w1-write",
                Map.of("title", "Tides", "words", 120), write.metrics()),
            StepResult.failed("check", "step-2b", "Step", "the fact checker failed: timeout"))),
        StepResult.ofGroup("maybe", "step-3", "Condition", null, List.of()));
    RunOutput flow = runOf(ComponentKind.WORKFLOW, "publish", null, "s1", "w1", RunStatus.COMPLETED, 100,
        List.of(research, write)).withStepResults(results);
    store().saveRun(research);
    store().saveRun(write);
    store().saveRun(flow);

    RunOutput back = store().findRun("w1").orElseThrow();
    assertThat(back).usingRecursiveComparison().isEqualTo(flow);
    assertThat(back.kind()).isEqualTo(ComponentKind.WORKFLOW);
    assertThat(back.stepResults()).extracting(StepResult::stepName).containsExactly("research", "both", "maybe");
    assertThat(back.stepResults().get(2).steps()).as("a group that ran nothing").isNull();
    StepResult parallel = back.stepResults().get(1);
    assertThat(parallel.success()).isFalse();
    assertThat(parallel.steps()).extracting(StepResult::stepName).containsExactly("write", "check");
    assertThat(parallel.steps().getFirst().content()).isEqualTo(Map.of("title", "Tides", "words", 120));
    assertThat(parallel.steps().get(1).error()).isEqualTo("the fact checker failed: timeout");
    assertThat(back.memberResponses()).extracting(RunOutput::runId).containsExactly("w1-research", "w1-write");
    assertThat(store().listRuns(RunQuery.membersOf("w1"))).extracting(RunOutput::runId)
        .containsExactly("w1-research", "w1-write");
  }

  @Test
  default void workflowSessionIsListedAsTypeWorkflowWithItsRuns() {
    Session flow = session("s-flow", SessionType.WORKFLOW, "publish", "u1", 100)
        .withState(Map.of("max_rounds", 2), 101);
    store().saveSession(flow);
    store().saveSession(session("s-team", SessionType.TEAM, "team-1", "u1", 102));
    store().saveRun(runOf(ComponentKind.WORKFLOW, "publish", null, "s-flow", "w1", RunStatus.COMPLETED, 103,
        List.of()));

    Page<Session> flows = store().listSessions(new SessionQuery(SessionType.WORKFLOW, null, null, null,
        PageRequest.of(1, 20, "created_at", SortOrder.DESC)));
    assertThat(flows.items()).containsExactly(flow);
    assertThat(flows.items().getFirst().sessionType().wireName()).isEqualTo("workflow");
    assertThat(store().listRuns(RunQuery.ofSession("s-flow").ofComponent(ComponentKind.WORKFLOW, "publish")))
        .extracting(RunOutput::runId).containsExactly("w1");
  }
}
