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
    System.out.println(names);
    events.forEach(e -> System.out.println(EventJson.write(e)));
    assertThat(names).startsWith("TeamRunStarted").endsWith("TeamRunCompleted")
        .containsSubsequence("TeamToolCallStarted", "RunStarted", "RunCompleted", "TeamToolCallCompleted");
    assertThat(engine.store().listRuns(out.sessionId())).hasSize(2);
  }
}
