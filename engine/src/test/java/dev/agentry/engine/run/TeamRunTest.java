package dev.agentry.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentry.engine.event.ComponentKind;
import dev.agentry.engine.event.EventJson;
import dev.agentry.engine.event.RunEvent;
import dev.agentry.engine.event.RunStatus;
import dev.agentry.engine.model.Catalog;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

/** A team run end to end: delegation, member runs as children, the events of both families. */
class TeamRunTest {
  @TempDir Path dir;

  static final String MODELS = Specs.HEADER + """
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
        role: Knows geography.
      """;

  private Catalog team(String teamSpec) {
    return Specs.compile(dir, MODELS + "---\n" + Specs.HEADER + """
        kind: Team
        metadata: {name: t}
        spec:
          model: leader-model
          members: [{agent: geo}]
        """ + Specs.indent(teamSpec, "  "));
  }

  @Test
  void a_coordinate_team_delegates_to_its_member_and_answers_from_its_result() {
    Engine engine = Engine.create(team(""));
    List<RunEvent> events = new CopyOnWriteArrayList<>();
    RunOutput out = engine.run(Target.team("t"), RunRequest.of("What is the capital?"), events::add);
    assertThat(out.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(out.kind()).isEqualTo(ComponentKind.TEAM);
    assertThat(out.content()).isEqualTo("The team says: Paris");
    assertThat(out.memberResponses()).singleElement().satisfies(m -> {
      assertThat(m.componentId()).isEqualTo("geo");
      assertThat(m.parentRunId()).isEqualTo(out.runId());
      assertThat(m.content()).isEqualTo("Paris");
    });
    List<String> names = events.stream().map(RunEvent::name).toList();
    assertThat(names).startsWith("TeamRunStarted").endsWith("TeamRunCompleted")
        .containsSubsequence("TeamToolCallStarted", "RunStarted", "RunCompleted", "TeamToolCallCompleted");
    assertThat(engine.store().listRuns(out.sessionId())).hasSize(2);
  }

  @Test
  void team_events_carry_the_team_envelope_and_member_events_the_agent_envelope_with_their_parent() {
    Engine engine = Engine.create(team(""));
    List<RunEvent> events = new CopyOnWriteArrayList<>();
    RunOutput out = engine.run(Target.team("t"), RunRequest.of("What is the capital?"), events::add);

    ObjectNode started = EventJson.toTree(events.getFirst());
    assertThat(fieldNames(started)).containsExactly("created_at", "event", "team_id", "team_name", "run_id",
        "session_id", "nested_depth", "model", "model_provider");
    ObjectNode member = EventJson.toTree(events.stream().filter(e -> e.name().equals("RunStarted")).findFirst()
        .orElseThrow());
    assertThat(fieldNames(member)).containsExactly("created_at", "event", "agent_id", "agent_name", "run_id",
        "parent_run_id", "session_id", "nested_depth", "model", "model_provider");
    assertThat(member.get("parent_run_id").stringValue()).isEqualTo(out.runId());
    assertThat(member.get("session_id").stringValue()).isEqualTo(out.sessionId());
    assertThat(member.get("nested_depth").intValue()).isEqualTo(1);
    ObjectNode delegated = EventJson.toTree(events.stream().filter(e -> e.name().equals("TeamToolCallCompleted"))
        .findFirst().orElseThrow());
    assertThat(delegated.at("/tool/child_run_id").stringValue()).isEqualTo(member.get("run_id").stringValue());
    ObjectNode completed = EventJson.toTree(events.getLast());
    assertThat(completed.get("event").stringValue()).isEqualTo("TeamRunCompleted");
    assertThat(completed.at("/member_responses/0/agent_id").stringValue()).isEqualTo("geo");
    assertThat(completed.at("/member_responses/0/parent_run_id").stringValue()).isEqualTo(out.runId());
    assertThat(completed.at("/metrics/total_tokens").asLong())
        .isEqualTo(out.metrics().totalTokens()).isGreaterThan(completed.at("/member_responses/0/metrics/total_tokens")
            .asLong());
  }

  @Test
  void stored_team_events_read_back_as_team_events() {
    Engine engine = Engine.create(team("store_events: true"));
    RunOutput out = engine.run(Target.team("t"), RunRequest.of("What is the capital?"), e -> {});

    RunOutput stored = engine.store().findRun(out.runId()).orElseThrow();
    assertThat(stored.events()).extracting(RunEvent::name).startsWith("TeamRunStarted").endsWith("TeamRunCompleted");
    RunEvent read = EventJson.read(EventJson.toTree(stored.events().getFirst()));
    assertThat(read.scope().kind()).isEqualTo(ComponentKind.TEAM);
    assertThat(read.scope().componentId()).isEqualTo("t");
  }

  @Test
  void a_teams_stored_events_leave_out_its_intermediate_content_as_agnos() {
    Catalog catalog = Specs.compile(dir, MODELS + "---\n" + Specs.HEADER + """
        kind: Model
        metadata: {name: chatty-leader}
        spec:
          provider: scripted
          script:
            turns:
              - content: "Let me ask the geographer."
                tool_calls: [{name: delegate_task_to_member, arguments: {member_id: geo, task: "capital of France"}}]
              - content: "Paris."
        ---
        """ + Specs.HEADER + """
        kind: Team
        metadata: {name: t}
        spec: {model: chatty-leader, members: [{agent: geo}], store_events: true}
        """);
    Engine engine = Engine.create(catalog);
    List<RunEvent> streamed = new CopyOnWriteArrayList<>();
    RunOutput out = engine.run(Target.team("t"), RunRequest.of("What is the capital?"), streamed::add);

    assertThat(streamed).extracting(RunEvent::name).contains("TeamRunIntermediateContent");
    assertThat(engine.store().findRun(out.runId()).orElseThrow().events()).extracting(RunEvent::name)
        .contains("TeamToolCallStarted").doesNotContain("TeamRunIntermediateContent", "TeamRunContent");
  }

  private static List<String> fieldNames(ObjectNode node) {
    List<String> names = new java.util.ArrayList<>();
    node.propertyNames().forEach(names::add);
    return names;
  }
}
