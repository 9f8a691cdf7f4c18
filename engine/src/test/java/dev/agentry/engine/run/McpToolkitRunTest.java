package dev.agentry.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentry.engine.Eventually;
import dev.agentry.engine.event.RunEvent;
import dev.agentry.engine.event.RunStatus;
import dev.agentry.engine.internal.Json;
import dev.agentry.engine.llm.Message;
import dev.agentry.engine.llm.Role;
import dev.agentry.engine.tool.mcp.McpToolkits;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

/**
 * Agents declared in YAML use the tools of an MCP server (the SDK-built test server as a child JVM) through the
 * engine: listing, calls, filters and confirmation, errors, a crash, cancellation, and the server process across
 * reloads.
 */
@Timeout(120)
class McpToolkitRunTest {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  @TempDir Path dir;
  /** Tags this test's server processes, so that counting them ignores any other child of the JVM. */
  private final String tag = "-Dagentry.test.tag=" + UUID.randomUUID();
  private Engine engine;

  @AfterEach
  void close() {
    if (engine != null) {
      engine.close();
    }
    assertThat(Eventually.until(Duration.ofSeconds(10), () -> servers() == 0)).as("no server left").isTrue();
  }

  @Test
  void an_agent_lists_and_calls_the_servers_tools() {
    engine = engine(agent("agent", "- toolkit: test-mcp", """
        turns:
          - tool_calls:
              - {name: echo, arguments: {text: hello}}
              - {name: add, arguments: {a: 2, b: 3}}
          - content: "done: {tool_result}"
        """));

    assertThat(engine.listTools("agent")).extracting(t -> t.definition().name())
        .contains("echo", "add", "fail", "slow", "crash", "structured", "image");
    RunOutput out = engine.run("agent", RunRequest.of("go"));

    assertThat(out.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(toolMessages(out)).extracting(Message::content).containsExactly("hello", "5.0");
    assertThat(out.content()).isEqualTo("done: 5.0");
  }

  @Test
  void runs_after_the_server_changed_its_tools_get_the_new_list() {
    engine = engine(agent("agent", "- toolkit: test-mcp", """
        turns:
          - tool_calls: [{name: add_tool, arguments: {}}]
          - content: added
        """));
    assertThat(engine.listTools("agent")).extracting(t -> t.definition().name()).doesNotContain("extra");

    assertThat(engine.run("agent", RunRequest.of("go")).status()).isEqualTo(RunStatus.COMPLETED);

    assertThat(Eventually.until(Duration.ofSeconds(10), () -> engine.listTools("agent").stream()
        .anyMatch(t -> t.definition().name().equals("extra")))).as("the new tool is bound").isTrue();
  }

  @Test
  void filters_and_confirmation_lists_apply_to_mcp_tools() {
    engine = engine(agent("agent", """
        - toolkit: test-mcp
          include_tools: [echo, fail]
        """, """
        turns:
          - tool_calls: [{name: echo, arguments: {text: hi}}]
          - content: confirmed
        """), "requires_confirmation_tools: [echo]");

    assertThat(engine.listTools("agent")).extracting(t -> t.definition().name()).containsExactly("echo", "fail");
    assertThat(engine.listTools("agent")).filteredOn(AgentTool::requiresConfirmation)
        .extracting(t -> t.definition().name()).containsExactly("echo");
    RunOutput out = engine.run("agent", RunRequest.of("go"));

    assertThat(out.status()).isEqualTo(RunStatus.PAUSED);
    assertThat(out.tools()).singleElement().satisfies(call -> {
      assertThat(call.toolName()).isEqualTo("echo");
      assertThat(call.requiresConfirmation()).isTrue();
    });
  }

  @Test
  void a_tool_error_reaches_the_model_and_a_crashed_server_is_restarted_for_the_next_call() {
    engine = engine(agent("agent", "- toolkit: test-mcp", """
        turns:
          - tool_calls: [{name: fail, arguments: {}}]
          - tool_calls: [{name: crash, arguments: {}}]
          - tool_calls: [{name: echo, arguments: {text: back}}]
          - content: recovered
        """));

    RunOutput out = engine.run("agent", RunRequest.of("go"));

    assertThat(out.status()).isEqualTo(RunStatus.COMPLETED);
    List<Message> results = toolMessages(out);
    assertThat(results).hasSize(3);
    assertThat(results.get(0).toolError()).isTrue();
    assertThat(results.get(0).content()).contains("the fail tool failed");
    assertThat(results.get(1).toolError()).isTrue();
    assertThat(results.get(1).content()).contains("stopped during the call to 'crash'", "restarted");
    assertThat(results.get(2).toolError()).isFalse();
    assertThat(results.get(2).content()).isEqualTo("back");
    assertThat(servers()).isEqualTo(1);
  }

  @Test
  void cancelling_a_run_stops_waiting_for_a_slow_mcp_call() throws Exception {
    engine = engine(agent("agent", "- toolkit: test-mcp", """
        turns:
          - tool_calls: [{name: slow, arguments: {}}]
          - content: too late
        """));
    CountDownLatch started = new CountDownLatch(1);

    RunHandle handle = engine.start("agent", RunRequest.of("go"), event -> {
      if (event instanceof RunEvent.ToolCallStarted) {
        started.countDown();
      }
    });
    assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
    long start = System.nanoTime();
    assertThat(engine.cancel(handle.runId())).isTrue();
    RunOutput out = handle.future().get(10, TimeUnit.SECONDS);

    assertThat(out.status()).isEqualTo(RunStatus.CANCELLED);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void three_agents_share_one_process_which_100_reloads_keep_and_a_removal_ends() {
    String three = agent("a1", "- toolkit: test-mcp", "fallback: one") + "---\n"
        + agentOnly("a2", "- toolkit: test-mcp") + "---\n" + agentOnly("a3", "- toolkit: test-mcp");
    engine = engine(three);
    assertThat(servers()).isEqualTo(1);
    long pid = serverPids().getFirst();

    engine.reload(Specs.compile(dir, three + "---\n" + toolkit()));
    assertThat(servers()).isEqualTo(1);
    assertThat(serverPids()).containsExactly(pid);
    engine.reload(Specs.compile(dir, three + "---\n" + toolkit()));
    assertThat(serverPids()).containsExactly(pid);

    int threads = THREADS.getThreadCount();
    for (int i = 0; i < 100; i++) {
      engine.reload(Specs.compile(dir, three + "---\n" + toolkit()));
    }
    assertThat(serverPids()).as("one process after 100 reloads").containsExactly(pid);
    assertThat(THREADS.getThreadCount()).as("threads after 100 reloads (before: %d)", threads)
        .isLessThanOrEqualTo(threads + 4);
    assertThat(engine.run("a2", RunRequest.of("hi")).status()).isEqualTo(RunStatus.COMPLETED);

    engine.reload(Specs.compile(dir, agent("a1", "- builtin: calculator", "fallback: one")));
    assertThat(Eventually.until(Duration.ofSeconds(10), () -> servers() == 0)).as("the server process ended")
        .isTrue();
  }

  private Engine engine(String yaml) {
    return engine(yaml, "");
  }

  private Engine engine(String yaml, String toolkitExtra) {
    return Engine.create(Specs.compile(dir, yaml + "---\n" + toolkit(toolkitExtra)), c -> c.baseDir(dir));
  }

  /** The Toolkit resource {@code test-mcp}: the test server over stdio, as JSON (which YAML reads). */
  private String toolkit() {
    return toolkit("");
  }

  private String toolkit(String extra) {
    ObjectNode mcp = McpToolkits.stdio(Map.of(), List.of(tag));
    return Specs.HEADER + "kind: Toolkit\nmetadata: {name: test-mcp}\nspec:\n  mcp: "
        + Json.MAPPER.writeValueAsString(mcp) + "\n" + Specs.indent(extra, "  ");
  }

  /** An agent on a scripted model of its own. */
  private static String agent(String name, String tools, String script) {
    return agentOnly(name, tools).replace("model: script-a1", "model: script-" + name) + "---\n" + Specs.HEADER + """
        kind: Model
        metadata: {name: script-%s}
        spec:
          provider: scripted
          script:
        """.formatted(name) + Specs.indent(script, "    ");
  }

  private static String agentOnly(String name, String tools) {
    return Specs.HEADER + """
        kind: Agent
        metadata: {name: %s}
        spec:
          model: script-a1
          tools:
        """.formatted(name) + Specs.indent(tools, "    ");
  }

  private long servers() {
    return serverPids().size();
  }

  private List<Long> serverPids() {
    return McpToolkits.servers(tag).stream().map(ProcessHandle::pid).toList();
  }

  private static List<Message> toolMessages(RunOutput out) {
    return out.messages().stream().map(RunMessage::message).filter(m -> m.role() == Role.TOOL).toList();
  }
}
