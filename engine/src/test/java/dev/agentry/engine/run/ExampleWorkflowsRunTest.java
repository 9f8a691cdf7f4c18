package dev.agentry.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentry.engine.compile.SpecCompiler;
import dev.agentry.engine.event.RunStatus;
import dev.agentry.engine.event.StepResult;
import dev.agentry.engine.model.Catalog;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every example workflow in {@code specs/} runs offline on its scripted models to its end: completed, or paused for a
 * person where a step asks for one. A new example workflow is covered by being in the set.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExampleWorkflowsRunTest {
  private static final Path SPECS = Path.of("../specs");
  private static final String QUESTION = "Why is the sky blue?";
  private final Catalog catalog = SpecCompiler.create().compile(SPECS).orThrow();
  private final Engine engine = Engine.create(catalog, c -> {
    try {
      c.baseDir(SPECS).dataDir(java.nio.file.Files.createTempDirectory("agentry-examples"));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  });

  Stream<String> workflows() {
    return catalog.workflows().keySet().stream();
  }

  private RunOutput run(String workflowId, String message) {
    return engine.run(Target.workflow(workflowId), RunRequest.of(message), e -> {});
  }

  @ParameterizedTest
  @MethodSource("workflows")
  void runs_offline_through_every_step_to_a_scripted_answer(String workflowId) {
    RunOutput out = run(workflowId, QUESTION);

    assertThat(out.status()).as(workflowId + ": " + out.contentText()).isIn(RunStatus.COMPLETED, RunStatus.PAUSED);
    if (out.status() == RunStatus.PAUSED) {
      assertThat(out.stepRequirements()).as(workflowId + ": what it waits for").isNotEmpty();
      return;
    }
    assertThat(out.contentText()).as(workflowId).isNotBlank().doesNotContain("No scripted reply matched");
    assertThat(out.stepResults()).as(workflowId + ": every top-level step ran")
        .hasSameSizeAs(catalog.findWorkflow(workflowId).orElseThrow().steps());
    assertThat(out.memberResponses()).as(workflowId + ": the steps' runs").isNotEmpty()
        .allSatisfy(r -> assertThat(r.status()).as(r.componentId()).isEqualTo(RunStatus.COMPLETED));
    assertThat(all(out.stepResults())).as(workflowId + ": no step failed").allMatch(StepResult::success);
  }

  @Test
  void the_condition_example_answers_short_questions_directly_and_researches_the_others() {
    RunOutput quick = run("answer-or-research", "What is 2 + 2?");
    RunOutput research = run("answer-or-research", "Please research the history of the transistor");

    assertThat(names(quick)).contains("quick-answer").doesNotContain("deep-research", "verify");
    assertThat(names(research)).contains("deep-research", "verify").doesNotContain("quick-answer");
  }

  @Test
  void the_loop_example_reviews_at_most_max_rounds_times() {
    RunOutput out = run("draft-and-review", QUESTION);

    assertThat(out.status()).isEqualTo(RunStatus.COMPLETED);
    long reviews = all(out.stepResults()).stream().filter(r -> r.stepName().equals("review")).count();
    assertThat(reviews).isBetween(1L, 2L);
  }

  @Test
  void the_router_example_sends_billing_requests_to_billing_and_hands_over_when_escalated() {
    RunOutput billing = run("support-router", "I want a refund for this invoice");
    RunOutput escalated = engine.run(Target.workflow("support-router"), RunRequest.create(r -> r.input("help me")
        .sessionState(Map.of("escalate", true))), e -> {});

    assertThat(names(billing)).contains("billing", "summary").doesNotContain("technical", "general",
        "human-handover");
    assertThat(names(escalated)).contains("general", "human-handover");
  }

  @Test
  void the_parallel_example_merges_every_branch_for_the_writer() {
    RunOutput out = run("parallel-research", QUESTION);

    RunOutput writer = out.memberResponses().stream().filter(r -> r.componentId().equals("writer")).reduce((a, b) -> b)
        .orElseThrow();
    assertThat(writer.input().inputContent().toString()).contains("=== web-facts ===", "=== docs-facts ===",
        "=== background ===");
  }

  private static List<String> names(RunOutput out) {
    return all(out.stepResults()).stream().map(StepResult::stepName).toList();
  }

  private static List<StepResult> all(List<StepResult> results) {
    return results.stream().flatMap(r -> Stream.concat(Stream.of(r),
        r.steps() == null ? Stream.empty() : all(r.steps()).stream())).toList();
  }
}
