package dev.agentry.engine.tool.mcp;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletSseServerTransportProvider;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * An MCP server for the tests and benchmarks, written with the SDK's server side: over stdio as a child JVM
 * ({@link #command}), or over streamable HTTP on an embedded Jetty ({@link Http#start}).
 *
 * <p>Tools: {@code echo}, {@code add}, {@code noop}, {@code fail} (an error result), {@code slow} (waits 30 s or
 * until interrupted), {@code crash} (the process exits mid-call), {@code structured} (structured content only),
 * {@code image}, {@code link} (a resource link and an embedded text resource), {@code add_tool} (adds the tool
 * {@code extra} and tells the client its tools changed). With the environment variable {@code MCP_TEST_MARK}, the
 * stdio server writes its working folder to that file and the ids of {@code slow} calls as they start.
 */
public final class TestMcpServer {
  private TestMcpServer() {}

  /** Runs the server over stdio until its input closes. */
  public static void main(String[] args) throws Exception {
    StdioServerTransportProvider transport = new StdioServerTransportProvider(McpJsonDefaults.getMapper());
    String mark = System.getenv("MCP_TEST_MARK");
    if (mark != null) {
      Files.writeString(Path.of(mark), "cwd=" + Path.of("").toAbsolutePath() + "\n");
    }
    System.err.println("test MCP server started"); // forwarded to the client's log
    McpSyncServer server = build(McpServer.sync(transport));
    new CountDownLatch(1).await(); // the transport's threads serve; the client ends the process
    server.close();
  }

  /** The command line that starts the stdio server as a child JVM on this JVM's class path, tuned to start fast. */
  public static List<String> command() {
    return command(true);
  }

  /** As {@link #command()}; without {@code quickStart} the server JVM compiles fully (for per-call benchmarks). */
  public static List<String> command(boolean quickStart) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xshare:auto");
    if (quickStart) {
      command.add("-XX:TieredStopAtLevel=1");
    }
    command.add("-cp");
    // absolute: the server runs in the toolkit's folder, not in this JVM's
    command.add(java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
        .map(entry -> Path.of(entry).toAbsolutePath().toString())
        .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator)));
    command.add(TestMcpServer.class.getName());
    return command;
  }

  static McpSyncServer build(McpServer.SyncSpecification<?> spec) {
    List<SyncToolSpecification> tools = new ArrayList<>(List.of(
        tool("echo", "Echoes its text.", Map.of("text", Map.of("type", "string")),
            (ex, req) -> text(String.valueOf(req.arguments().get("text")))),
        tool("add", "Adds a and b.", Map.of("a", Map.of("type", "number"), "b", Map.of("type", "number")),
            (ex, req) -> text(String.valueOf(number(req, "a") + number(req, "b")))),
        tool("noop", "Does nothing.", Map.of(), (ex, req) -> text("ok")),
        tool("fail", "Always fails.", Map.of(),
            (ex, req) -> McpSchema.CallToolResult.builder().addTextContent("the fail tool failed, as it always does")
                .isError(true).build()),
        tool("slow", "Takes 30 seconds.", Map.of(), (ex, req) -> {
          markSlow();
          try {
            Thread.sleep(TimeUnit.SECONDS.toMillis(30));
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return text("slow done");
        }),
        tool("crash", "Exits the server process.", Map.of(), (ex, req) -> {
          Runtime.getRuntime().halt(3);
          return text("unreachable");
        }),
        tool("structured", "Answers with structured content only.", Map.of(),
            (ex, req) -> McpSchema.CallToolResult.builder()
                .structuredContent(Map.of("temperature", 21, "unit", "C")).build()),
        tool("image", "Answers with an image.", Map.of(),
            (ex, req) -> McpSchema.CallToolResult.builder().addContent(new McpSchema.ImageContent(null,
                Base64.getEncoder().encodeToString(new byte[1234]), "image/png")).build()),
        tool("link", "Answers with a resource link and an embedded resource.", Map.of(),
            (ex, req) -> McpSchema.CallToolResult.builder()
                .addContent(new McpSchema.ResourceLink("report", null, "file:///tmp/report.txt", null,
                    "text/plain", null, null, null))
                .addContent(new McpSchema.EmbeddedResource(null,
                    new McpSchema.TextResourceContents("file:///tmp/notes.txt", "text/plain", "the notes")))
                .build())));
    McpSyncServer[] self = new McpSyncServer[1];
    tools.add(tool("add_tool", "Adds the tool extra.", Map.of(), (ex, req) -> {
      self[0].addTool(tool("extra", "Added later.", Map.of(), (e2, r2) -> text("extra ok")));
      self[0].notifyToolsListChanged();
      return text("added");
    }));
    McpSyncServer server = spec.serverInfo("agentry-test", "1.0")
        .capabilities(McpSchema.ServerCapabilities.builder().tools(true).build())
        .tools(tools)
        .build();
    self[0] = server;
    return server;
  }

  private static void markSlow() {
    String mark = System.getenv("MCP_TEST_MARK");
    if (mark != null) {
      try {
        Files.writeString(Path.of(mark), "slow\n", java.nio.file.StandardOpenOption.APPEND);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }

  private static double number(McpSchema.CallToolRequest request, String name) {
    return ((Number) request.arguments().get(name)).doubleValue();
  }

  private static McpSchema.CallToolResult text(String text) {
    return McpSchema.CallToolResult.builder().addTextContent(text).build();
  }

  private static SyncToolSpecification tool(String name, String description, Map<String, Object> properties,
      java.util.function.BiFunction<io.modelcontextprotocol.server.McpSyncServerExchange, McpSchema.CallToolRequest,
          McpSchema.CallToolResult> handler) {
    McpSchema.Tool.Builder tool = McpSchema.Tool.builder().name(name).description(description);
    if (!properties.isEmpty()) {
      tool.inputSchema(Map.of("type", "object", "properties", properties));
    } else {
      tool.inputSchema(Map.of("type", "object"));
    }
    return new SyncToolSpecification(tool.build(), handler);
  }

  /** The server over HTTP in this JVM: streamable HTTP at {@code http://127.0.0.1:PORT/mcp}, or SSE. */
  public static final class Http implements AutoCloseable {
    private final Server jetty;
    private final McpSyncServer server;
    /** The {@code X-Test} header of every request, as received. */
    public final List<String> testHeaders = new CopyOnWriteArrayList<>();

    private final String path;

    private Http(Server jetty, McpSyncServer server, String path) {
      this.jetty = jetty;
      this.server = server;
      this.path = path;
    }

    public static Http start() throws Exception {
      HttpServletStreamableServerTransportProvider provider = HttpServletStreamableServerTransportProvider.builder()
          .jsonMapper(McpJsonDefaults.getMapper()).mcpEndpoint("/mcp").build();
      return start(provider, build(McpServer.sync(provider)), "/mcp");
    }

    /** The server over the older HTTP+SSE transport, its event stream at {@code /sse}. */
    public static Http startSse() throws Exception {
      HttpServletSseServerTransportProvider provider = HttpServletSseServerTransportProvider.builder()
          .jsonMapper(McpJsonDefaults.getMapper()).sseEndpoint("/sse").messageEndpoint("/message").build();
      return start(provider, build(McpServer.sync(provider)), "/sse");
    }

    private static Http start(jakarta.servlet.http.HttpServlet provider, McpSyncServer server, String path)
        throws Exception {
      Server jetty = new Server();
      ServerConnector connector = new ServerConnector(jetty);
      connector.setHost("127.0.0.1");
      connector.setPort(0);
      jetty.addConnector(connector);
      ServletContextHandler context = new ServletContextHandler();
      ServletHolder holder = new ServletHolder(provider);
      holder.setAsyncSupported(true);
      context.addServlet(holder, "/*");
      Http http = new Http(jetty, server, path);
      context.addFilter((request, response, chain) -> {
        String header = ((HttpServletRequest) request).getHeader("X-Test");
        if (header != null) {
          http.testHeaders.add(header);
        }
        chain.doFilter(request, response);
      }, "/*", EnumSet.of(DispatcherType.REQUEST));
      jetty.setHandler(context);
      jetty.start();
      return http;
    }

    public String url() {
      return "http://127.0.0.1:" + ((ServerConnector) jetty.getConnectors()[0]).getLocalPort() + path;
    }

    @Override
    public void close() throws Exception {
      server.close();
      jetty.stop();
    }
  }
}
