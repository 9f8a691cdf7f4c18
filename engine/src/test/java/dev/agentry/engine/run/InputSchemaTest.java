package dev.agentry.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentry.engine.event.RunEvent;
import dev.agentry.engine.event.RunStatus;
import dev.agentry.engine.model.Catalog;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code input_schema}: an agent's or a team's run refuses an input that does not match it, before the model runs. */
class InputSchemaTest {
  @TempDir Path dir;

  private static final String SCHEMA = """
      input_schema:
        type: object
        properties: {topic: {type: string}}
        required: [topic]
      """;

  private Catalog catalog() {
    return Specs.compile(dir, Specs.HEADER + """
        kind: Model
        metadata: {name: m}
        spec: {provider: scripted, script: {fallback: "answered"}}
        ---
        """ + Specs.HEADER + """
        kind: Agent
        metadata: {name: a}
        spec:
          model: m
        """ + SCHEMA.indent(2) + "---\n" + Specs.HEADER + """
        kind: Team
        metadata: {name: t}
        spec:
          model: m
          members: [{agent: a}]
        """ + SCHEMA.indent(2));
  }

  @Test
  void an_input_that_matches_the_schema_runs_and_one_that_does_not_ends_with_an_error_naming_the_problem() {
    Engine engine = Engine.create(catalog());
    for (Target target : List.of(Target.agent("a"), Target.team("t"))) {
      RunOutput ok = engine.run(target, request("{\"topic\": \"tides\"}"), e -> {});
      assertThat(ok.status()).as(target.toString()).isEqualTo(RunStatus.COMPLETED);
      assertThat(ok.content()).isEqualTo("answered");

      List<RunEvent> events = new CopyOnWriteArrayList<>();
      RunOutput bad = engine.run(target, request("{\"subject\": \"tides\"}"), events::add);
      assertThat(bad.status()).as(target.toString()).isEqualTo(RunStatus.ERROR);
      assertThat(String.valueOf(bad.content())).contains("does not match input_schema").contains("topic");
      assertThat(events).noneMatch(e -> e instanceof RunEvent.ModelRequestStarted);
    }
  }

  private static RunRequest request(String json) {
    JsonNode input = JsonMapper.builder().build().readTree(json);
    return RunRequest.create(r -> r.input(input));
  }
}
