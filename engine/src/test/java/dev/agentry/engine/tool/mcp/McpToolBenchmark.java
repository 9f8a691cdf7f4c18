package dev.agentry.engine.tool.mcp;

import dev.agentry.engine.internal.Json;
import dev.agentry.engine.llm.Cancellation;
import dev.agentry.engine.tool.Tool;
import dev.agentry.engine.tool.ToolContext;
import dev.agentry.engine.tool.ToolResult;
import dev.agentry.engine.tool.Toolkit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.JsonNode;

/**
 * What an MCP tool costs beyond its own work: {@link #call} is one {@code Tool.invoke} of the test server's no-op
 * tool on an open toolkit, over stdio (a child JVM) and over streamable HTTP (Jetty in this JVM), sampled for the
 * median; {@code -prof gc} adds the bytes allocated per call (in this JVM: the client side, and for HTTP the
 * server's too). {@link #open} is the time to open a stdio toolkit: start the server JVM, initialize, list the
 * tools. Run with {@code scripts/bench-tools.sh}.
 */
@Fork(1)
public class McpToolBenchmark {

  /** An open toolkit on the test server, over one transport. */
  @State(Scope.Benchmark)
  public static class Server {
    @Param({"stdio", "streamable-http"})
    public String transport;

    private TestMcpServer.Http http;
    private Toolkit toolkit;
    private Tool noop;
    private JsonNode arguments;
    private ToolContext context;

    @Setup
    public void open() throws Exception {
      Path dir = Files.createTempDirectory("agentry-mcp-bench");
      if (transport.equals("stdio")) {
        toolkit = McpToolkits.open(McpToolkits.stdio(Map.of(), List.of(), false), dir);
      } else {
        http = TestMcpServer.Http.start();
        toolkit = McpToolkits.open(McpToolkits.http(http.url()), dir);
      }
      noop = McpToolkits.tool(toolkit, "noop");
      arguments = Json.MAPPER.createObjectNode();
      context = McpToolkits.context(Cancellation.create());
    }

    @TearDown
    public void close() throws Exception {
      toolkit.close();
      if (http != null) {
        http.close();
      }
    }
  }

  /** One call of a no-op MCP tool through the engine's Tool interface. */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  @Warmup(iterations = 5, time = 2)
  @Measurement(iterations = 5, time = 2)
  public ToolResult call(Server server) {
    return server.noop.invoke(server.arguments, server.context);
  }

  /** A folder to open stdio toolkits in; each is closed after its invocation. */
  @State(Scope.Thread)
  public static class Open {
    private Path dir;
    private Toolkit opened;

    @Setup
    public void folder() throws Exception {
      dir = Files.createTempDirectory("agentry-mcp-bench");
    }

    @TearDown(Level.Invocation)
    public void close() {
      if (opened != null) {
        opened.close();
        opened = null;
      }
    }
  }

  /** Opening a stdio toolkit: start the server, initialize, list the tools. */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 2)
  @Measurement(iterations = 10)
  public Toolkit open(Open state) {
    state.opened = McpToolkits.open(McpToolkits.stdio(Map.of(), List.of(), false), state.dir);
    return state.opened;
  }
}
