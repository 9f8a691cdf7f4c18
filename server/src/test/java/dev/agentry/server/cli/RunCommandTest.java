package dev.agentry.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** {@code agentry run}: the example agents answer offline on the scripted model, with the right exit codes. */
class RunCommandTest {
  private static CliRun run(String... args) {
    return CliRun.of(args);
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
  void an_unknown_agent_is_a_usage_error_that_lists_the_agents() {
    CliRun run = run("run", "--specs", "../specs", "no-such-agent", "hello");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("No agent 'no-such-agent'").contains("assistant");
  }
}
