package dev.agentry.server.reload;

import dev.agentry.engine.compile.SpecCompiler;
import dev.agentry.engine.model.Catalog;
import dev.agentry.engine.run.Engine;
import dev.agentry.engine.spec.Diagnostic;
import dev.agentry.engine.spec.SourceMap;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the live spec set: builds a new {@link Catalog} beside the old one and swaps it in only when the whole set
 * compiles; keeps serving the last good one otherwise and remembers why (STYLE §27).
 *
 * <p>The swap goes through {@link Engine#reload}: runs in flight finish on the catalog they started with, new runs
 * start on the new one, and every stored run and session records the version it ran on. A reload whose content hash
 * equals the live version changes nothing. Reloads are serialized: the watcher's and {@code POST /specs/reload}'s
 * never overlap.
 */
public final class CatalogHolder {
  private static final Logger LOG = LoggerFactory.getLogger(CatalogHolder.class);

  private final Engine engine;
  private final Path root;
  private final SpecCompiler compiler;
  private final Clock clock;
  private final Function<String, @Nullable String> env;
  private final ReentrantLock reloading = new ReentrantLock();
  private final ReentrantLock watching = new ReentrantLock();
  private final AtomicReference<Live> live;
  private @Nullable SpecWatcher watcher;

  /**
   * What is served now: the catalog, when it went live, the status of each of its resources, and the last attempt
   * (which may have failed). One reference, so that a status never pairs a version with another's attempt.
   */
  private record Live(Catalog catalog, Instant loadedAt, List<ResourceStatus> resources, Attempt lastAttempt) {
    Live after(Attempt attempt) {
      return new Live(catalog, loadedAt, resources, attempt);
    }
  }

  /** How a load of the spec root ended. */
  public enum Outcome {
    /** The first load, at start-up. */
    LOADED,
    /** The specs changed and the new version is live. */
    RELOADED,
    /** The specs compiled to the live version: nothing was swapped. */
    UNCHANGED,
    /** The specs did not compile: the last good version stays live. */
    FAILED;

    /** The lower-case word of the API and the logs. */
    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * The outcome of one load of the spec root.
   *
   * @param version the version the specs compiled to; null when they did not compile
   * @param previousVersion the version that was live when the attempt started
   * @param diff what a reload added, changed and removed ({@link CatalogDiff#NONE} unless reloaded)
   * @param diagnostics the errors of a failed attempt, the warnings of a successful one
   */
  public record Attempt(Instant at, Outcome outcome, @Nullable String version, String previousVersion,
      CatalogDiff diff, List<Diagnostic> diagnostics) {
    public Attempt {
      diagnostics = List.copyOf(diagnostics);
    }

    /** True unless the specs failed to compile. */
    public boolean ok() {
      return outcome != Outcome.FAILED;
    }
  }

  /** A holder reading API keys from the process environment, for the degraded status of resources. */
  public CatalogHolder(Engine engine, Path root, SpecCompiler compiler, Clock clock) {
    this(engine, root, compiler, clock, System::getenv);
  }

  /** A holder that reads the environment through {@code env}. */
  public CatalogHolder(Engine engine, Path root, SpecCompiler compiler, Clock clock,
      Function<String, @Nullable String> env) {
    this.engine = engine;
    this.root = root;
    this.compiler = compiler;
    this.clock = clock;
    this.env = env;
    Catalog catalog = engine.catalog();
    Instant now = clock.instant();
    Attempt loaded = new Attempt(now, Outcome.LOADED, catalog.version(), catalog.version(), CatalogDiff.NONE,
        List.of());
    this.live = new AtomicReference<>(new Live(catalog, now, Readiness.of(catalog, env), loaded));
    logDegraded(live.get().resources());
  }

  /** The catalog new runs start on. */
  public Catalog current() {
    return engine.catalog();
  }

  /** The spec root: a folder, or one file. */
  public Path root() {
    return root;
  }

  /** The last load of the spec root, successful or not. */
  public Attempt lastAttempt() {
    return live.get().lastAttempt();
  }

  /** The live version, when it went live, the last attempt and the status of each live resource. */
  public SpecStatus status() {
    Live now = live.get();
    return new SpecStatus(now.catalog().version(), now.loadedAt(), root, now.lastAttempt(), now.resources());
  }

  /**
   * Loads the spec root again and swaps the catalog in when it compiles and differs from the live one; logs the
   * new version and what changed, or the diagnostics of a failure (the live catalog is then left as it is).
   */
  public Attempt reload() {
    reloading.lock();
    try {
      Catalog previous = current();
      SpecCompiler.Result result = compile();
      Catalog next = result.catalog();
      Instant at = clock.instant();
      Attempt attempt;
      if (next == null) {
        attempt = new Attempt(at, Outcome.FAILED, null, previous.version(), CatalogDiff.NONE, result.diagnostics());
        live.set(live.get().after(attempt));
        LOG.warn("specs reload failed, still serving version {}:\n{}", previous.version(),
            render(result.diagnostics()));
      } else if (next.version().equals(previous.version())) {
        attempt = new Attempt(at, Outcome.UNCHANGED, next.version(), previous.version(), CatalogDiff.NONE,
            result.diagnostics());
        live.set(live.get().after(attempt));
        LOG.debug("specs unchanged: version {}", next.version());
      } else {
        CatalogDiff diff = CatalogDiff.between(previous, next);
        List<ResourceStatus> resources = Readiness.of(next, env);
        attempt = new Attempt(at, Outcome.RELOADED, next.version(), previous.version(), diff, result.diagnostics());
        engine.reload(next);
        live.set(new Live(next, at, resources, attempt));
        LOG.info("specs reloaded: version {} -> {}; added {}, changed {}, removed {}", previous.version(),
            next.version(), diff.added(), diff.changed(), diff.removed());
        logDegraded(resources);
      }
      return attempt;
    } finally {
      reloading.unlock();
    }
  }

  /**
   * Starts reloading whenever the files under the root change, once they have been quiet for {@code debounce};
   * does nothing if already watching.
   */
  public void watch(Duration debounce) {
    watching.lock();
    try {
      if (watcher == null) {
        watcher = SpecWatcher.start(root, debounce, this::reload);
      }
    } finally {
      watching.unlock();
    }
  }

  /** Stops watching the root, if it was; a reload already running finishes. */
  public void stopWatching() {
    watching.lock();
    try {
      if (watcher != null) {
        watcher.close();
        watcher = null;
      }
    } finally {
      watching.unlock();
    }
  }

  /** Compiles the root; a failure of the loader itself (the root vanished) is one more diagnostic, not a crash. */
  private SpecCompiler.Result compile() {
    try {
      return compiler.compile(root);
    } catch (RuntimeException e) {
      LOG.debug("compiling {} failed", root, e);
      String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      return new SpecCompiler.Result(null, List.of(Diagnostic.error(root.toString(), SourceMap.Mark.UNKNOWN, "",
          "unreadable", "cannot load the specs: " + message, null)));
    }
  }

  private static String render(List<Diagnostic> diagnostics) {
    return diagnostics.stream().map(d -> "  " + d.render(d.file())).collect(Collectors.joining("\n"));
  }

  private static void logDegraded(List<ResourceStatus> resources) {
    for (ResourceStatus resource : resources) {
      if (!resource.isReady()) {
        LOG.warn("{} {} is degraded: {}", resource.kind(), resource.id(), resource.reason());
      }
    }
  }
}
