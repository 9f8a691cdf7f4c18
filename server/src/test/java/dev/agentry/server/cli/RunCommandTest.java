package dev.agentry.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentry.engine.Builtins;
import dev.agentry.engine.compile.SpecCompiler;
import dev.agentry.engine.event.RunStatus;
import dev.agentry.engine.model.TeamDef;
import dev.agentry.engine.run.RunMessage;
import dev.agentry.engine.run.RunOutput;
import dev.agentry.engine.store.SessionStore;
import dev.agentry.engine.store.StoreSettings;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** {@code agentry run}: the example agents and teams answer offline on their scripted models, with exit codes. */
class RunCommandTest {
  @TempDir Path tmp;

  /** {@code agentry run} on a SQLite file of this test's own. */
  private CliRun run(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add(1, "--db=sqlite:" + tmp.resolve("agentry.db"));
    return CliRun.of(all.toArray(String[]::new));
  }

  @Test
  void an_example_agent_answers_offline() {
    CliRun run = run("run", "--specs", "../specs", "assistant", "hello");

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("(offline demo reply) Hello! I am a scripted demo model");
  }

  @Test
  void json_mode_prints_one_event_per_line_ending_with_run_completed() {
    CliRun run = run("run", "--specs", "../specs", "--json", "--session", "s-1", "assistant", "hello");

    assertThat(run.exit()).isZero();
    var mapper = JsonMapper.builder().build();
    var events = run.out().lines().map(mapper::readTree).toList();
    assertThat(events.getFirst().get("event").asString()).isEqualTo("RunStarted");
    assertThat(events.getLast().get("event").asString()).isEqualTo("RunCompleted");
    assertThat(events).allSatisfy(e -> assertThat(e.get("session_id").asString()).isEqualTo("s-1"));
  }

  @Test
  void a_call_that_waits_for_user_input_asks_for_the_missing_fields_on_the_terminal() {
    InputStream stdin = System.in;
    System.setIn(new ByteArrayInputStream("2026-12-01\n10:00\n".getBytes(StandardCharsets.UTF_8)));
    CliRun run;
    try {
      run = run("run", "--specs", "../specs", "office-assistant", "book a meeting");
    } finally {
      System.setIn(stdin);
    }

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("needs date").contains("needs time").doesNotContain("needs title")
        .contains("Meeting handled: The user provided:").contains("\"date\":\"2026-12-01\"")
        .contains("\"time\":\"10:00\"").contains("\"title\":\"Demo meeting\"");
  }

  @Test
  void a_team_members_call_that_needs_confirmation_is_asked_on_the_terminal_and_the_team_goes_on() throws Exception {
    Path specs = Files.createDirectories(tmp.resolve("specs"));
    Files.writeString(specs.resolve("team.yaml"), """
        apiVersion: agentry.dev/v1
        kind: Toolkit
        metadata: {name: mail}
        spec:
          functions:
            - name: send_email
              description: Send an e-mail.
              parameters: {type: object, properties: {to: {type: string}}, required: [to]}
              requires_confirmation: true
        ---
        apiVersion: agentry.dev/v1
        kind: Model
        metadata: {name: mailer-model}
        spec:
          provider: scripted
          script:
            rules:
              - when: 'mail'
                content: "Mail sent: {tool_result}"
                tool_calls: [{name: send_email, arguments: {to: "ada@example.com"}}]
        ---
        apiVersion: agentry.dev/v1
        kind: Agent
        metadata: {name: mailer}
        spec: {model: mailer-model, name: Mailer, tools: [{toolkit: mail}]}
        ---
        apiVersion: agentry.dev/v1
        kind: Model
        metadata: {name: leader-model}
        spec:
          provider: scripted
          script:
            turns:
              - tool_calls: [{name: delegate_task_to_member, arguments: {member_id: mailer, task: "{input}"}}]
              - content: "Team: {tool_result}"
        ---
        apiVersion: agentry.dev/v1
        kind: Team
        metadata: {name: office}
        spec: {model: leader-model, members: [{agent: mailer}], show_members_responses: true}
        """);
    InputStream stdin = System.in;
    System.setIn(new ByteArrayInputStream("y\n".getBytes(StandardCharsets.UTF_8)));
    CliRun run;
    try {
      run = run("run", "--specs", specs.toString(), "office", "please mail Ada");
    } finally {
      System.setIn(stdin);
    }

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("(paused: 1 tool call(s) wait for you)")
        .contains("Confirm [Mailer] send_email({\"to\":\"ada@example.com\"})? [y/N] ")
        .contains("[Mailer] Mail sent: The user confirmed the call to send_email.")
        .endsWith("Team: Mail sent: The user confirmed the call to send_email." + System.lineSeparator());
  }

  @Test
  void a_team_that_does_not_show_its_members_responses_prints_the_leaders_work_only() throws Exception {
    Path specs = Files.createDirectories(tmp.resolve("quiet"));
    Files.writeString(specs.resolve("team.yaml"), """
        apiVersion: agentry.dev/v1
        kind: Model
        metadata: {name: m}
        spec:
          provider: scripted
          script:
            turns:
              - tool_calls: [{name: delegate_task_to_member, arguments: {member_id: helper, task: "Team task"}}]
              - content: "Leader answer."
        ---
        apiVersion: agentry.dev/v1
        kind: Agent
        metadata: {name: helper}
        spec: {model: member-model, name: Helper}
        ---
        apiVersion: agentry.dev/v1
        kind: Model
        metadata: {name: member-model}
        spec: {provider: scripted, script: {fallback: "Member answer."}}
        ---
        apiVersion: agentry.dev/v1
        kind: Team
        metadata: {name: quiet}
        spec: {model: m, members: [{agent: helper}]}
        """);

    CliRun run = run("run", "--specs", specs.toString(), "quiet", "go");

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("-> delegate_task_to_member").endsWith("Leader answer." + System.lineSeparator())
        .doesNotContain("[Helper]");
  }

  @Test
  void every_example_team_runs_from_the_command_line() {
    List<String> teams = SpecCompiler.create().compile(Path.of("../specs")).orThrow().listTeams().stream()
        .map(TeamDef::id).toList();
    assertThat(teams).contains("research-team", "help-desk", "review-panel", "article-planner", "editorial-board");
    for (String team : teams) {
      CliRun run = run("run", "--specs", "../specs", team, "Research the history of the tides and write it up.");

      assertThat(run.exit()).as(team + ": " + run.err()).isZero();
      assertThat(run.out()).as(team).contains("[").doesNotContain("No scripted reply matched");
    }
  }

  @Test
  void an_unknown_id_is_a_usage_error_that_lists_the_agents_and_teams() {
    CliRun run = run("run", "--specs", "../specs", "no-such-agent", "hello");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("No agent, team or workflow 'no-such-agent'").contains("assistant")
        .contains("research-team");
  }

  @Test
  void an_example_team_shows_each_members_work_under_its_name_and_the_leaders_answer_plain() {
    CliRun run = run("run", "--specs", "../specs", "research-team", "Why is the sky blue?");

    assertThat(run.exit()).as(run.err()).isZero();
    List<String> lines = run.out().lines().toList();
    assertThat(lines).containsSubsequence(
        "-> delegate_task_to_member({\"member_id\":\"web-researcher\",\"task\":\"Find facts, with sources, about: "
            + "Why is the sky blue?\"})",
        "[Web Researcher] (offline demo reply) Research notes for \"Find facts, with sources, about: Why is the sky "
            + "blue?\": 1) the topic is well documented; 2) the sources agree; 3) nothing controversial was found. "
            + "Sources: https://en.wikipedia.org/wiki/Main_Page",
        "[Writer] (offline demo reply) ## What the research found",
        "[Writer] ### Sources",
        "(offline demo reply) The Research Team's answer to \"Why is the sky blue?\":",
        "(offline demo reply) ## What the research found");
    assertThat(lines.getLast()).isEqualTo("- https://en.wikipedia.org/wiki/Main_Page");
  }

  @Test
  void a_nested_team_names_its_members_members_by_their_path() {
    CliRun run = run("run", "--specs", "../specs", "editorial-board", "Why is the sky blue?");

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out().lines().toList()).containsSubsequence(
        "[Research Team] -> delegate_task_to_member({\"member_id\":\"web-researcher\",\"task\":\"Find facts, with "
            + "sources, about: Why is the sky blue?\"})",
        "[Research Team > Writer] (offline demo reply) ## What the research found",
        "[Research Team] (offline demo reply) The Research Team's answer to \"Why is the sky blue?\":",
        "[Fact Checker] (offline demo reply) 1) \"The topic is well documented\": supported. 2) \"The sources "
            + "agree\": supported. No claim is contradicted.");
    assertThat(run.out()).contains("(offline demo reply) The Editorial Board publishes");
  }

  @Test
  void a_tasks_mode_team_shows_its_tasks_as_they_are_created_and_done() {
    CliRun run = run("run", "--specs", "../specs", "article-planner", "Why is the sky blue?");

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out().lines().toList()).containsSubsequence("+ task [1] Research (web-researcher)",
        "+ task [2] Write (writer)", "~ task [1] Research: completed", "~ task [2] Write: completed",
        "(offline demo reply) Both tasks are done; the writer's task reports:", "",
        "Task [2] completed. Result: (offline demo reply) ## What the research found");
  }

  @Test
  void a_session_carries_on_in_the_next_command_through_the_database() {
    assertThat(run("run", "--specs", "../specs", "--session", "s-1", "assistant", "hello").exit()).isZero();
    assertThat(run("run", "--specs", "../specs", "--session", "s-1", "assistant", "hello again").exit()).isZero();

    try (SessionStore store = Builtins.openStore(StoreSettings.of("sqlite:" + tmp.resolve("agentry.db")))) {
      List<RunOutput> runs = store.listRuns("s-1");
      assertThat(runs).hasSize(2).allMatch(r -> r.status() == RunStatus.COMPLETED);
      assertThat(runs.get(1).messages()).filteredOn(RunMessage::fromHistory)
          .extracting(m -> m.message().content()).contains("hello");
    }
  }

  @Test
  void an_unreachable_database_is_one_error_line_with_the_password_masked() {
    CliRun run = CliRun.of("run", "--specs", "../specs", "--db", "postgresql://agentry:s3cret@127.0.0.1:1/agentry",
        "assistant", "hello");

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains("postgresql://agentry:****@127.0.0.1:1/agentry").doesNotContain("s3cret")
        .doesNotContain("Exception").hasLineCount(1);
  }
}
