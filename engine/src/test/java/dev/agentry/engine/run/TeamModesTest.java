package dev.agentry.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentry.engine.event.RunEvent;
import dev.agentry.engine.event.RunStatus;
import dev.agentry.engine.event.ToolExecution;
import dev.agentry.engine.model.Catalog;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each team mode and delegation switch, through the engine with scripted leaders and members. */
class TeamModesTest {
  @TempDir Path dir;

  /** Two member agents: {@code geo} answers "Paris", {@code math} answers "4"; {@code broken} always fails. */
  static final String MEMBERS = Specs.HEADER + """
      kind: Model
      metadata: {name: member-model}
      spec:
        provider: scripted
        input_media: [image]
        script:
          rules:
            - when: 'capital'
              content: "Paris"
            - when: '2 [+] 2'
              content: "4"
          fallback: "I do not know."
      ---
      """ + Specs.HEADER + """
      kind: Model
      metadata: {name: broken-model}
      spec:
        provider: openai
        id: gpt-4o-mini
        base_url: http://127.0.0.1:9/v1
        api_key: sk-test
        max_retries: 0
      ---
      """ + Specs.HEADER + """
      kind: Agent
      metadata: {name: geo}
      spec: {model: member-model, name: Geographer, role: Knows capitals.}
      ---
      """ + Specs.HEADER + """
      kind: Agent
      metadata: {name: math}
      spec: {model: member-model, name: Mathematician, role: Adds numbers.}
      ---
      """ + Specs.HEADER + """
      kind: Agent
      metadata: {name: broken}
      spec: {model: broken-model, role: Always fails.}
      """;

  private Catalog compile(String leaderScript, String teamSpec) {
    return Specs.compile(dir, MEMBERS + "---\n" + Specs.HEADER + """
        kind: Model
        metadata: {name: leader-model}
        spec:
          provider: scripted
          input_media: [image]
          script:
        """ + Specs.indent(leaderScript, "    ") + "---\n" + Specs.HEADER + """
        kind: Team
        metadata: {name: team}
        spec:
          model: leader-model
        """ + Specs.indent(teamSpec, "  "));
  }

  private record Ran(RunOutput output, List<RunEvent> events) {
    List<String> names() {
      return events.stream().map(RunEvent::name).toList();
    }
  }

  private Ran run(Catalog catalog, String message) {
    Engine engine = Engine.create(catalog);
    List<RunEvent> events = new CopyOnWriteArrayList<>();
    RunOutput out = engine.run(Target.team("team"), RunRequest.of(message), events::add);
    return new Ran(out, events);
  }

  @Test
  void route_mode_answers_with_the_chosen_members_answer_without_asking_the_leader_again() {
    Ran ran = run(compile("""
        rules:
          - when: 'capital'
            content: "the leader must not answer"
            tool_calls:
              - {name: delegate_task_to_member, arguments: {member_id: geo, task: "What is the capital of France?"}}
        """, """
        mode: route
        members: [{agent: geo}, {agent: math}]
        """), "capital of France?");

    assertThat(ran.output().status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(ran.output().content()).isEqualTo("Paris");
    assertThat(ran.names()).containsSubsequence("TeamToolCallCompleted", "TeamRunContent", "TeamRunCompleted")
        .containsOnlyOnce("TeamModelRequestStarted");
    assertThat(ran.output().memberResponses()).extracting(RunOutput::componentId).containsExactly("geo");
  }

  @Test
  void broadcast_mode_runs_every_member_and_one_failing_member_does_not_fail_the_others() {
    Ran ran = run(compile("""
        rules:
          - when: 'capital'
            content: "Summary: {tool_result}"
            tool_calls:
              - {name: delegate_task_to_members, arguments: {task: "What is the capital of France?"}}
        """, """
        mode: broadcast
        members: [{agent: geo}, {agent: broken}, {agent: math}]
        """), "capital?");

    assertThat(ran.output().status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(ran.output().memberResponses()).extracting(RunOutput::componentId)
        .containsExactlyInAnyOrder("geo", "broken", "math");
    assertThat(ran.output().memberResponses()).filteredOn(m -> m.componentId().equals("broken"))
        .singleElement().extracting(RunOutput::status).isEqualTo(RunStatus.ERROR);
    assertThat(ran.output().contentText()).contains("Agent Geographer: Paris")
        .contains("Agent broken: Error - ").contains("Agent Mathematician: Paris");
    assertThat(ran.events()).filteredOn(e -> e.name().equals("RunStarted")).hasSize(3)
        .allSatisfy(e -> assertThat(e.scope().parentRunId()).isEqualTo(ran.output().runId()));
  }

  @Test
  void members_get_the_users_input_when_the_leader_does_not_write_their_task() {
    Ran ran = run(compile("""
        rules:
          - when: '2 [+] 2'
            content: "{tool_result}"
            tool_calls:
              - {name: delegate_task_to_member, arguments: {member_id: math, task: "ignored"}}
        """, """
        determine_input_for_members: false
        members: [{agent: math}]
        """), "what is 2 + 2?");

    assertThat(ran.output().content()).isEqualTo("4");
    assertThat(ran.output().memberResponses().getFirst().input().inputContent()).isEqualTo("what is 2 + 2?");
  }

  @Test
  void members_get_the_media_sent_to_the_team() {
    Engine engine = Engine.create(compile("""
        rules:
          - when: 'picture'
            content: "{tool_result}"
            tool_calls:
              - {name: delegate_task_to_member, arguments: {member_id: geo, task: "What is the capital on it?"}}
        """, """
        members: [{agent: geo}]
        """));
    RunOutput out = engine.run(Target.team("team"), RunRequest.create(r -> r.input("a picture")
        .media(List.of(dev.agentry.engine.llm.Media.Image.ofUrl("https://example.com/paris.png")))), e -> {});

    RunOutput member = out.memberResponses().getFirst();
    assertThat(member.input().images()).singleElement()
        .satisfies(i -> assertThat(i.url()).isEqualTo("https://example.com/paris.png"));
    assertThat(member.messages()).anySatisfy(m -> assertThat(m.message().images()).hasSize(1));
  }

  @Test
  void shared_interactions_show_a_later_member_what_earlier_members_were_asked_and_answered() {
    Ran ran = run(compile("""
        rules:
          - when: 'both'
            content: "done"
            tool_calls:
              - {name: delegate_task_to_member, arguments: {member_id: geo, task: "What is the capital of France?"}}
              - {name: delegate_task_to_member, arguments: {member_id: math, task: "2 + 2"}}
        """, """
        share_member_interactions: true
        members: [{agent: geo}, {agent: math}]
        """), "both please");

    RunOutput math = ran.output().memberResponses().stream().filter(m -> m.componentId().equals("math"))
        .findFirst().orElseThrow();
    assertThat(math.input().inputContent().toString())
        .contains("<member_interaction_context>", "Member: Geographer", "Response: Paris").endsWith("2 + 2");
  }

  @Test
  void an_unknown_member_id_is_an_error_the_leader_reads_with_the_member_list() {
    Ran ran = run(compile("""
        rules:
          - when: 'who'
            content: "{tool_result}"
            tool_calls:
              - {name: delegate_task_to_member, arguments: {member_id: nobody, task: "x"}}
        """, """
        members: [{agent: geo}]
        """), "who?");

    assertThat(ran.output().contentText()).startsWith("Member with ID nobody not found")
        .contains("<member id=\"geo\" name=\"Geographer\">", "Role: Knows capitals.");
  }

  @Test
  void the_leader_reads_its_members_and_mode_in_its_system_message() {
    Ran ran = run(compile("fallback: ok", """
        role: Leads.
        members: [{agent: geo}, {agent: math}]
        get_member_information_tool: true
        """), "hello");

    String system = ran.output().messages().getFirst().message().content();
    assertThat(system).contains("<team_members>", "<member id=\"geo\" name=\"Geographer\">",
        "<member id=\"math\" name=\"Mathematician\">", "Role: Adds numbers.", "get_member_information",
        "coordinate mode", "<your_role>\nLeads.");
  }

  @Test
  void tasks_mode_plans_runs_and_completes_tasks_over_iterations_with_task_events() {
    Ran ran = run(compile("""
        rules:
          - when: 'do the tasks'
            content: "Planned."
            tool_calls:
              - {name: create_task, arguments: {title: Capital, description: "What is the capital of France?", assignee: geo}}
              - {name: create_task, arguments: {title: Sum, description: "2 + 2", assignee: math, depends_on: ["1"]}}
          - when: '\\[1\\] Capital - PENDING'
            content: "Ran the first task."
            tool_calls:
              - {name: execute_task, arguments: {task_id: "1", member_id: geo}}
          - when: '\\[2\\] Sum - PENDING'
            content: "Paris and 4."
            tool_calls:
              - {name: execute_tasks_parallel, arguments: {task_ids: ["2"]}}
        """, """
        mode: tasks
        members: [{agent: geo}, {agent: math}]
        """), "do the tasks");

    assertThat(ran.output().status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(ran.output().content()).isEqualTo("Paris and 4.");
    assertThat(ran.names()).containsSubsequence("TeamTaskIterationStarted", "TeamTaskCreated", "TeamTaskCreated",
        "TeamTaskStateUpdated", "TeamTaskIterationCompleted", "TeamTaskIterationStarted", "TeamTaskUpdated",
        "RunStarted", "RunCompleted", "TeamTaskUpdated", "TeamTaskIterationCompleted", "TeamTaskIterationStarted",
        "TeamTaskStateUpdated", "TeamTaskIterationCompleted", "TeamRunCompleted");
    assertThat(ran.names()).filteredOn("TeamTaskIterationStarted"::equals).hasSize(3);
    RunEvent.TaskStateUpdated last = ran.events().stream().filter(e -> e instanceof RunEvent.TaskStateUpdated)
        .map(e -> (RunEvent.TaskStateUpdated) e).reduce((a, b) -> b).orElseThrow();
    assertThat(last.tasks()).extracting(t -> t.status() + ":" + t.result())
        .containsExactly("completed:Paris", "completed:4");
    assertThat(ran.output().memberResponses()).extracting(RunOutput::componentId).containsExactly("geo", "math");
    assertThat(ran.output().tools()).filteredOn(t -> t.toolName().startsWith("execute_task"))
        .extracting(ToolExecution::childRunId).as("each execution names the member run it started")
        .containsExactlyElementsOf(ran.output().memberResponses().stream().map(RunOutput::runId).toList());
  }

  @Test
  void a_nested_team_runs_its_own_members_two_levels_deep() {
    Catalog catalog = Specs.compile(dir, MEMBERS + "---\n" + Specs.HEADER + """
        kind: Model
        metadata: {name: outer-model}
        spec:
          provider: scripted
          script:
            rules:
              - when: 'capital'
                content: "Outer: {tool_result}"
                tool_calls:
                  - {name: delegate_task_to_member, arguments: {member_id: inner, task: "capital of France"}}
        ---
        """ + Specs.HEADER + """
        kind: Model
        metadata: {name: inner-model}
        spec:
          provider: scripted
          script:
            rules:
              - when: 'capital'
                content: "Inner: {tool_result}"
                tool_calls:
                  - {name: delegate_task_to_member, arguments: {member_id: geo, task: "capital of France"}}
        ---
        """ + Specs.HEADER + """
        kind: Team
        metadata: {name: inner}
        spec: {model: inner-model, members: [{agent: geo}]}
        ---
        """ + Specs.HEADER + """
        kind: Team
        metadata: {name: team}
        spec: {model: outer-model, members: [{team: inner}]}
        """);
    Ran ran = run(catalog, "capital?");

    assertThat(ran.output().content()).isEqualTo("Outer: Inner: Paris");
    RunOutput inner = ran.output().memberResponses().getFirst();
    assertThat(inner.componentId()).isEqualTo("inner");
    assertThat(inner.parentRunId()).isEqualTo(ran.output().runId());
    assertThat(inner.memberResponses().getFirst().parentRunId()).isEqualTo(inner.runId());
    RunEvent geoStarted = ran.events().stream().filter(e -> e.name().equals("RunStarted")).findFirst().orElseThrow();
    assertThat(geoStarted.scope().nestedDepth()).isEqualTo(2);
    assertThat(geoStarted.scope().parentRunId()).isEqualTo(inner.runId());
    assertThat(ran.names()).contains("TeamRunStarted").filteredOn("TeamRunStarted"::equals).hasSize(2);
  }

  @Test
  void member_events_are_left_out_of_the_stream_when_the_team_does_not_stream_them() {
    Ran ran = run(compile("""
        rules:
          - when: 'capital'
            content: "{tool_result}"
            tool_calls:
              - {name: delegate_task_to_member, arguments: {member_id: geo, task: "capital"}}
        """, """
        stream_member_events: false
        members: [{agent: geo}]
        """), "capital?");

    assertThat(ran.output().content()).isEqualTo("Paris");
    assertThat(ran.names()).allMatch(n -> n.startsWith("Team"));
  }

  @Test
  void a_team_run_stops_at_max_turns_with_a_limit_error() {
    Ran ran = run(compile("""
        rules:
          - when: 'loop'
            content: "never"
            tool_calls:
              - {name: get_member_information, arguments: {}}
        """, """
        max_turns: 1
        get_member_information_tool: true
        members: [{agent: geo}]
        """), "loop");

    assertThat(ran.output().status()).isEqualTo(RunStatus.ERROR);
    assertThat(ran.output().contentText()).contains("max_turns");
  }

  /** A team whose member streams its answer slowly: 40 chunks, 50 ms apart. */
  private Catalog slowMember(String teamSpec) {
    return Specs.compile(dir, MEMBERS + "---\n" + Specs.HEADER + """
        kind: Model
        metadata: {name: slow-model}
        spec:
          provider: scripted
          script:
            chunk_size: 1
            chunk_delay_ms: 50
            fallback: "abcdefghijklmnopqrstuvwxyz0123456789ABCD"
        ---
        """ + Specs.HEADER + """
        kind: Agent
        metadata: {name: slow}
        spec: {model: slow-model}
        ---
        """ + Specs.HEADER + """
        kind: Model
        metadata: {name: leader-model}
        spec:
          provider: scripted
          script:
            fallback: "{tool_result}"
            turns:
              - tool_calls: [{name: delegate_task_to_member, arguments: {member_id: slow, task: "take your time"}}]
        ---
        """ + Specs.HEADER + """
        kind: Team
        metadata: {name: team}
        spec:
          model: leader-model
          members: [{agent: slow}]
        """ + Specs.indent(teamSpec, "  "));
  }

  @Test
  void cancelling_a_team_run_cancels_the_member_it_waits_for() throws InterruptedException {
    Engine engine = Engine.create(slowMember(""));
    java.util.concurrent.CountDownLatch memberStreaming = new java.util.concurrent.CountDownLatch(1);
    RunHandle handle = engine.start(Target.team("team"), RunRequest.of("go"), e -> {
      if (e instanceof RunEvent.RunContent && e.scope().parentRunId() != null) {
        memberStreaming.countDown();
      }
    });
    assertThat(memberStreaming.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

    assertThat(engine.cancel(handle.runId())).isTrue();
    RunOutput out = handle.await();

    assertThat(out.status()).isEqualTo(RunStatus.CANCELLED);
    String memberRun = engine.store().listRuns(out.sessionId()).stream().filter(r -> r.parentRunId() != null)
        .findFirst().orElseThrow().runId();
    assertThat(engine.store().findRun(memberRun).orElseThrow().status()).isEqualTo(RunStatus.CANCELLED);
    assertThat(engine.activeRunIds()).isEmpty();
  }

  @Test
  void a_team_run_that_takes_longer_than_its_timeout_ends_with_a_limit_error() {
    Engine engine = Engine.create(slowMember("timeout_seconds: 0.3"));
    RunOutput out = engine.run(Target.team("team"), RunRequest.of("go"), e -> {});

    assertThat(out.status()).isEqualTo(RunStatus.ERROR);
    assertThat(out.contentText()).contains("timeout_seconds");
    assertThat(engine.store().listRuns(out.sessionId())).filteredOn(r -> r.parentRunId() != null)
        .singleElement().extracting(RunOutput::status).isEqualTo(RunStatus.CANCELLED);
  }

}
