package dev.agentry.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentry.engine.event.ComponentKind;
import dev.agentry.engine.event.EventSink;
import dev.agentry.engine.event.RunStatus;
import dev.agentry.engine.llm.Role;
import dev.agentry.engine.store.RunQuery;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the runs of a team session are read back as history: the leader's own earlier runs, not its members'; each
 * member's own earlier member runs; and the team's earlier top-level runs sent to the members.
 */
class TeamHistoryTest {
  @TempDir Path dir;

  private static final String SPECS = Specs.HEADER + """
      kind: Model
      metadata: {name: leader-model}
      spec:
        provider: scripted
        script:
          rules:
            - when: 'capital'
              content: "The team says: {tool_result}"
              tool_calls:
                - name: delegate_task_to_member
                  arguments: {member_id: geo, task: "Name the capital of France."}
          fallback: "leader fallback"
      ---
      """ + Specs.HEADER + """
      kind: Model
      metadata: {name: member-model}
      spec:
        provider: scripted
        script:
          rules:
            - when: 'capital of France'
              content: "Paris"
          fallback: "member fallback"
      ---
      """ + Specs.HEADER + """
      kind: Agent
      metadata: {name: geo}
      spec:
        model: member-model
        add_history_to_context: true
        num_history_runs: 1
      ---
      """ + Specs.HEADER + """
      kind: Team
      metadata: {name: t}
      spec:
        model: leader-model
        members: [{agent: geo}]
        add_history_to_context: true
        num_history_runs: 1
        add_team_history_to_members: true
        num_team_history_runs: 1
      """;

  @Test
  void a_team_reads_its_own_runs_as_history_and_each_member_its_own() {
    Engine engine = Engine.create(Specs.compile(dir, SPECS));
    RunOutput first = engine.run(Target.team("t"), RunRequest.create(r -> r.input("capital, first").sessionId("s")),
        EventSink.NONE);
    RunOutput second = engine.run(Target.team("t"), RunRequest.create(r -> r.input("capital, second")
        .sessionId("s")), EventSink.NONE);
    assertThat(second.status()).isEqualTo(RunStatus.COMPLETED);

    assertThat(second.messages()).filteredOn(RunMessage::fromHistory)
        .filteredOn(m -> m.message().role() == Role.USER).extracting(m -> m.message().content())
        .as("the leader's history is its first run, without the member's task").containsExactly("capital, first");

    RunOutput member = second.memberResponses().getFirst();
    assertThat(member.messages()).filteredOn(RunMessage::fromHistory)
        .filteredOn(m -> m.message().role() == Role.USER).singleElement()
        .satisfies(m -> assertThat(m.message().content()).isEqualTo(first.memberResponses().getFirst().input()
            .inputContent()));
    assertThat(member.input().inputContent().toString())
        .startsWith("<team_history_context>\n[run-1]\ninput: capital, first\nresponse: The team says: Paris\n")
        .endsWith("Name the capital of France.");

    assertThat(engine.store().listRuns(RunQuery.ofSession("s").topLevel())).extracting(RunOutput::runId)
        .containsExactly(first.runId(), second.runId());
    assertThat(engine.store().listRuns(RunQuery.membersOf(second.runId()))).singleElement()
        .satisfies(m -> assertThat(m.kind()).isEqualTo(ComponentKind.AGENT));
  }
}
