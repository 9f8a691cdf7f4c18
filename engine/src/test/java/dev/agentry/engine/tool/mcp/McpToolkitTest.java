package dev.agentry.engine.tool.mcp;

import static dev.agentry.engine.tool.mcp.McpToolkits.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentry.engine.Eventually;
import dev.agentry.engine.internal.Json;
import dev.agentry.engine.llm.Cancellation;
import dev.agentry.engine.tool.Tool;
import dev.agentry.engine.tool.ToolResult;
import dev.agentry.engine.tool.Toolkit;
import dev.agentry.engine.tool.ToolkitException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

/** The MCP toolkit against the SDK-built test server, over stdio (a child JVM) and streamable HTTP (in process). */
@Timeout(120)
class McpToolkitTest {
  private static TestMcpServer.Http http;
  @TempDir Path dir;

  @BeforeAll
  static void startHttp() throws Exception {
    http = TestMcpServer.Http.start();
  }

  @AfterAll
  static void stopHttp() throws Exception {
    http.close();
  }

  @Test
  void settings_are_checked_without_starting_anything() {
    McpKind kind = new McpKind();
    assertThat(kind.describe(McpToolkits.settings("ok", McpToolkits.http("http://localhost:1/mcp"), dir))).isNull();
    assertThatThrownBy(() -> kind.describe(McpToolkits.settings("t", Json.MAPPER.readTree("{}"), dir)))
        .isInstanceOf(ToolkitException.class).hasMessageContaining("needs a 'url'");
    assertThatThrownBy(() -> kind.describe(McpToolkits.settings("t",
        Json.MAPPER.readTree("{\"transport\":\"stdio\"}"), dir)))
        .isInstanceOf(ToolkitException.class).hasMessageContaining("stdio needs a 'command'");
    assertThatThrownBy(() -> kind.describe(McpToolkits.settings("t",
        Json.MAPPER.readTree("{\"transport\":\"sse\",\"command\":\"x\"}"), dir)))
        .isInstanceOf(ToolkitException.class).hasMessageContaining("needs a 'url'");
    assertThatThrownBy(() -> kind.describe(McpToolkits.settings("t",
        Json.MAPPER.readTree("{\"url\":\"ftp://example.org/mcp\"}"), dir)))
        .isInstanceOf(ToolkitException.class).hasMessageContaining("http or https");
  }

  @Test
  void stdio_lists_the_servers_tools_and_converts_every_kind_of_result() throws Exception {
    Path mark = dir.resolve("mark.txt");
    try (Toolkit toolkit = McpToolkits.open(McpToolkits.stdio(Map.of("MCP_TEST_MARK", mark.toString())), dir)) {
      assertThat(toolkit.tools()).extracting(t -> t.definition().name())
          .contains("echo", "add", "fail", "slow", "crash", "structured", "image", "link");
      Tool add = McpToolkits.tool(toolkit, "add");
      assertThat(add.definition().description()).isEqualTo("Adds a and b.");
      assertThat(add.definition().parameters().get("properties").has("a")).isTrue();
      assertThat(Files.readString(mark)).contains("cwd=" + dir.toAbsolutePath());

      assertThat(call(toolkit, "echo", "{\"text\":\"hello\"}")).isEqualTo(ToolResult.of("hello"));
      assertThat(call(toolkit, "add", "{\"a\":2,\"b\":3}")).isEqualTo(ToolResult.of("5.0"));
      assertThat(call(toolkit, "fail", "{}"))
          .isEqualTo(ToolResult.error("the fail tool failed, as it always does"));
      assertThat(Json.MAPPER.readTree(call(toolkit, "structured", "{}").content()))
          .isEqualTo(Json.MAPPER.readTree("{\"temperature\":21,\"unit\":\"C\"}"));
      assertThat(call(toolkit, "image", "{}")).isEqualTo(ToolResult.of("[image image/png, 1234 bytes]"));
      assertThat(call(toolkit, "link", "{}"))
          .isEqualTo(ToolResult.of("report: file:///tmp/report.txt\nthe notes"));
    }
  }

  @Test
  void streamable_http_calls_tools_and_sends_the_headers() throws Exception {
    ObjectNode mcp = McpToolkits.http(http.url());
    mcp.putObject("headers").put("X-Test", "secret-1");
    try (Toolkit toolkit = McpToolkits.open(mcp, dir)) {
      assertThat(call(toolkit, "echo", "{\"text\":\"over http\"}")).isEqualTo(ToolResult.of("over http"));
      assertThat(call(toolkit, "fail", "{}").isError()).isTrue();
      assertThat(http.testHeaders).isNotEmpty().containsOnly("secret-1");
    }
  }

  @Test
  void sse_calls_tools_and_sends_the_headers() throws Exception {
    try (TestMcpServer.Http sse = TestMcpServer.Http.startSse()) {
      ObjectNode mcp = McpToolkits.http(sse.url()).put("transport", "sse");
      mcp.putObject("headers").put("X-Test", "secret-2");
      try (Toolkit toolkit = McpToolkits.open(mcp, dir)) {
        assertThat(call(toolkit, "add", "{\"a\":1,\"b\":2}")).isEqualTo(ToolResult.of("3.0"));
        assertThat(sse.testHeaders).isNotEmpty().containsOnly("secret-2");
      }
    }
  }

  @Test
  void a_call_that_outlasts_timeout_seconds_is_an_error_and_the_toolkit_goes_on() throws Exception {
    ObjectNode mcp = McpToolkits.http(http.url()).put("timeout_seconds", 1);
    try (Toolkit toolkit = McpToolkits.open(mcp, dir)) {
      long start = System.nanoTime();
      ToolResult slow = call(toolkit, "slow", "{}");

      assertThat(slow.isError()).isTrue();
      assertThat(slow.content()).contains("'slow' did not answer within 1 seconds");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
      assertThat(call(toolkit, "echo", "{\"text\":\"next\"}")).isEqualTo(ToolResult.of("next"));
    }
  }

  @Test
  void parallel_calls_on_one_toolkit_each_get_their_own_answer() throws Exception {
    try (Toolkit toolkit = McpToolkits.open(McpToolkits.http(http.url()), dir);
        var pool = Executors.newVirtualThreadPerTaskExecutor()) {
      List<CompletableFuture<ToolResult>> calls = IntStream.range(0, 20)
          .mapToObj(i -> CompletableFuture.supplyAsync(
              () -> call(toolkit, "echo", "{\"text\":\"n" + i + "\"}"), pool)).toList();
      for (int i = 0; i < calls.size(); i++) {
        assertThat(calls.get(i).get(30, TimeUnit.SECONDS)).isEqualTo(ToolResult.of("n" + i));
      }
    }
  }

  @Test
  void a_cancelled_call_returns_at_once_with_an_error() throws Exception {
    Path mark = dir.resolve("mark.txt");
    try (Toolkit toolkit = McpToolkits.open(McpToolkits.stdio(Map.of("MCP_TEST_MARK", mark.toString())), dir)) {
      Cancellation cancellation = Cancellation.create();
      CompletableFuture<ToolResult> slow = CompletableFuture.supplyAsync(() -> McpToolkits.tool(toolkit, "slow")
          .invoke(Json.MAPPER.createObjectNode(), McpToolkits.context(cancellation)));
      assertThat(Eventually.until(Duration.ofSeconds(20), () -> read(mark).contains("slow"))).isTrue();
      long start = System.nanoTime();
      cancellation.cancel();
      ToolResult result = slow.get(5, TimeUnit.SECONDS);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
      assertThat(result.isError()).isTrue();
      assertThat(result.content()).contains("cancelled");
      assertThat(call(toolkit, "echo", "{\"text\":\"still here\"}")).isEqualTo(ToolResult.of("still here"));
    }
  }

  @Test
  void a_server_that_crashes_mid_call_is_restarted_and_the_next_call_works() throws Exception {
    try (Toolkit toolkit = McpToolkits.open(McpToolkits.stdio(Map.of()), dir)) {
      long before = children();
      ToolResult crashed = call(toolkit, "crash", "{}");
      assertThat(crashed.isError()).isTrue();
      assertThat(crashed.content()).contains("was restarted");
      assertThat(call(toolkit, "echo", "{\"text\":\"back\"}")).isEqualTo(ToolResult.of("back"));
      assertThat(Eventually.until(Duration.ofSeconds(10), () -> children() == before)).isTrue();
    }
  }

  @Test
  void a_server_killed_between_calls_is_started_again_by_the_next_call() throws Exception {
    String tag = "-Dagentry.test.tag=" + java.util.UUID.randomUUID();
    try (Toolkit toolkit = McpToolkits.open(McpToolkits.stdio(Map.of(), List.of(tag)), dir)) {
      ProcessHandle server = McpToolkits.servers(tag).getFirst();
      server.destroyForcibly();
      server.onExit().get(10, TimeUnit.SECONDS);
      assertThat(Eventually.until(Duration.ofSeconds(10), ((McpToolkit) toolkit)::serverGone)).isTrue();

      assertThat(call(toolkit, "echo", "{\"text\":\"again\"}")).isEqualTo(ToolResult.of("again"));
      assertThat(McpToolkits.servers(tag)).hasSize(1).doesNotContain(server);
    }
  }

  @Test
  void tools_list_changed_relists_and_tells_the_listener() throws Exception {
    try (Toolkit toolkit = McpToolkits.open(McpToolkits.stdio(Map.of()), dir)) {
      AtomicInteger told = new AtomicInteger();
      toolkit.onToolsChanged(told::incrementAndGet);
      assertThat(call(toolkit, "add_tool", "{}")).isEqualTo(ToolResult.of("added"));
      assertThat(Eventually.until(Duration.ofSeconds(10), () -> told.get() == 1)).isTrue();
      assertThat(call(toolkit, "extra", "{}")).isEqualTo(ToolResult.of("extra ok"));
    }
  }

  @Test
  void close_ends_the_process_and_a_server_that_cannot_start_fails_to_open() throws Exception {
    long before = children();
    Toolkit toolkit = McpToolkits.open(McpToolkits.stdio(Map.of()), dir);
    assertThat(children()).isEqualTo(before + 1);
    toolkit.close();
    assertThat(Eventually.until(Duration.ofSeconds(10), () -> children() == before)).isTrue();
    toolkit.close(); // twice is harmless

    ObjectNode missing = Json.MAPPER.createObjectNode().put("command", "./no-such-server").put("timeout_seconds", 5);
    assertThatThrownBy(() -> McpToolkits.open(missing, dir)).hasMessageContaining("no-such-server");
  }

  static long children() {
    return ProcessHandle.current().children().filter(ProcessHandle::isAlive).count();
  }

  private static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file) : "";
    } catch (java.io.IOException e) {
      return "";
    }
  }
}
