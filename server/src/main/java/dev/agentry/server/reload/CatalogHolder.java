package dev.agentry.server.reload;

import dev.agentry.engine.compile.SpecCompiler;
import dev.agentry.engine.model.Catalog;
import dev.agentry.engine.run.Engine;
import dev.agentry.engine.spec.Diagnostic;
import dev.agentry.engine.spec.SourceMap;
import dev.agentry.engine.store.StoreException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiFunction;
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
 * never overlap. Each compile runs on its own thread ({@link CompileThread}) and is abandoned at the time limit, so
 * that neither a request nor the watcher waits on a slow or hostile spec set for longer.
 */
public final class CatalogHolder {
  private static final Logger LOG = LoggerFactory.getLogger(CatalogHolder.class);

  private final Engine engine;
  private final Path root;
  private final CompileThread compiles;
  private final Duration timeout;
  private final Clock clock;
  private final Function<String, @Nullable String> env;
  private final ReentrantLock reloading = new ReentrantLock();
  private final ReentrantLock watching = new ReentrantLock();
  private final AtomicReference<Live> live;
  private final AtomicReference<@Nullable Waiting> waiting = new AtomicReference<>();
  private @Nullable SpecWatcher watcher;

  /**
   * What is known of the catalog served now: the catalog itself, when it went live, the status of each of its
   * resources, and the last attempt (which may have failed). One reference, set after the engine swapped its
   * catalog ({@link Engine#reload}), so that a status reads a version, its resources and its attempt together and
   * never pairs the new catalog with the attempt before it (the engine may serve the new catalog a moment before
   * the status shows it).
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
    FAILED,
    /** The compile did not finish within the reload time limit and was abandoned: the last good version stays. */
    TIMED_OUT;

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

    /** True unless the specs failed to compile or the compile was abandoned. */
    public boolean ok() {
      return switch (outcome) {
        case LOADED, RELOADED, UNCHANGED -> true;
        case FAILED, TIMED_OUT -> false;
      };
    }
  }

  /**
   * An edit the watcher holds back because it looks half-written: since when, and why. It is applied as it is once
   * the files have stayed so for the hold time.
   */
  public record Waiting(Instant since, String reason) {}

  /**
   * A holder reading API keys from the process environment, for the degraded status of resources.
   *
   * @param timeout how long a reload waits for its compile before abandoning it
   */
  public CatalogHolder(Engine engine, Path root, SpecCompiler compiler, Clock clock, Duration timeout) {
    this(engine, root, compiler, clock, timeout, List.of());
  }

  /**
   * As above, with the warnings of the compile the engine's catalog came from, which {@code /specs/status} shows as
   * those of the first load.
   */
  public CatalogHolder(Engine engine, Path root, SpecCompiler compiler, Clock clock, Duration timeout,
      List<Diagnostic> warnings) {
    this(engine, root, compiler, clock, timeout, System::getenv, warnings);
  }

  /** A holder that reads the environment through {@code env}. */
  public CatalogHolder(Engine engine, Path root, SpecCompiler compiler, Clock clock, Duration timeout,
      Function<String, @Nullable String> env) {
    this(engine, root, compiler, clock, timeout, env, List.of());
  }

  private CatalogHolder(Engine engine, Path root, SpecCompiler compiler, Clock clock, Duration timeout,
      Function<String, @Nullable String> env, List<Diagnostic> warnings) {
    this.engine = engine;
    this.root = root;
    this.compiles = new CompileThread(compiler);
    this.timeout = timeout;
    this.clock = clock;
    this.env = env;
    Catalog catalog = engine.catalog();
    Instant now = clock.instant();
    Attempt loaded = new Attempt(now, Outcome.LOADED, catalog.version(), catalog.version(), CatalogDiff.NONE,
        warnings);
    this.live = new AtomicReference<>(new Live(catalog, now, Readiness.of(catalog, env, engine.toolkitStatus(), engine.knowledgeStatus()), loaded));
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
    Catalog catalog = now.catalog();
    // toolkits open, fail and reopen between reloads: their part of the status is read now
    return new SpecStatus(catalog.version(), now.loadedAt(), root, now.lastAttempt(),
        Readiness.of(catalog, env, engine.toolkitStatus(), engine.knowledgeStatus()), waiting.get());
  }

  /**
   * Loads the spec root again now ({@code POST /specs/reload}) and swaps the catalog in when it compiles and differs
   * from the live one; logs the new version and what changed, or why it failed (the live catalog is then left as
   * it is). Answers within the reload time limit: a compile that takes longer is abandoned and the attempt is
   * {@link Outcome#TIMED_OUT}.
   */
  public Attempt reload() {
    return Objects.requireNonNull(attempt(null).attempt(), "with no half-written check, every path records one");
  }

  /**
   * The watcher's reload: as {@link #reload()}, but a set that looks half-written ({@link HalfWritten}) is not
   * applied unless {@code force}, and nothing is recorded while an earlier abandoned compile still runs.
   *
   * @param changed the files changed since the last attempt
   * @param files the spec files as they were when the attempt started
   * @return whether the set was applied, declined as half-written, or left for later behind an abandoned compile
   */
  SpecWatcher.Verdict reloadIfComplete(Set<Path> changed, SpecFiles files, boolean force) {
    return attempt((result, live) -> force ? Optional.empty() : HalfWritten.reason(changed, files, result, live))
        .verdict();
  }

  /** What one attempt came to: the attempt recorded, if any, and what the watcher should do next. */
  private record Tried(SpecWatcher.Verdict verdict, @Nullable Attempt attempt) {
    static Tried done(Attempt attempt) {
      return new Tried(SpecWatcher.Verdict.APPLIED, attempt);
    }
  }

  /** Compiles within the time limit and applies the result, unless {@code halfWritten} (when given) objects. */
  private Tried attempt(@Nullable BiFunction<SpecCompiler.Result, Catalog, Optional<String>> halfWritten) {
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      if (!reloading.tryLock(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
        return halfWritten != null ? new Tried(SpecWatcher.Verdict.BUSY, null)
            : Tried.done(timedOut(current(), "another reload of the specs is still running"));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return halfWritten != null ? new Tried(SpecWatcher.Verdict.BUSY, null)
          : Tried.done(timedOut(current(), "the reload was interrupted"));
    }
    try {
      Catalog previous = current();
      return switch (compiles.compile(root, Duration.ofNanos(deadline - System.nanoTime()))) {
        case CompileThread.Compiled.Done done -> {
          Optional<String> why = halfWritten == null ? Optional.empty() : halfWritten.apply(done.result(), previous);
          if (why.isPresent()) {
            Waiting before = waiting.get();
            if (before == null || !before.reason().equals(why.get())) {
              LOG.info("spec files look half-written ({}); waiting for the rest of the edit", why.get());
            }
            waiting.set(new Waiting(before == null ? clock.instant() : before.since(), why.get()));
            yield new Tried(SpecWatcher.Verdict.HALF_WRITTEN, null);
          }
          yield Tried.done(apply(previous, done.result()));
        }
        case CompileThread.Compiled.TimedOut t -> Tried.done(timedOut(previous, "compiling the specs took longer"
            + " than the reload time limit (" + seconds(timeout) + ") and was abandoned"));
        case CompileThread.Compiled.Busy busy -> halfWritten != null ? new Tried(SpecWatcher.Verdict.BUSY, null)
            : Tried.done(timedOut(previous, "an earlier compile of the specs, abandoned at the reload time limit, is"
                + " still running (since " + busy.since() + ")"));
      };
    } finally {
      reloading.unlock();
    }
  }

  /** Swaps in the compiled catalog if it compiled and differs from {@code previous}; records the attempt. */
  private Attempt apply(Catalog previous, SpecCompiler.Result result) {
    Catalog next = result.catalog();
    Instant at = clock.instant();
    Attempt attempt;
    if (next == null) {
      attempt = new Attempt(at, Outcome.FAILED, null, previous.version(), CatalogDiff.NONE, result.diagnostics());
      live.updateAndGet(l -> l.after(attempt));
      waiting.set(null);
      LOG.warn("specs reload failed, still serving version {}:\n{}", previous.version(),
          render(result.diagnostics()));
    } else if (next.version().equals(previous.version())) {
      attempt = new Attempt(at, Outcome.UNCHANGED, next.version(), previous.version(), CatalogDiff.NONE,
          result.diagnostics());
      live.updateAndGet(l -> l.after(attempt));
      waiting.set(null);
      LOG.debug("specs unchanged: version {}", next.version());
    } else {
      CatalogDiff diff = CatalogDiff.between(previous, next);
      attempt = new Attempt(at, Outcome.RELOADED, next.version(), previous.version(), diff, result.diagnostics());
      try {
        engine.reload(next); // opens the new databases and toolkits, outside the status lock
      } catch (StoreException e) {
        return unopened(previous, e);
      }
      List<ResourceStatus> resources = Readiness.of(next, env, engine.toolkitStatus(), engine.knowledgeStatus());
      live.set(new Live(next, at, resources, attempt));
      waiting.set(null);
      LOG.info("specs reloaded: version {} -> {}; added {}, changed {}, removed {}", previous.version(),
          next.version(), diff.added(), diff.changed(), diff.removed());
      logDegraded(resources);
    }
    return attempt;
  }

  /** Records a reload whose new database could not be opened; the live catalog stays. */
  private Attempt unopened(Catalog previous, StoreException e) {
    Diagnostic diagnostic = Diagnostic.error(root.toString(), SourceMap.Mark.UNKNOWN, "", "database-unavailable",
        e.getMessage(), "check the url of the Database resource the new specs add or change");
    Attempt attempt = new Attempt(clock.instant(), Outcome.FAILED, null, previous.version(), CatalogDiff.NONE,
        List.of(diagnostic));
    live.updateAndGet(l -> l.after(attempt));
    waiting.set(null);
    LOG.warn("specs reload failed, still serving version {}: {}", previous.version(), e.getMessage());
    return attempt;
  }

  /** Records a reload that gave up on the compile; the live catalog stays. */
  private Attempt timedOut(Catalog previous, String message) {
    Diagnostic diagnostic = Diagnostic.error(root.toString(), SourceMap.Mark.UNKNOWN, "", "reload-timeout", message,
        "look for a spec file that is very large or slow to read, or raise --reload-timeout");
    Attempt attempt = new Attempt(clock.instant(), Outcome.TIMED_OUT, null, previous.version(), CatalogDiff.NONE,
        List.of(diagnostic));
    live.updateAndGet(l -> l.after(attempt)); // atomic: this attempt may not hold the reload lock
    waiting.set(null);
    LOG.warn("specs reload abandoned, still serving version {}: {}", previous.version(), message);
    return attempt;
  }

  /**
   * Starts reloading whenever the files under the root change: once no event has come for {@code settle} and the
   * spec files have kept their size and modification time over another {@code settle}; a set that looks
   * half-written is held for up to {@code hold} (see {@link HalfWritten}). Does nothing if already watching.
   */
  public void watch(Duration settle, Duration hold) {
    watching.lock();
    try {
      if (watcher == null) {
        watcher = SpecWatcher.start(root, settle, hold,
            this::reloadIfComplete);
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

  private static String seconds(Duration duration) {
    return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
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
