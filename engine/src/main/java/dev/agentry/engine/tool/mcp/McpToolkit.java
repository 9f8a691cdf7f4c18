package dev.agentry.engine.tool.mcp;

import dev.agentry.engine.internal.Json;
import dev.agentry.engine.llm.Cancellation;
import dev.agentry.engine.tool.Tool;
import dev.agentry.engine.tool.ToolContext;
import dev.agentry.engine.tool.ToolDefinition;
import dev.agentry.engine.tool.ToolResult;
import dev.agentry.engine.tool.Toolkit;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpTransportSessionNotFoundException;
import java.net.ConnectException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An open MCP toolkit: the server's tools over one connection, shared by every run. When the server dies (or its
 * transport fails) the next call, or the call in flight, connects again once: a new process, a new session, the tools
 * listed again. A call that had not reached the server is then sent again; one that had is answered with an error
 * saying the server was restarted, since it may or may not have taken effect.
 */
final class McpToolkit implements Toolkit {
  private static final Logger LOG = LoggerFactory.getLogger(McpToolkit.class);
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private final McpSettings settings;
  private final ReentrantLock connecting = new ReentrantLock();
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
  private volatile @Nullable McpConnection connection;
  private volatile List<Tool> tools = List.of();
  private volatile boolean closed;

  private McpToolkit(McpSettings settings) {
    this.settings = settings;
  }

  /** Connects to the server and lists its tools; throws when it cannot. */
  static McpToolkit open(McpSettings settings) {
    McpToolkit toolkit = new McpToolkit(settings);
    McpConnection connection = McpConnection.open(settings, toolkit::toolsChanged);
    toolkit.connection = connection;
    toolkit.tools = toolkit.tools(connection.tools());
    return toolkit;
  }

  @Override
  public List<Tool> tools() {
    return tools;
  }

  @Override
  public void onToolsChanged(Runnable listener) {
    listeners.add(listener);
  }

  @Override
  public void close() {
    connecting.lock();
    try {
      closed = true;
      McpConnection open = connection;
      connection = null;
      if (open != null) {
        open.close();
      }
    } catch (RuntimeException e) {
      LOG.warn("MCP toolkit '{}' failed to close", settings.name(), e);
    } finally {
      connecting.unlock();
    }
  }

  /** Calls tool {@code name}: see the class comment for what happens when the server dies. */
  ToolResult call(String name, JsonNode arguments, ToolContext context) {
    Map<String, Object> args = arguments == null || arguments.isNull() || arguments.isMissingNode()
        ? Map.of() : Json.MAPPER.convertValue(arguments, MAP);
    McpConnection current;
    try {
      current = live(null);
    } catch (RuntimeException e) {
      return ToolResult.error(unavailable(e));
    }
    for (int attempt = 0; ; attempt++) {
      CompletableFuture<McpSchema.CallToolResult> future = current.call(name, args);
      try {
        return McpResults.of(await(future, context.cancellation()));
      } catch (CancellationException e) {
        return ToolResult.error("the call to '" + name + "' was cancelled");
      } catch (TimeoutException e) {
        future.cancel(true);
        return ToolResult.error("'" + name + "' did not answer within " + settings.timeout().toSeconds()
            + " seconds (timeout_seconds of MCP toolkit '" + settings.name() + "')");
      } catch (InterruptedException e) {
        future.cancel(true);
        Thread.currentThread().interrupt();
        return ToolResult.error("the call to '" + name + "' was interrupted");
      } catch (ExecutionException e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        if (cause instanceof TimeoutException) {
          return ToolResult.error("'" + name + "' did not answer within " + settings.timeout().toSeconds()
              + " seconds (timeout_seconds of MCP toolkit '" + settings.name() + "')");
        }
        if (cause instanceof McpError error && !current.isDead()) {
          return ToolResult.error(message(error));
        }
        current.markDead();
        boolean delivered = delivered(cause);
        LOG.warn("MCP toolkit '{}': the call to '{}' failed ({}); reconnecting to {}", settings.name(), name,
            message(cause), settings.describeServer());
        McpConnection fresh;
        try {
          fresh = live(current);
        } catch (RuntimeException failed) {
          return ToolResult.error("MCP server of toolkit '" + settings.name() + "' stopped during the call to '"
              + name + "' and could not be restarted: " + message(failed));
        }
        if (delivered || attempt > 0) {
          return ToolResult.error("MCP server of toolkit '" + settings.name() + "' stopped during the call to '"
              + name + "' and was restarted; the call did not complete (it may or may not have taken effect)");
        }
        current = fresh;
      }
    }
  }

  private McpSchema.CallToolResult await(CompletableFuture<McpSchema.CallToolResult> future,
      Cancellation cancellation) throws InterruptedException, ExecutionException, TimeoutException {
    try (Cancellation.Registration ignored = cancellation.onCancel(() -> future.cancel(true))) {
      return future.get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  /**
   * The connection to call on: the current one while it works; else, once for all the callers that saw
   * {@code failed} fail, a new one (the old one closed, the tools listed again).
   */
  /** Whether the server is known to be gone (for tests that stop it between calls). */
  boolean serverGone() {
    McpConnection current = connection;
    return current == null || current.isDead();
  }

  private McpConnection live(@Nullable McpConnection failed) {
    McpConnection current = connection;
    if (current != null && !current.isDead() && current != failed) {
      return current;
    }
    connecting.lock();
    try {
      if (closed) {
        throw new IllegalStateException("the toolkit is closed");
      }
      current = connection;
      if (current != null && !current.isDead()) {
        return current;
      }
      if (current != null) {
        current.close();
        connection = null;
      }
      LOG.warn("MCP toolkit '{}': restarting {}", settings.name(), settings.describeServer());
      McpConnection fresh = McpConnection.open(settings, this::toolsChanged);
      connection = fresh;
      replaceTools(fresh.tools());
      return fresh;
    } finally {
      connecting.unlock();
    }
  }

  private void toolsChanged(McpConnection source, List<McpSchema.Tool> listed) {
    if (source == connection) {
      LOG.info("MCP toolkit '{}': the server changed its tools ({} now)", settings.name(), listed.size());
      replaceTools(listed);
    }
  }

  private void replaceTools(List<McpSchema.Tool> listed) {
    List<Tool> next = tools(listed);
    List<ToolDefinition> before = tools.stream().map(Tool::definition).toList();
    tools = next;
    if (!before.equals(next.stream().map(Tool::definition).toList())) {
      for (Runnable listener : listeners) {
        try {
          listener.run();
        } catch (RuntimeException e) {
          LOG.warn("MCP toolkit '{}': a tools-changed listener failed", settings.name(), e);
        }
      }
    }
  }

  private List<Tool> tools(List<McpSchema.Tool> listed) {
    return listed.stream().<Tool>map(tool -> new McpTool(this, definition(tool))).toList();
  }

  /**
   * The definition the model sees; a missing input schema becomes {@code {"type":"object"}}, and its {@code $schema}
   * is dropped (some providers refuse it; the engine validates arguments by the schema's content).
   */
  static ToolDefinition definition(McpSchema.Tool tool) {
    ObjectNode schema = tool.inputSchema() == null ? Json.MAPPER.createObjectNode()
        : Json.MAPPER.valueToTree(tool.inputSchema());
    schema.remove("$schema");
    if (!schema.has("type")) {
      schema.put("type", "object");
    }
    String description = tool.description() != null ? tool.description()
        : tool.title() != null ? tool.title() : "";
    return new ToolDefinition(tool.name(), description, schema);
  }

  /**
   * False when the request surely never reached the server (it could not be sent, or an HTTP server no longer knew
   * the session), so that it may be sent again.
   */
  private static boolean delivered(Throwable cause) {
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof McpConnection.ServerGone gone) {
        return gone.delivered;
      }
      if (t instanceof ConnectException || t instanceof McpTransportSessionNotFoundException
          || t.getMessage() != null && t.getMessage().contains("Failed to enqueue message")) {
        return false;
      }
    }
    return true;
  }

  private String unavailable(RuntimeException e) {
    return "MCP server of toolkit '" + settings.name() + "' is not available: " + message(e);
  }

  private static String message(Throwable e) {
    if (e instanceof McpError error && error.getJsonRpcError() != null) {
      return error.getJsonRpcError().message();
    }
    Throwable root = e;
    while (root.getCause() != null && root.getMessage() == null) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }
}
