package dev.agentry.engine.tool.mcp;

import dev.agentry.engine.tool.ToolkitException;
import io.modelcontextprotocol.client.McpAsyncClient;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.transport.HttpClientSseClientTransport;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * One connected session with an MCP server: the SDK's async client, and for stdio the server process. It is dead
 * once the process exited or the transport failed; the toolkit then opens a new one.
 */
final class McpConnection {
  private static final Logger LOG = LoggerFactory.getLogger(McpConnection.class);
  private static final McpSchema.Implementation CLIENT = new McpSchema.Implementation("agentry", "0.1.0");
  /** The SDK's own time limit per request stays behind the toolkit's, which answers first and says why. */
  private static final Duration MARGIN = Duration.ofSeconds(5);
  private static final Duration CLOSE_WAIT = Duration.ofSeconds(2);

  private final McpSettings settings;
  private final McpAsyncClient client;
  private final @Nullable Process process;
  private final List<McpSchema.Tool> tools;
  private final Set<CompletableFuture<?>> pending = ConcurrentHashMap.newKeySet();
  private volatile boolean dead;
  private volatile boolean closing;

  /** Raised into pending calls when the server process exits. */
  static final class ServerGone extends RuntimeException {
    final boolean delivered;

    ServerGone(String message, boolean delivered) {
      super(message, null, false, false);
      this.delivered = delivered;
    }
  }

  private McpConnection(McpSettings settings, McpAsyncClient client, @Nullable Process process,
      List<McpSchema.Tool> tools) {
    this.settings = settings;
    this.client = client;
    this.process = process;
    this.tools = List.copyOf(tools);
  }

  /**
   * Starts or connects to the server, initializes the session and lists every tool.
   *
   * @param onToolsChanged told the new list (and this connection) after the server's {@code tools/list_changed}
   */
  static McpConnection open(McpSettings settings, BiConsumer<McpConnection, List<McpSchema.Tool>> onToolsChanged) {
    McpJsonMapper mapper = McpJsonDefaults.getMapper();
    McpClientTransport transport = transport(settings, mapper);
    ConnectionHolder holder = new ConnectionHolder();
    McpAsyncClient client = McpClient.async(transport)
        .clientInfo(CLIENT)
        .requestTimeout(settings.timeout().plus(MARGIN))
        .initializationTimeout(settings.timeout())
        .toolsChangeConsumer(list -> Mono.fromRunnable(() -> {
          McpConnection connection = holder.connection;
          if (connection != null && !connection.dead) {
            onToolsChanged.accept(connection, list);
          }
        }))
        .build();
    @Nullable Process process = null;
    try {
      Mono<McpSchema.InitializeResult> initialized = client.initialize();
      if (transport instanceof StdioTransport stdio) {
        initialized = Mono.firstWithSignal(initialized, stdio.failure());
      }
      initialized.block(settings.timeout().plus(MARGIN));
      process = transport instanceof StdioTransport stdio ? stdio.process() : null;
      McpSchema.ListToolsResult listed = client.listTools().block(settings.timeout().plus(MARGIN));
      List<McpSchema.Tool> tools = listed == null || listed.tools() == null ? List.of() : listed.tools();
      McpConnection connection = new McpConnection(settings, client, process, tools);
      holder.connection = connection;
      if (process != null) {
        process.onExit().thenAccept(connection::exited);
      }
      LOG.info("MCP toolkit '{}': connected to {} ({}), {} tools", settings.name(), settings.describeServer(),
          settings.transport().key, tools.size());
      return connection;
    } catch (RuntimeException e) {
      RuntimeException failure = failure(settings, e, transport);
      if (process == null && transport instanceof StdioTransport stdio) {
        process = stdio.process();
      }
      close(settings, client, process);
      throw failure;
    }
  }

  /** Why the server could not be opened, in a sentence naming it. */
  private static RuntimeException failure(McpSettings settings, RuntimeException e, McpClientTransport transport) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      if (root instanceof TimeoutException || root instanceof IOException
          || root instanceof IllegalStateException) {
        break;
      }
      root = root.getCause();
    }
    String why = root instanceof TimeoutException
        ? "it did not answer within " + settings.timeout().toSeconds() + " seconds (timeout_seconds)"
        : root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    String stderr = transport instanceof StdioTransport stdio && !why.contains("its last output")
        ? stdio.stderr() : "";
    return new ToolkitException("MCP toolkit '" + settings.name() + "': cannot connect to "
        + settings.describeServer() + ": " + why + stderr);
  }

  private static final class ConnectionHolder {
    volatile @Nullable McpConnection connection;
  }

  private static McpClientTransport transport(McpSettings settings, McpJsonMapper mapper) {
    return switch (settings.transport()) {
      case STDIO -> {
        ServerParameters parameters = ServerParameters.builder(settings.program())
            .args(settings.args()).env(settings.env()).build();
        yield new StdioTransport(parameters, mapper, settings.baseDir(), settings.name());
      }
      case STREAMABLE_HTTP -> {
        URI url = Objects.requireNonNull(settings.url());
        HttpClientStreamableHttpTransport.Builder builder = HttpClientStreamableHttpTransport.builder(base(url))
            .jsonMapper(mapper).connectTimeout(settings.timeout())
            .httpRequestCustomizer((request, method, uri, body, context) -> headers(settings, request));
        if (!endpoint(url).isEmpty()) {
          builder.endpoint(endpoint(url));
        }
        yield builder.build();
      }
      case SSE -> {
        URI url = Objects.requireNonNull(settings.url());
        HttpClientSseClientTransport.Builder builder = HttpClientSseClientTransport.builder(base(url))
            .jsonMapper(mapper).connectTimeout(settings.timeout())
            .httpRequestCustomizer((request, method, uri, body, context) -> headers(settings, request));
        if (!endpoint(url).isEmpty()) {
          builder.sseEndpoint(endpoint(url));
        }
        yield builder.build();
      }
    };
  }

  private static void headers(McpSettings settings, HttpRequest.Builder request) {
    settings.headers().forEach(request::setHeader);
  }

  private static String base(URI url) {
    return url.getScheme() + "://" + url.getRawAuthority();
  }

  private static String endpoint(URI url) {
    String path = url.getRawPath() == null ? "" : url.getRawPath();
    return url.getRawQuery() == null ? path : path + "?" + url.getRawQuery();
  }

  List<McpSchema.Tool> tools() {
    return tools;
  }

  /** True once the server exited (even if its exit was not reported yet) or the transport failed. */
  boolean isDead() {
    if (!dead && process != null && !process.isAlive()) {
      dead = true;
    }
    return dead;
  }

  /** Marks the connection unusable (its transport failed); the next call opens a new one. */
  void markDead() {
    dead = true;
  }

  /** Sends {@code tools/call}; the future fails with {@link ServerGone} when the server exits before answering. */
  CompletableFuture<McpSchema.CallToolResult> call(String name, Map<String, Object> arguments) {
    if (isDead()) {
      return CompletableFuture.failedFuture(new ServerGone("the MCP server had stopped", false));
    }
    CompletableFuture<McpSchema.CallToolResult> future =
        client.callTool(new McpSchema.CallToolRequest(name, arguments)).toFuture();
    pending.add(future);
    future.whenComplete((result, error) -> pending.remove(future));
    if (dead) { // exited while the request was being sent
      future.completeExceptionally(new ServerGone("the MCP server stopped during the call", true));
    }
    return future;
  }

  private void exited(Process exited) {
    dead = true;
    if (!closing) {
      LOG.warn("MCP toolkit '{}': server {} exited with code {}", settings.name(), settings.describeServer(),
          exited.exitValue());
    }
    for (CompletableFuture<?> future : new ArrayList<>(pending)) {
      future.completeExceptionally(new ServerGone("the MCP server stopped during the call", true));
    }
  }

  /** Ends the session and the server process with its children; never throws, returns within a few seconds. */
  void close() {
    closing = true;
    dead = true;
    close(settings, client, process);
  }

  private static void close(McpSettings settings, McpAsyncClient client, @Nullable Process process) {
    List<ProcessHandle> tree = new ArrayList<>();
    if (process != null) {
      try {
        process.descendants().forEach(tree::add);
      } catch (RuntimeException e) {
        LOG.debug("cannot list the children of an MCP server", e);
      }
      tree.add(0, process.toHandle());
      tree.forEach(ProcessHandle::destroy);
    }
    try {
      client.closeGracefully().timeout(CLOSE_WAIT).onErrorComplete().block(CLOSE_WAIT.plusSeconds(1));
    } catch (RuntimeException e) {
      LOG.debug("MCP toolkit '{}': closing the client failed", settings.name(), e);
    }
    long deadline = System.nanoTime() + CLOSE_WAIT.toNanos();
    for (ProcessHandle handle : tree) {
      try {
        long left = Math.max(0, deadline - System.nanoTime());
        handle.onExit().get(left, TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        handle.destroyForcibly();
      } catch (Exception e) {
        handle.destroyForcibly();
      }
    }
  }
}
