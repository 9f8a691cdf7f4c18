package dev.agentry.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentry.engine.event.RunEvent;
import dev.agentry.engine.event.RunStatus;
import dev.agentry.engine.event.ToolExecution;
import dev.agentry.engine.llm.Role;
import dev.agentry.engine.model.Catalog;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tool-call part of the loop, with the builtin calculator. */
class ToolLoopTest {
  @TempDir Path dir;

  private Engine engine(String agentSpec, String script, String extra) {
    return Engine.create(Specs.compile(dir, Specs.agent(agentSpec, script) + extra), c -> c.baseDir(dir));
  }

  @Test
  void parallel_calls_run_and_come_back_in_call_order() {
    Engine engine = engine("tools: [{builtin: calculator}]", """
        turns:
          - tool_calls:
              - {name: multiply, arguments: {a: 6, b: 7}}
              - {name: add, arguments: {a: 1, b: 2}}
          - content: done
        """, "");
    EventLog log = new EventLog();

    RunOutput out = engine.run("agent", RunRequest.of("go"), log);

    assertThat(out.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(out.tools()).extracting(ToolExecution::toolName).containsExactly("multiply", "add");
    assertThat(out.tools()).extracting(ToolExecution::result)
        .containsExactly("{\"operation\": \"multiplication\", \"result\": 42}",
            "{\"operation\": \"addition\", \"result\": 3}");
    assertThat(log.names()).containsExactly("RunStarted", "ModelRequestStarted", "ModelRequestCompleted",
        "ToolCallStarted", "ToolCallStarted", "ToolCallCompleted", "ToolCallCompleted", "ModelRequestStarted",
        "RunContent*", "ModelRequestCompleted", "RunContentCompleted", "RunCompleted");
    assertThat(log.of(RunEvent.ToolCallCompleted.class).getFirst().content())
        .startsWith("multiply(a=6, b=7) completed in ");
  }

  @Test
  void a_failing_tool_is_reported_to_the_model_and_the_run_continues() {
    Engine engine = engine("tools: [{builtin: calculator}]", """
        turns:
          - tool_calls: [{name: divide, arguments: {a: 1, b: 0}}]
          - content: "Division by zero is undefined."
        """, "");

    RunOutput out = engine.run("agent", RunRequest.of("1/0"));

    assertThat(out.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(out.tools().getFirst().toolCallError()).isTrue();
    assertThat(out.messages()).filteredOn(m -> m.message().role() == Role.TOOL).singleElement()
        .satisfies(m -> assertThat(m.message().content()).containsIgnoringCase("zero"));
  }

  @Test
  void tool_call_limit_turns_further_calls_into_errors() {
    Engine engine = engine("""
        tools: [{builtin: calculator}]
        tool_call_limit: 1
        """, """
        turns:
          - tool_calls:
              - {name: add, arguments: {a: 1, b: 1}}
              - {name: add, arguments: {a: 2, b: 2}}
          - content: ok
        """, "");

    RunOutput out = engine.run("agent", RunRequest.of("go"));

    assertThat(out.tools()).extracting(ToolExecution::toolCallError).containsExactly(false, true);
    assertThat(out.tools().get(1).result()).contains("tool call limit of 1");
  }

  @Test
  void stop_after_tool_call_ends_the_run_with_the_shown_result() {
    Engine engine = engine("tools: [{toolkit: calc}]", """
        turns:
          - tool_calls: [{name: add, arguments: {a: 20, b: 22}}]
          - content: never asked
        """, "---\n" + Specs.HEADER + """
        kind: Toolkit
        metadata: {name: calc}
        spec:
          builtin: calculator
          stop_after_tool_call_tools: [add]
          show_result_tools: [add]
        """);

    RunOutput out = engine.run("agent", RunRequest.of("go"));

    assertThat(out.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(out.content()).isEqualTo("{\"operation\": \"addition\", \"result\": 42}");
    assertThat(out.messages()).extracting(m -> m.message().role()).doesNotContainSubsequence(Role.TOOL,
        Role.ASSISTANT);
  }

  @Test
  void an_agent_whose_toolkit_cannot_be_built_fails_only_its_own_runs() throws java.io.IOException {
    Catalog catalog = Specs.compile(dir, Specs.agent("tools: [{builtin: file, options: {root: notes}}]",
        "fallback: hi") + "---\n" + Specs.HEADER + """
        kind: Agent
        metadata: {name: healthy}
        spec: {model: script}
        """);
    // Checked at load, the options were fine; by the time the engine starts, the root has become a file.
    Files.writeString(dir.resolve("notes"), "not a folder");
    Engine engine = Engine.create(catalog, c -> c.baseDir(dir));

    RunOutput broken = engine.run("agent", RunRequest.of("hi"));
    RunOutput fine = engine.run("healthy", RunRequest.of("hi"));

    assertThat(broken.status()).isEqualTo(RunStatus.ERROR);
    assertThat(broken.contentText()).contains("agent 'agent' cannot run").contains("root").contains("not a folder");
    assertThat(fine.status()).isEqualTo(RunStatus.COMPLETED);
  }
}
