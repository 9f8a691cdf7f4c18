package dev.agentry.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code agentry validate}: exit codes, the {@code path:line:col: error: message} lines, and the JSON format. */
class ValidateCommandTest {
  private static CliRun run(String... args) {
    return CliRun.of(args);
  }

  @Test
  void the_example_specs_are_valid() {
    CliRun run = run("validate", "../specs");
    assertThat(run.exit()).as(run.out()).isZero();
    assertThat(run.out()).contains(": valid, version ");
  }

  @Test
  void an_invalid_set_exits_1_with_one_line_per_problem(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("agent.yaml"), """
        apiVersion: agentry.dev/v1
        kind: Agent
        metadata:
          name: helper
        spec:
          modle: openai:gpt-4o-mini
        """);
    CliRun run = run("validate", dir.toString());
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out().lines()).containsExactly(
        dir.resolve("agent.yaml") + ":6:3: error: unknown field 'modle' in spec (did you mean 'model'?)",
        dir + ": invalid, 1 error");
  }

  @Test
  void json_format_carries_every_field_a_ci_tool_needs(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("agent.yaml"), """
        apiVersion: agentry.dev/v1
        kind: Agent
        metadata: {name: helper}
        spec: {model: opena:gpt-4o}
        """);
    CliRun run = run("validate", "--format", "json", dir.toString());
    assertThat(run.exit()).isEqualTo(1);
    JsonNode body = JsonMapper.builder().build().readTree(run.out());
    assertThat(body.get("valid").booleanValue()).isFalse();
    JsonNode diagnostic = body.at("/diagnostics/0");
    assertThat(diagnostic.get("line").intValue()).isEqualTo(4);
    assertThat(diagnostic.get("column").intValue()).isEqualTo(15);
    assertThat(diagnostic.get("pointer").asString()).isEqualTo("/spec/model");
    assertThat(diagnostic.get("code").asString()).isEqualTo("unknown-provider");
    assertThat(diagnostic.get("hint").asString()).isEqualTo("did you mean 'openai'?");
  }

  @Test
  void usage_errors_exit_2() {
    assertThat(run("validate", "/no/such/folder").exit()).isEqualTo(2);
    assertThat(run("validate", "--format", "xml", "../specs").exit()).isEqualTo(2);
    assertThat(run("no-such-command").exit()).isEqualTo(2);
  }

  @Test
  void paths_below_the_working_directory_are_printed_relative() {
    Path inside = Path.of("").toAbsolutePath().resolve("specs/agent.yaml");
    assertThat(ValidateCommand.display(inside.toString())).isEqualTo("specs/agent.yaml");
    assertThat(ValidateCommand.display("/elsewhere/agent.yaml")).isEqualTo("/elsewhere/agent.yaml");
  }
}
