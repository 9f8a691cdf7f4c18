package dev.agentry.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentry.engine.Builtins;
import dev.agentry.engine.compile.SpecCompiler;
import dev.agentry.engine.event.RunStatus;
import dev.agentry.engine.model.TeamDef;
import dev.agentry.engine.model.WorkflowDef;
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

/** {@code agentry run}: the example agents, teams and workflows answer offline on their scripted models, with exit codes. */
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

  /** {@code agentry run} with {@code stdin} as the terminal's input. */
  private CliRun runWithInput(String stdin, String... args) {
    InputStream saved = System.in;
    System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
    try {
      return run(args);
    } finally {
      System.setIn(saved);
    }
  }

  /** The answers to every question of specs/workflows/human-review.yaml: a route, a tone, no length, yes. */
  private static final String REVIEW_ANSWERS = "2\ncasual\n\ny\n";

  @Test
  void every_example_workflow_runs_from_the_command_line() {
    List<String> workflows = SpecCompiler.create().compile(Path.of("../specs")).orThrow().listWorkflows().stream()
        .map(WorkflowDef::id).toList();
    assertThat(workflows).contains("blog-pipeline", "parallel-research", "research-digest", "review-and-publish",
        "support-router", "draft-and-review", "answer-or-research", "weekly-digest");
    for (String workflow : workflows) {
      CliRun run = runWithInput(workflow.equals("review-and-publish") ? REVIEW_ANSWERS : "", "run", "--specs",
          "../specs", workflow, "Research the history of the tides and write it up.");

      assertThat(run.exit()).as(workflow + ": " + run.err()).isZero();
      assertThat(run.out()).as(workflow).contains("== ").doesNotContain("No scripted reply matched")
          .doesNotContain("failed");
    }
  }

  @Test
  void a_workflow_shows_its_steps_in_order_with_each_steps_agent_under_it_and_ends_with_its_content() {
    CliRun run = run("run", "--specs", "../specs", "research-digest", "History of the tides");

    assertThat(run.exit()).as(run.err()).isZero();
    List<String> lines = run.out().lines().toList();
    assertThat(lines).containsSubsequence(
        "== step 1 triage",
        "[Triager] Research request: History of the tides",
        "== parallel 2 gather: 2 steps at once",
        "== step 3 merge",
        "[Merger] (offline demo reply) Merged report from the parallel steps:",
        "[Merger] === web ===",
        "[Merger] === docs ===",
        "(offline demo reply) Merged report from the parallel steps:");
    assertThat(lines).contains("  == step 2.1 web", "  == step 2.2 docs")
        .contains("[Web Researcher] (offline demo reply) Research notes for \"Research request: History of the "
            + "tides\": 1) the topic is well documented; 2) the sources agree; 3) nothing controversial was found. "
            + "Sources: https://en.wikipedia.org/wiki/Main_Page");
    assertThat(lines.indexOf("  == step 2.1 web")).isGreaterThan(lines.indexOf("== parallel 2 gather: 2 steps at once"))
        .isLessThan(lines.indexOf("== step 3 merge"));
    assertThat(lines.getLast()).isEqualTo("(offline demo reply) Research notes: 1) the topic is well documented; 2) "
        + "sources agree; 3) nothing controversial was found.");
  }

  @Test
  void a_nested_workflows_steps_are_indented_under_the_step_that_runs_it() {
    CliRun run = run("run", "--specs", "../specs", "weekly-digest", "Research the history of the tides");

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out().lines().toList()).containsSubsequence("== step 1 blog", "  == step 1 research",
        "  == step 2 write", "  == steps 3 publish", "    == step 3.1 fact-check", "    == step 3.2 social-summary",
        "== step 2 editorial-review");
  }

  @Test
  void a_workflow_stops_early_when_a_steps_stop_when_is_true() {
    CliRun run = run("run", "--specs", "../specs", "research-digest", "buy now, free money");

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out().lines().toList()).containsExactly("== step 1 triage",
        "[Triager] SPAM: not a research request.", "SPAM: not a research request.");
  }

  @Test
  void a_paused_workflow_asks_each_question_on_the_terminal_insisting_on_valid_answers_and_continues() {
    // a route out of range, then 2; no tone, a tone not allowed, then casual; a length that is no int, then none
    CliRun run = runWithInput("3\n2\n\nloud\ncasual\nabc\n\ny\n", "run", "--specs", "../specs",
        "review-and-publish", "History of the tides");

    assertThat(run.exit()).as(run.err()).isZero();
    String out = run.out();
    assertThat(out).contains("== router 2 choose-output waits for you to choose one or more of article, summary: "
        + "What should be written from the research?", "  1) article", "  2) summary",
        "Choose one or more routes for step 'choose-output' (numbers, separated by commas): ",
        "Give numbers from 1 to 2.", "== router 2 choose-output -> summary", "== step 2.2 summary",
        "== step 3 edit waits for your input: How should the editor polish it?",
        "step 'edit' needs tone (str, one of [formal, casual]): The tone of the final text: ",
        "tone is required.", "'loud' is not one of [formal, casual].",
        "step 'edit' needs max_words (int, optional): A length limit, if any: ", "'abc' is not of type int.",
        "[Editor] - tone: casual", "== step 4 publish waits for your confirmation: Publish the edited text?",
        "Run step 'publish'? [y/N] ", "== step 4 publish");
    assertThat(out).doesNotContain("max_words:").doesNotContain("== step 2.1 article");
    assertThat(out.indexOf("[Editor] - tone: casual")).isLessThan(out.indexOf("== step 4 publish waits"));
  }

  @Test
  void a_rejected_step_is_skipped_and_the_workflow_completes() {
    CliRun run = runWithInput("1,2\nformal\n250\nn\n", "run", "--specs", "../specs", "review-and-publish",
        "History of the tides");

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("== step 2.1 article", "== step 2.2 summary", "[Editor] - tone: formal",
        "[Editor] - max_words: 250").doesNotContain("\n== step 4 publish\n");
  }

  @Test
  void a_paused_workflow_with_no_input_left_exits_1_with_a_clear_message() {
    CliRun run = runWithInput("", "run", "--specs", "../specs", "review-and-publish", "History of the tides");

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains("error: the run is paused and no answer was given");
  }

  @Test
  void a_workflow_steps_agent_that_pauses_for_a_tool_confirmation_is_asked_on_the_terminal() throws Exception {
    Path specs = Files.createDirectories(tmp.resolve("wf"));
    Files.writeString(specs.resolve("wf.yaml"), """
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
        kind: Workflow
        metadata: {name: mail-flow}
        spec:
          steps:
            - {name: send, agent: mailer}
          stream_events: true
        """);

    CliRun run = runWithInput("y\n", "run", "--specs", specs.toString(), "mail-flow", "please mail Ada");

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out().lines().toList()).containsSubsequence("== step 1 send", "== step 1 send: Mailer waits for you",
        "(paused: 1 requirement(s) wait for you)");
    assertThat(run.out()).contains("Confirm send_email({\"to\":\"ada@example.com\"})? [y/N] ")
        .endsWith("Mail sent: The user confirmed the call to send_email." + System.lineSeparator());
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
