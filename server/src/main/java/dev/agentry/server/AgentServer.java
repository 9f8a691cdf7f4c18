package dev.agentry.server;

import dev.agentry.engine.Builtins;
import dev.agentry.engine.compile.SpecCompiler;
import dev.agentry.engine.tool.Extensions;
import dev.agentry.server.config.DataFolder;
import dev.agentry.server.config.PluginFolder;
import dev.agentry.engine.model.Catalog;
import dev.agentry.engine.run.Engine;
import dev.agentry.engine.run.EngineConfig;
import dev.agentry.engine.spec.Diagnostic;
import dev.agentry.engine.store.Databases;
import dev.agentry.engine.store.InstanceLease;
import dev.agentry.engine.store.SessionStore;
import dev.agentry.engine.store.StoreSettings;
import dev.agentry.server.config.Instance;
import dev.agentry.server.config.ServerSettings;
import dev.agentry.server.auth.AuthSettings;
import dev.agentry.server.auth.Authentication;
import dev.agentry.server.auth.Isolation;
import dev.agentry.server.auth.ScopeCheck;
import dev.agentry.server.http.Cors;
import dev.agentry.server.http.JettyErrors;
import dev.agentry.server.http.MethodCheck;
import dev.agentry.server.http.Json;
import dev.agentry.server.http.Routes;
import dev.agentry.server.reload.CatalogHolder;
import dev.agentry.server.sse.RunStreams;
import io.javalin.Javalin;
import jakarta.servlet.DispatcherType;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import io.javalin.compression.CompressionStrategy;
import io.javalin.event.HandlerMetaInfo;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Agentry server: the AgentOS-compatible HTTP API over an {@link Engine}, on Javalin with virtual threads.
 *
 * <pre>{@code
 * try (AgentServer server = AgentServer.create(s -> s.specs(Path.of("specs")).port(0)).start()) {
 *   System.out.println(server.url());
 * }
 * }</pre>
 *
 * <p>{@link #close()} shuts down gracefully: new runs are refused with 503, runs in flight get
 * {@link ServerSettings#shutdownGrace()} to finish, then the rest are cancelled (and stored as CANCELLED) before the
 * listener and the database close.
 */
public final class AgentServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AgentServer.class);

  private final AgentOs os;
  private final Databases databases;
  private final Javalin app;
  private final List<HandlerMetaInfo> handlers = new CopyOnWriteArrayList<>();

  private AgentServer(AgentOs os, Databases databases) {
    this.os = os;
    this.databases = databases;
    this.app = Javalin.create(config -> {
      config.concurrency.useVirtualThreads = true;
      config.jetty.host = os.settings().host();
      config.jetty.port = os.settings().port();
      config.http.maxRequestSize = os.settings().maxRequestBytes();
      config.http.compressionStrategy = CompressionStrategy.NONE;
      config.http.prefer405over404 = true;
      config.router.ignoreTrailingSlashes = true;
      config.startup.showJavalinBanner = false;
      config.jsonMapper(new Json());
      config.jetty.modifyServer(server -> server.setErrorHandler(new JettyErrors()));
      config.jetty.modifyServletContextHandler(handler -> {
        handler.addFilter(new FilterHolder(new MethodCheck()), "/*", EnumSet.of(DispatcherType.REQUEST));
        handler.addFilter(new FilterHolder(new Cors(os)), "/*", EnumSet.of(DispatcherType.REQUEST));
      });
      config.events.handlerAdded(handlers::add);
      config.routes.before(ctx -> Authentication.check(os, ctx));
      config.routes.beforeMatched(ctx -> { // the route's scopes and the caller's user, before its input is read
        ScopeCheck.check(os, ctx);
        Isolation.attach(os, ctx);
      });
      Routes.register(config.routes, Routes.table(os));
      dev.agentry.server.http.WorkflowSocket.register(config.routes, os);
    });
  }

  /**
   * Loads and compiles the specs, opens the database and prepares the server; nothing listens until {@link #start}.
   *
   * @throws ServerStartException when the specs are invalid or the database cannot be opened, with a message that
   *     says what to fix
   */
  public static AgentServer create(Consumer<ServerSettings.Builder> config) {
    return create(ServerSettings.create(config));
  }

  /** As {@link #create(Consumer)}, from settings already built. */
  public static AgentServer create(ServerSettings settings) {
    Extensions extensions = PluginFolder.load(settings.plugins());
    return create(settings, SpecCompiler.create(extensions), extensions);
  }

  /**
   * As {@link #create(ServerSettings)}, compiling the specs (at start and on every reload) with a compiler of the
   * embedding application's own, e.g. one whose loader reads {@code ${env:...}} from another source.
   */
  public static AgentServer create(ServerSettings settings, SpecCompiler compiler) {
    return create(settings, compiler, Extensions.defaults());
  }

  /**
   * As {@link #create(ServerSettings, SpecCompiler)}, the engine opening toolkits through {@code extensions} (tool
   * plugins and hooks): the compiler must check the specs against the same ones.
   */
  public static AgentServer create(ServerSettings settings, SpecCompiler compiler, Extensions extensions) {
    return create(settings, compiler, extensions, engine -> {});
  }

  /**
   * As {@link #create(ServerSettings, SpecCompiler, Extensions)}, with more engine settings applied after the
   * server's own (e.g. an embedding application's or a test's {@code knowledgeOpener}).
   */
  public static AgentServer create(ServerSettings settings, SpecCompiler compiler, Extensions extensions,
      Consumer<EngineConfig.Builder> engineSettings) {
    Path specs = settings.specs();
    if (!Files.exists(specs)) {
      throw new ServerStartException("No such spec folder or file: " + specs);
    }
    SpecCompiler.Result compiled = compiler.compile(specs);
    if (!compiled.ok()) {
      throw new ServerStartException("the specs in " + specs + " are invalid:", compiled.diagnostics());
    }
    Catalog catalog = compiled.orThrow();
    Instance self = Instance.of(settings, Instant.now());
    Databases databases = Databases.open(catalog, settings.dbUrl(), AgentServer::openStore);
    try {
      Path root = Files.isDirectory(specs) ? specs : specs.toAbsolutePath().getParent();
      Engine engine = Engine.create(catalog, c -> {
        c.baseDir(root).databases(databases).extensions(extensions)
            .dataDir(DataFolder.choose(catalog, settings.dbUrl())).instanceId(self.id()).instanceUrl(self.url());
        engineSettings.accept(c);
      });
      CatalogHolder catalogs = new CatalogHolder(engine, specs, compiler, Clock.systemUTC(),
          settings.reloadTimeout(), compiled.diagnostics());
      if (!compiled.diagnostics().isEmpty()) {
        LOG.warn("the specs have {} warning(s), such as fields accepted but not acted on yet; GET /specs/status or "
            + "agentry validate lists them", compiled.diagnostics().size());
      }
      AgentOs os = new AgentOs(engine, catalogs, new RunStreams(), Instant.now(), settings, new AtomicBoolean(true),
          self);
      AuthSettings auth = AuthSettings.of(os);
      if (auth.problem() != null) {
        throw new ServerStartException("cannot verify JWTs: " + auth.problem());
      }
      LOG.info("API authentication: {}", auth.describe());
      return new AgentServer(os, databases);
    } catch (RuntimeException e) {
      databases.close();
      throw e;
    }
  }

  /**
   * Opens (and migrates) a database, warning when it is a SQLite file another live instance uses. The runs an earlier
   * process left running in it are marked interrupted by the engine's lease keeper once their instance's lease has
   * ended (at once when it already has).
   */
  private static SessionStore openStore(StoreSettings settings) {
    SessionStore store = Builtins.openStore(settings);
    try {
      warnIfSharedSqlite(settings, store);
      return store;
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
  }

  /**
   * Logs a warning when a SQLite database already shows another live instance (opened before this one's lease is
   * written, any live lease is another's): SQLite is for one instance, its file cannot be shared safely.
   */
  private static void warnIfSharedSqlite(StoreSettings settings, SessionStore store) {
    if (!settings.scheme().equals("sqlite")) {
      return;
    }
    List<String> others = store.liveInstances(Instant.now()).stream().map(InstanceLease::instanceId).toList();
    if (!others.isEmpty()) {
      LOG.warn("the SQLite database {} is in use by another live instance ({}): SQLite is single-instance; use "
          + "PostgreSQL or MongoDB to run several instances on one database", settings.maskedUrl(),
          String.join(", ", others));
    }
  }

  /** Starts listening; logs one line with the URL, the spec version and what the specs declare. */
  public AgentServer start() {
    app.start();
    if (os.settings().watch()) {
      os.catalogs().watch(os.settings().reloadDebounce(), os.settings().reloadHold());
    }
    Catalog catalog = os.catalog();
    long sinceLaunch = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    LOG.info("Agentry serving {} on {} (specs {}, version {}: {}), instance {}, ready {} ms after launch", os.osId(),
        url(), os.settings().specs(), catalog.version(), catalog.summary(), os.instance().id(), sinceLaunch);
    return this;
  }

  /** The port listened on (the one picked when the settings asked for port 0). */
  public int port() {
    return app.port();
  }

  /** The base URL, e.g. {@code http://127.0.0.1:7777}. */
  public String url() {
    return "http://" + os.settings().host() + ":" + port();
  }

  /** Every handler Javalin registered (routes and before-handlers), as Javalin reports them; the API docs test reads it. */
  public List<HandlerMetaInfo> handlers() {
    return List.copyOf(handlers);
  }

  /** The running AgentOS: engine, live catalog, streams. */
  public AgentOs os() {
    return os;
  }

  /**
   * Stops gracefully: refuses new runs (and answers {@code /health} with 503), waits up to the shutdown grace for runs
   * in flight, cancels the rest (they are stored as CANCELLED), then stops listening, stores the run endings still
   * waiting for the database, drops this instance's lease, closes the toolkits and closes the database.
   */
  @Override
  public void close() {
    os.catalogs().stopWatching();
    if (!os.accepting().getAndSet(false)) {
      return;
    }
    Engine engine = os.engine();
    long deadline = System.nanoTime() + os.settings().shutdownGrace().toNanos();
    while (!engine.activeRunIds().isEmpty() && System.nanoTime() < deadline) {
      sleep(20);
    }
    List<String> left = List.copyOf(engine.activeRunIds());
    if (!left.isEmpty()) {
      LOG.warn("shutdown: cancelling {} run(s) still in flight after the grace period", left.size());
      left.forEach(engine::cancel);
      long cancelDeadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
      while (!engine.activeRunIds().isEmpty() && System.nanoTime() < cancelDeadline) {
        sleep(20);
      }
    }
    sleep(50); // lets the last SSE frames of cancelled runs reach their clients
    app.stop();
    // the endings are stored before the lease is dropped, so no other instance marks those runs interrupted meanwhile
    int unsaved = engine.flushPendingSaves();
    if (unsaved > 0) {
      LOG.warn("shutdown: {} run ending(s) could not be stored (database unavailable); they are marked interrupted "
          + "once this instance's lease has ended (by another instance, or by the next start)", unsaved);
    }
    engine.close(); // drops this instance's lease and closes the toolkits: MCP server processes end here
    databases.close();
    LOG.info("Agentry stopped");
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The server could not start: invalid specs or an unreachable database; the message says what to fix. */
  public static final class ServerStartException extends RuntimeException {
    private final List<Diagnostic> diagnostics;

    ServerStartException(String message) {
      this(message, List.of());
    }

    ServerStartException(String message, List<Diagnostic> diagnostics) {
      super(message);
      this.diagnostics = List.copyOf(diagnostics);
    }

    /** The spec problems, when the specs were the reason. */
    public List<Diagnostic> diagnostics() {
      return diagnostics;
    }
  }
}
