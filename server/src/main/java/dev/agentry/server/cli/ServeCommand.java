package dev.agentry.server.cli;

import dev.agentry.engine.store.StoreException;
import dev.agentry.server.AgentServer;
import dev.agentry.server.config.ServerSettings;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code agentry serve [--specs DIR] [--port 7777] [--host 127.0.0.1] [--db URL] [--plugins DIR]
 * [--advertise-url URL]}: serves the specs over the AgentOS-compatible HTTP API, reloading them when a file changes,
 * until interrupted (Ctrl-C or SIGTERM shut down gracefully).
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = "Serve the specs over the AgentOS-compatible HTTP API, reloading them on every change.")
final class ServeCommand implements Callable<Integer> {
  @CommandLine.Mixin SpecSetOptions specSet;

  @Option(names = "--port", defaultValue = "${env:AGENTRY_PORT:-7777}", paramLabel = "PORT",
      description = "Port to listen on; 0 picks a free one (default: 7777)")
  int port;

  @Option(names = "--host", defaultValue = "${env:AGENTRY_HOST:-127.0.0.1}", paramLabel = "HOST",
      description = "Address to listen on; 0.0.0.0 for every interface (default: 127.0.0.1)")
  String host;

  @Option(names = "--advertise-url", defaultValue = "${env:AGENTRY_ADVERTISE_URL}", paramLabel = "URL",
      description = "Base URL the other instances on the same database reach this one on, to forward a resumed "
          + "stream (default: http://HOST:PORT, the host name when bound to 0.0.0.0)")
  String advertiseUrl;

  @Option(names = "--no-watch", description = "Do not reload the specs when a file changes")
  boolean noWatch;

  @Option(names = "--shutdown-grace", defaultValue = "10", paramLabel = "SECONDS",
      description = "How long runs in flight may finish after a shutdown signal before they are cancelled "
          + "(default: 10)")
  int shutdownGrace;

  @Option(names = "--reload-timeout", defaultValue = "10", paramLabel = "SECONDS",
      description = "How long a reload may compile the specs before it is abandoned and the live specs kept "
          + "(default: 10)")
  int reloadTimeout;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    AgentServer server;
    try {
      server = AgentServer.create(ServerSettings.create(s -> s.specs(specSet.specs).port(port).host(host)
          .dbUrl(specSet.dbUrl).plugins(specSet.plugins).advertiseUrl(advertiseUrl)
          .watch(!noWatch).reloadTimeout(java.time.Duration.ofSeconds(reloadTimeout))
          .shutdownGrace(java.time.Duration.ofSeconds(shutdownGrace)))).start();
    } catch (AgentServer.ServerStartException e) {
      e.diagnostics().forEach(d -> err.println(d.render(ValidateCommand.display(d.file()))));
      err.println("error: " + e.getMessage() + (e.diagnostics().isEmpty() ? "" : " fix them first (agentry validate "
          + specSet.specs + ")"));
      err.flush();
      return 1;
    } catch (StoreException e) {
      err.println("error: " + e.getMessage());
      err.flush();
      return 1;
    } catch (RuntimeException e) {
      err.println("error: cannot start the server on " + host + ":" + port + ": " + e.getMessage());
      err.flush();
      return 1;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      stopped.countDown();
    }, "agentry-shutdown"));
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }
}
