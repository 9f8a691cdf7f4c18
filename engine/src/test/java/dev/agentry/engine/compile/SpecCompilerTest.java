package dev.agentry.engine.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentry.engine.event.ComponentKind;
import dev.agentry.engine.model.AgentDef;
import dev.agentry.engine.model.Catalog;
import dev.agentry.engine.model.NotFoundException;
import dev.agentry.engine.model.StepDef;
import dev.agentry.engine.model.TeamDef;
import dev.agentry.engine.spec.Kind;
import dev.agentry.engine.spec.SpecException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecCompilerTest {
  @Test
  void compiles_references_into_resolved_definitions(@TempDir Path dir) {
    Catalog catalog = SpecSets.compile(dir,
        "models.yaml", """
            apiVersion: agentry.dev/v1
            kind: Model
            metadata: {name: careful}
            spec: {provider: anthropic, id: claude-sonnet-4-5, temperature: 0}
            """,
        "agents.yaml", """
            apiVersion: agentry.dev/v1
            kind: Agent
            metadata: {name: researcher}
            spec:
              name: Researcher
              model: careful
              instructions: Cite sources.
              output_schema: schemas/answer.json
            ---
            apiVersion: agentry.dev/v1
            kind: Agent
            metadata: {name: writer}
            spec:
              model: openai:gpt-4o-mini
            """,
        "schemas/answer.json", """
            {"type": "object", "properties": {"answer": {"type": "string"}}, "required": ["answer"]}
            """,
        "team.yaml", """
            apiVersion: agentry.dev/v1
            kind: Team
            metadata: {name: desk}
            spec:
              model: openai:gpt-4o
              members: [{agent: researcher}, {agent: writer}]
            """,
        "flow.yaml", """
            apiVersion: agentry.dev/v1
            kind: Workflow
            metadata: {name: publish}
            spec:
              steps:
                - {name: research, agent: researcher, description: Finds the sources}
                - name: maybe-polish
                  description: Polishes a long draft
                  condition:
                    evaluator: "previous_step_content.size() > 10"
                    steps: [{name: polish, team: desk}]
            """).orThrow();

    AgentDef researcher = catalog.getAgent("researcher");
    assertThat(researcher.name()).isEqualTo("Researcher");
    assertThat(researcher.model().provider()).isEqualTo("anthropic");
    assertThat(researcher.model().modelId()).isEqualTo("claude-sonnet-4-5");
    assertThat(researcher.model().resource()).isEqualTo("careful");
    assertThat(researcher.spec().instructions()).containsExactly("Cite sources.");
    assertThat(researcher.outputSchema().at("/required/0").asString()).isEqualTo("answer");
    assertThat(catalog.getAgent("writer").name()).as("display name defaults to the id").isEqualTo("writer");
    assertThat(catalog.getAgent("writer").model().qualifiedName()).isEqualTo("openai:gpt-4o-mini");
    assertThat(catalog.findTeam("desk").orElseThrow().members())
        .containsExactly(new TeamDef.Member(ComponentKind.AGENT, "researcher"), new TeamDef.Member(ComponentKind.AGENT, "writer"));
    assertThat(catalog.findWorkflow("publish").orElseThrow().steps()).satisfiesExactly(
        step -> assertThat(step).isInstanceOfSatisfying(StepDef.AgentStep.class, agent -> {
          assertThat(agent.name()).isEqualTo("research");
          assertThat(agent.description()).isEqualTo("Finds the sources");
          assertThat(agent.agent()).isEqualTo("researcher");
          assertThat(agent.settings().maxRetries()).as("the schema's default").isZero();
          assertThat(agent.settings().review()).isNull();
        }),
        step -> assertThat(step).isInstanceOfSatisfying(StepDef.Condition.class, condition -> {
          assertThat(condition.description()).isEqualTo("Polishes a long draft");
          assertThat(condition.evaluator().text()).isEqualTo("previous_step_content.size() > 10");
          assertThat(condition.steps()).singleElement().isInstanceOfSatisfying(StepDef.TeamStep.class, team -> {
            assertThat(team.name()).isEqualTo("polish");
            assertThat(team.team()).isEqualTo("desk");
            assertThat(team.id()).as("stable: derived from workflow and step name").isEqualTo(
                java.util.UUID.nameUUIDFromBytes("publish/polish".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .toString());
          });
        }));
    assertThat(catalog.summary()).startsWith("2 agents, 1 team, 1 workflow, 0 toolkits, 1 model");
    assertThatThrownBy(() -> catalog.getAgent("nobody")).isInstanceOf(NotFoundException.class);
  }

  @Test
  void interpolated_values_are_typed_and_secrets_masked(@TempDir Path dir) {
    Catalog catalog = SpecSets.compile(dir, Map.of("OPENAI_KEY", "123456", "TOKENS", "512", "DEBUG", "true"),
        "m.yaml", """
            apiVersion: agentry.dev/v1
            kind: Model
            metadata: {name: keyed}
            spec:
              provider: openai
              id: gpt-4o-mini
              api_key: ${env:OPENAI_KEY}
              max_tokens: ${env:TOKENS}
              organization: "${env:ORG:-acme}"
              base_url: ${env:BASE_URL:-}
            ---
            apiVersion: agentry.dev/v1
            kind: Agent
            metadata: {name: typed}
            spec:
              model: keyed
              debug_mode: ${env:DEBUG}
              description: ${env:TOKENS}
            """).orThrow();
    var model = catalog.models().get("keyed").spec();
    assertThat(model.apiKey().value()).as("a digits-only secret stays text").isEqualTo("123456");
    assertThat(model.maxTokens()).as("typed where the schema wants a number").isEqualTo(512);
    assertThat(model.organization()).isEqualTo("acme");
    assertThat(model.baseUrl()).as("an empty default is empty text").isEmpty();
    assertThat(catalog.getAgent("typed").spec().debugMode()).isTrue();
    assertThat(catalog.getAgent("typed").spec().description()).isEqualTo("512");
    assertThat(model.toString()).doesNotContain("123456");
    assertThat(catalog.toString()).doesNotContain("123456");
  }

  @Test
  void a_secret_never_appears_in_a_diagnostic(@TempDir Path dir) {
    SpecCompiler.Result result = SpecSets.compile(dir, Map.of("SECRET", "hunter2-very-secret"),
        "a.yaml", """
            apiVersion: agentry.dev/v1
            kind: Agent
            metadata: {name: leaky}
            spec:
              model: ${env:SECRET}
              references_format: ${env:SECRET}
              debug_level: ${env:SECRET}
            """);
    assertThat(result.ok()).isFalse();
    assertThat(result.diagnostics()).isNotEmpty()
        .allSatisfy(d -> assertThat(d.render(d.file())).doesNotContain("hunter2"));
    assertThatThrownBy(result::orThrow).isInstanceOf(SpecException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2"));
  }

  @Test
  void every_problem_of_a_set_is_reported_in_one_pass_sorted(@TempDir Path dir) {
    SpecCompiler.Result result = SpecSets.compile(dir,
        "b.yaml", """
            apiVersion: agentry.dev/v1
            kind: Agent
            metadata: {name: b}
            spec: {model: openai:gpt-4o, modle: x, tools: [{toolkit: nope}]}
            """,
        "a.yaml", "kind: [\n");
    assertThat(result.diagnostics()).extracting(d -> Path.of(d.file()).getFileName() + ":" + d.code())
        .containsExactly("a.yaml:yaml-syntax", "b.yaml:unknown-field", "b.yaml:unknown-reference");
  }

  @Test
  void a_configmap_mount_is_read_once_through_its_symlinks(@TempDir Path dir) throws Exception {
    Path data = dir.resolve("..2026_11_21_00_00_00.000000001");
    SpecSets.write(data, "agent.yaml", """
        apiVersion: agentry.dev/v1
        kind: Agent
        metadata: {name: mounted}
        spec: {model: openai:gpt-4o-mini}
        """);
    java.nio.file.Files.createSymbolicLink(dir.resolve("..data"), data.getFileName());
    java.nio.file.Files.createSymbolicLink(dir.resolve("agent.yaml"), Path.of("..data/agent.yaml"));
    Catalog catalog = SpecCompiler.create().compile(dir).orThrow();
    assertThat(catalog.agents()).containsOnlyKeys("mounted");
  }

  @Test
  void a_symlink_loop_is_a_diagnostic_and_the_rest_still_loads(@TempDir Path dir) throws Exception {
    SpecSets.write(dir, "agents/agent.yaml", """
        apiVersion: agentry.dev/v1
        kind: Agent
        metadata: {name: kept}
        spec: {model: openai:gpt-4o-mini}
        """);
    java.nio.file.Files.createSymbolicLink(dir.resolve("agents/loop"), Path.of(".."));
    SpecCompiler.Result result = SpecCompiler.create().compile(dir);
    assertThat(result.diagnostics()).extracting(d -> d.code() + ": " + d.message())
        .containsExactly("unreadable: symlink loop");
    assertThat(SpecCompiler.create().compile(dir.resolve("agents/agent.yaml")).orThrow().agents())
        .containsOnlyKeys("kept");
  }

  @Test
  void an_empty_folder_is_an_error(@TempDir Path dir) {
    SpecCompiler.Result result = SpecCompiler.create().compile(dir);
    assertThat(result.ok()).isFalse();
    assertThat(result.diagnostics()).extracting(d -> d.code()).containsExactly("no-specs");
  }
}
