package dev.agentry.engine.store.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentry.engine.event.ComponentKind;
import dev.agentry.engine.event.RunStatus;
import dev.agentry.engine.event.StepResult;
import dev.agentry.engine.run.RunOutput;
import dev.agentry.engine.store.StoreFixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The stored JSON of a run: a workflow's step results are written, an agent's or team's row has no such key. */
class StoreJsonTest {
  @Test
  void step_results_are_stored_for_workflow_runs_only() {
    RunOutput agent = StoreFixtures.run("s1", "a1", RunStatus.COMPLETED, 100, "answer");
    RunOutput flow = StoreFixtures.runOf(ComponentKind.WORKFLOW, "publish", null, "s1", "w1", RunStatus.COMPLETED,
        101, List.of()).withStepResults(List.of(StepResult.of("research", "step-1", "Step", "agent", "Researcher",
            "r1", "notes", null)));

    assertThat(StoreJson.runTree(agent).has("step_results")).isFalse();
    assertThat(StoreJson.runTree(flow).path("step_results").path(0).path("step_name").asString())
        .isEqualTo("research");
    assertThat(StoreJson.readRun(StoreJson.writeRun(flow))).usingRecursiveComparison().isEqualTo(flow);
  }
}
