package dev.agentry.engine.tool.mcp;

import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * The SDK's stdio transport, started in the spec folder, and giving access to the process it started (the SDK keeps
 * it private; the toolkit needs it to see the server die and to end the server's own children).
 */
final class StdioTransport extends StdioClientTransport {
  private static final Logger LOG = LoggerFactory.getLogger(StdioTransport.class);
  private static final @Nullable Field PROCESS = processField();

  private static final int STDERR_KEPT = 10;

  private final Path directory;
  private final CompletableFuture<@Nullable Process> started = new CompletableFuture<>();
  private final Deque<String> lastErrors = new ArrayDeque<>();

  /** Forwards the server's stderr to the log, line by line, as from toolkit {@code name}. */
  StdioTransport(ServerParameters parameters, McpJsonMapper mapper, Path directory, String name) {
    super(parameters, mapper);
    this.directory = directory;
    setStdErrorHandler(line -> {
      LOG.info("[mcp {}] {}", name, line);
      synchronized (lastErrors) {
        if (lastErrors.size() == STDERR_KEPT) {
          lastErrors.removeFirst();
        }
        lastErrors.addLast(line);
      }
    });
  }

  @Override
  public Mono<Void> connect(Function<Mono<McpSchema.JSONRPCMessage>, Mono<McpSchema.JSONRPCMessage>> handler) {
    return super.connect(handler)
        .doOnSuccess(ignored -> started.complete(process()))
        .doOnError(started::completeExceptionally);
  }

  /**
   * Fails when the process could not be started or exits (before the session is initialized, for the caller that
   * waits on both); never completes otherwise.
   */
  <T> Mono<T> failure() {
    return Mono.fromFuture(started.thenCompose(process -> process == null
            ? new CompletableFuture<Process>() : process.onExit()))
        .flatMap(process -> Mono.error(new IllegalStateException("the server exited with code "
            + process.exitValue() + " before it answered" + stderr())));
  }

  /** The server's last lines on stderr, for an error message ("" when it wrote none). */
  String stderr() {
    synchronized (lastErrors) {
      return lastErrors.isEmpty() ? "" : "; its last output: " + String.join(" | ", lastErrors);
    }
  }

  @Override
  protected ProcessBuilder getProcessBuilder() {
    return new ProcessBuilder().directory(directory.toFile());
  }

  /** The server process once started, or null (not started, or this SDK version hides it differently). */
  @Nullable Process process() {
    if (PROCESS == null) {
      return null;
    }
    try {
      return (Process) PROCESS.get(this);
    } catch (IllegalAccessException | RuntimeException e) {
      return null;
    }
  }

  private static @Nullable Field processField() {
    try {
      Field field = StdioClientTransport.class.getDeclaredField("process");
      field.setAccessible(true);
      return field;
    } catch (NoSuchFieldException | RuntimeException e) {
      LOG.warn("cannot watch MCP server processes with this SDK version ({}): a crashed server is noticed only when "
          + "a call times out", e.toString());
      return null;
    }
  }
}
