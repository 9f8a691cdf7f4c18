package dev.agentry.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentry.engine.compile.SpecCompiler;
import dev.agentry.engine.event.RunEvent;
import dev.agentry.engine.event.RunStatus;
import dev.agentry.engine.event.TeamTask;
import dev.agentry.engine.model.Catalog;
import dev.agentry.engine.model.ModelDef;
import dev.agentry.engine.model.TeamDef;
import dev.agentry.engine.spec.ModelSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every example team in {@code specs/} runs offline on its scripted models: its leader delegates to its members, in
 * its mode, and answers with its script's reply, not a fallback. A new example team is covered by being in the set.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExampleTeamsRunTest {
  private static final Path SPECS = Path.of("../specs");
  private static final String QUESTION = "Why is the sky blue?";
  private final Catalog catalog = SpecCompiler.create().compile(SPECS).orThrow();
  private final Engine engine = Engine.create(catalog, c -> c.baseDir(SPECS));

  private record Ran(RunOutput output, List<RunEvent> events) {
    /** The ids of the members whose runs started as part of this team run, in the order they started. */
    List<String> startedMembers() {
      return events.stream().filter(e -> e instanceof RunEvent.RunStarted)
          .filter(e -> output.runId().equals(e.scope().parentRunId())).map(e -> e.scope().componentId()).toList();
    }
  }

  private Ran run(String teamId, String message) {
    List<RunEvent> events = new CopyOnWriteArrayList<>();
    RunOutput out = engine.run(Target.team(teamId), RunRequest.of(message), events::add);
    return new Ran(out, events);
  }

  Stream<String> teams() {
    return catalog.teams().keySet().stream();
  }

  @ParameterizedTest
  @MethodSource("teams")
  void runs_offline_with_its_members_to_a_scripted_answer(String teamId) {
    TeamDef team = catalog.findTeam(teamId).orElseThrow();
    Ran ran = run(teamId, QUESTION);
    RunOutput out = ran.output();

    assertThat(out.status()).as(teamId + ": " + out.contentText()).isEqualTo(RunStatus.COMPLETED);
    assertThat(out.contentText()).as(teamId).isNotBlank().doesNotContain("No scripted reply matched")
        .isNotEqualTo(fallback(team.model()));
    List<String> memberIds = team.members().stream().map(TeamDef.Member::id).toList();
    List<String> answered = out.memberResponses().stream().map(RunOutput::componentId).toList();
    assertThat(ran.startedMembers()).as(teamId + ": members started").containsExactlyInAnyOrderElementsOf(answered);
    assertThat(out.memberResponses()).as(teamId + ": members' answers")
        .extracting(m -> m.status() + " " + m.contentText())
        .allSatisfy(answer -> assertThat(answer).startsWith("COMPLETED ").doesNotContain("No scripted reply matched"));
    switch (team.team().mode()) {
      case ROUTE -> {
        assertThat(answered).as(teamId + ": one member answers").singleElement().isIn(memberIds);
        assertThat(out.contentText()).isEqualTo(out.memberResponses().getFirst().contentText());
      }
      case COORDINATE, BROADCAST -> assertThat(answered).as(teamId + ": every member works")
          .containsExactlyInAnyOrderElementsOf(memberIds);
      case TASKS -> {
        assertThat(answered).as(teamId + ": every member works").containsExactlyInAnyOrderElementsOf(memberIds);
        assertThat(ran.events()).filteredOn(e -> e instanceof RunEvent.TaskCreated).isNotEmpty();
        assertThat(ran.events()).filteredOn(e -> e instanceof RunEvent.TaskUpdated).isNotEmpty();
        RunEvent.TaskStateUpdated last = ran.events().stream().filter(e -> e instanceof RunEvent.TaskStateUpdated)
            .map(e -> (RunEvent.TaskStateUpdated) e).reduce((a, b) -> b).orElseThrow();
        assertThat(last.tasks()).as(teamId + ": the final task list").isNotEmpty()
            .allSatisfy(t -> assertThat(t.status()).isEqualTo("completed"));
      }
    }
  }

  @Test
  void the_research_team_has_the_researcher_find_facts_and_the_writer_write_them_up() {
    Ran ran = run("research-team", QUESTION);

    assertThat(ran.output().memberResponses()).extracting(RunOutput::componentId)
        .containsExactly("web-researcher", "writer");
    RunOutput researcher = ran.output().memberResponses().getFirst();
    assertThat(researcher.input().inputContent()).isEqualTo("Find facts, with sources, about: " + QUESTION);
    RunOutput writer = ran.output().memberResponses().get(1);
    assertThat(writer.input().inputContent().toString()).as("the leader hands the notes on")
        .endsWith("Write a short article from these research notes: " + researcher.contentText());
    assertThat(ran.output().contentText()).contains(QUESTION).endsWith(writer.contentText());
  }

  @Test
  void the_help_desk_routes_a_billing_question_to_the_billing_desk_and_anything_else_to_the_tech_desk() {
    Ran billing = run("help-desk", "Why was I charged twice this month?");
    Ran tech = run("help-desk", "The app crashes when I log in.");

    assertThat(billing.output().memberResponses()).extracting(RunOutput::componentId).containsExactly("billing-desk");
    assertThat(billing.output().contentText()).startsWith("(offline demo reply) Billing Desk here.")
        .contains("Why was I charged twice this month?");
    assertThat(tech.output().memberResponses()).extracting(RunOutput::componentId).containsExactly("tech-desk");
  }

  @Test
  void the_review_panel_quotes_every_panelist() {
    RunOutput out = run("review-panel", "Should we rewrite it in Rust?").output();

    assertThat(out.contentText()).contains("Should we rewrite it in Rust?").contains("Agent Optimist: ")
        .contains("Agent Skeptic: ");
  }

  @Test
  void the_article_planner_researches_then_writes_in_three_rounds() {
    Ran ran = run("article-planner", QUESTION);

    assertThat(ran.events()).filteredOn(e -> e instanceof RunEvent.TaskCreated)
        .extracting(e -> ((RunEvent.TaskCreated) e).title()).containsExactly("Research", "Write");
    assertThat(ran.events()).filteredOn(e -> e instanceof RunEvent.TaskIterationStarted).hasSize(3);
    RunEvent.TaskStateUpdated last = ran.events().stream().filter(e -> e instanceof RunEvent.TaskStateUpdated)
        .map(e -> (RunEvent.TaskStateUpdated) e).reduce((a, b) -> b).orElseThrow();
    assertThat(last.tasks()).extracting(TeamTask::assignee).containsExactly("web-researcher", "writer");
    assertThat(ran.output().memberResponses()).extracting(RunOutput::componentId)
        .containsExactly("web-researcher", "writer");
    assertThat(ran.output().contentText()).startsWith("(offline demo reply) Both tasks are done;");
  }

  @Test
  void the_editorial_board_runs_the_research_team_two_levels_deep_then_the_fact_checker() {
    RunOutput out = run("editorial-board", QUESTION).output();

    assertThat(out.memberResponses()).extracting(RunOutput::componentId).containsExactly("research-team",
        "fact-checker");
    RunOutput research = out.memberResponses().getFirst();
    assertThat(research.memberResponses()).extracting(RunOutput::componentId)
        .containsExactly("web-researcher", "writer");
    assertThat(out.memberResponses().get(1).input().inputContent().toString()).contains(research.contentText());
    assertThat(out.contentText()).contains("Fact check: " + out.memberResponses().get(1).contentText());
  }

  /** The fallback answer of a scripted leader, or null for another model or a script without one. */
  private static String fallback(ModelDef model) {
    ModelSpec.Script script = model.spec() == null ? null : model.spec().script();
    return script == null ? null : script.fallback();
  }
}
