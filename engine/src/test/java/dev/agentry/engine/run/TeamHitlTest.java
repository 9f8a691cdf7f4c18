package dev.agentry.engine.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentry.engine.event.RunEvent;
import dev.agentry.engine.event.RunRequirement;
import dev.agentry.engine.event.RunStatus;
import dev.agentry.engine.event.ToolExecution;
import dev.agentry.engine.model.Catalog;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Members that wait for a person inside the calls that run several members at once (broadcast, tasks): every
 * waiting member is asked, one continue answers them all, and nothing the other members did is lost.
 */
class TeamHitlTest {
  @TempDir Path dir;

  private static final String MAILERS = Specs.HEADER + """
      kind: Toolkit
      metadata: {name: mail}
      spec:
        functions:
          - name: send_email
            description: Send an e-mail.
            parameters: {type: object, properties: {to: {type: string}}, required: [to]}
            requires_confirmation: true
      ---
      """ + Specs.HEADER + """
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
      """ + Specs.HEADER + """
      kind: Agent
      metadata: {name: mailer-a}
      spec: {model: mailer-model, name: Mailer A, tools: [{toolkit: mail}]}
      ---
      """ + Specs.HEADER + """
      kind: Agent
      metadata: {name: mailer-b}
      spec: {model: mailer-model, name: Mailer B, tools: [{toolkit: mail}]}
      ---
      """;

  private Catalog team(String leaderRules, String teamSpec) {
    return Specs.compile(dir, MAILERS + Specs.HEADER + """
        kind: Model
        metadata: {name: leader-model}
        spec:
          provider: scripted
          script:
            rules:
        """ + Specs.indent(leaderRules, "      ") + "---\n" + Specs.HEADER + """
        kind: Team
        metadata: {name: team}
        spec:
          model: leader-model
          members: [{agent: mailer-a}, {agent: mailer-b}]
        """ + Specs.indent(teamSpec, "  "));
  }

  private static List<ToolExecution> confirmAll(RunOutput paused) {
    return paused.requirements().stream().map(RunRequirement::toolExecution)
        .map(t -> t.withAnswer(true, null, null)).toList();
  }

  @Test
  void two_broadcast_members_waiting_are_both_asked_and_both_answers_reach_the_leader() {
    Engine engine = Engine.create(team("""
        - when: 'mail'
          content: "Team: {tool_result}"
          tool_calls: [{name: delegate_task_to_members, arguments: {task: "send the mail"}}]
        """, "mode: broadcast"));

    RunOutput paused = engine.run(Target.team("team"), RunRequest.of("mail Ada"), e -> {});

    assertThat(paused.status()).isEqualTo(RunStatus.PAUSED);
    assertThat(paused.requirements()).extracting(RunRequirement::memberAgentId)
        .containsExactlyInAnyOrder("mailer-a", "mailer-b");
    RunOutput done = engine.continueRun(paused.runId(), confirmAll(paused), e -> {}).await();

    assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(String.valueOf(done.content()))
        .contains("Agent Mailer A: Mail sent: The user confirmed the call to send_email.")
        .contains("Agent Mailer B: Mail sent: The user confirmed the call to send_email.");
    assertThat(engine.store().listRuns(done.sessionId())).filteredOn(r -> r.parentRunId() != null)
        .extracting(RunOutput::status).containsOnly(RunStatus.COMPLETED);
  }

  @Test
  void a_task_whose_member_waited_is_completed_by_the_continue_in_the_round_it_was_paused_in() {
    Engine engine = Engine.create(team("""
        - when: 'mail Ada'
          content: "Planned."
          tool_calls: [{name: create_task, arguments: {title: Mail, description: "send the mail", assignee: mailer-a}}]
        - when: '\\[1\\] Mail - PENDING'
          content: "Mailed: {tool_result}"
          tool_calls: [{name: execute_task, arguments: {task_id: "1", member_id: mailer-a}}]
        """, "mode: tasks"));

    RunOutput paused = engine.run(Target.team("team"), RunRequest.of("mail Ada"), e -> {});
    assertThat(paused.status()).isEqualTo(RunStatus.PAUSED);
    assertThat(paused.requirements()).singleElement().extracting(RunRequirement::memberAgentId).isEqualTo("mailer-a");

    List<RunEvent> events = new CopyOnWriteArrayList<>();
    RunOutput done = engine.continueRun(paused.runId(), confirmAll(paused), events::add).await();

    assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
    RunEvent.TaskUpdated completed = events.stream().filter(e -> e instanceof RunEvent.TaskUpdated)
        .map(e -> (RunEvent.TaskUpdated) e).filter(u -> u.status().equals("completed")).findFirst().orElseThrow();
    assertThat(completed.result()).isEqualTo("Mail sent: The user confirmed the call to send_email.");
    assertThat(events).filteredOn(e -> e instanceof RunEvent.TaskIterationCompleted)
        .map(e -> ((RunEvent.TaskIterationCompleted) e).iteration()).as("the round goes on from where it paused")
        .first().isEqualTo(2);
    assertThat(events).filteredOn(e -> e instanceof RunEvent.TaskUpdated)
        .as("the task is not run a second time").hasSize(1);
  }

  @Test
  void a_member_waiting_for_confirmation_pauses_the_team_and_a_continue_resumes_member_then_leader() {
    Engine engine = Engine.create(team("""
        - when: 'mail'
          content: "Team: {tool_result}"
          tool_calls: [{name: delegate_task_to_member, arguments: {member_id: mailer-a, task: "send the mail"}}]
        """, ""));
    List<RunEvent> events = new CopyOnWriteArrayList<>();
    RunOutput paused = engine.run(Target.team("team"), RunRequest.of("please mail Ada"), events::add);

    assertThat(paused.status()).isEqualTo(RunStatus.PAUSED);
    assertThat(events.getLast().name()).isEqualTo("TeamRunPaused");
    assertThat(paused.requirements()).singleElement().satisfies(r -> {
      assertThat(r.memberAgentId()).isEqualTo("mailer-a");
      assertThat(r.memberAgentName()).isEqualTo("Mailer A");
      assertThat(r.memberRunId()).isEqualTo(paused.memberResponses().getFirst().runId());
      assertThat(r.toolExecution().toolName()).isEqualTo("send_email");
    });
    assertThat(engine.store().findRun(paused.runId()).orElseThrow().requirements()).hasSize(1);

    ToolExecution answer = paused.requirements().getFirst().toolExecution().withAnswer(true, null, null);
    String memberRun = paused.requirements().getFirst().memberRunId();
    assertThatThrownBy(() -> engine.continueRun(memberRun, List.of(answer), e -> {}))
        .isInstanceOf(RunNotPausedException.class).hasMessageContaining("continue the team run");
    List<RunEvent> more = new CopyOnWriteArrayList<>();
    RunOutput done = engine.continueRun(paused.runId(), List.of(answer), more::add).await();

    assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(done.content()).isEqualTo("Team: Mail sent: The user confirmed the call to send_email.");
    assertThat(more.stream().map(RunEvent::name).toList()).containsSubsequence("TeamRunContinued", "RunContinued",
        "ToolCallCompleted", "RunCompleted", "TeamToolCallCompleted", "TeamRunCompleted")
        .as("the delegation started before the pause").doesNotContain("TeamToolCallStarted");
    assertThat(engine.store().findRun(paused.memberResponses().getFirst().runId()).orElseThrow().status())
        .isEqualTo(RunStatus.COMPLETED);
    long memberTokens = done.memberResponses().stream().mapToLong(m -> m.metrics().totalTokens()).sum();
    long leaderTokens = done.messages().stream().filter(m -> m.metrics() != null)
        .mapToLong(m -> m.metrics().totalTokens()).sum();
    assertThat(done.metrics().totalTokens()).as("the leader's and the member's tokens, each counted once")
        .isEqualTo(leaderTokens + memberTokens);
  }
}
