package dev.agentry.server.reload;

import dev.agentry.engine.compile.SpecCompiler;
import dev.agentry.engine.model.Catalog;
import dev.agentry.engine.run.Engine;
import dev.agentry.engine.spec.Diagnostic;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * Holds the live spec set: builds a new {@link Catalog} beside the old one and swaps it in only when the whole set
 * compiles; keeps serving the last good one otherwise and remembers why.
 */
public final class CatalogHolder {
  private final Engine engine;
  private final Path root;
  private final SpecCompiler compiler;
  private final Clock clock;
  private final ReentrantLock reloading = new ReentrantLock();
  private volatile Attempt lastAttempt;

  /** The outcome of one load of the spec root. */
  public record Attempt(Instant at, String outcome, @Nullable String version, List<Diagnostic> diagnostics) {
    public Attempt {
      diagnostics = List.copyOf(diagnostics);
    }
  }

  public CatalogHolder(Engine engine, Path root, SpecCompiler compiler, Clock clock) {
    this.engine = engine;
    this.root = root;
    this.compiler = compiler;
    this.clock = clock;
    this.lastAttempt = new Attempt(clock.instant(), "loaded", engine.catalog().version(), List.of());
  }

  /** The catalog new runs start on. */
  public Catalog current() {
    return engine.catalog();
  }

  /** The last load of the spec root, successful or not. */
  public Attempt lastAttempt() {
    return lastAttempt;
  }

  /** Loads the spec root again and swaps the catalog in when it compiles and differs from the live one. */
  public Attempt reload() {
    reloading.lock();
    try {
      SpecCompiler.Result result = compiler.compile(root);
      Catalog next = result.catalog();
      Attempt attempt;
      if (next == null) {
        attempt = new Attempt(clock.instant(), "failed", null, result.diagnostics());
      } else if (next.version().equals(current().version())) {
        attempt = new Attempt(clock.instant(), "unchanged", next.version(), List.of());
      } else {
        engine.reload(next);
        attempt = new Attempt(clock.instant(), "reloaded", next.version(), List.of());
      }
      lastAttempt = attempt;
      return attempt;
    } finally {
      reloading.unlock();
    }
  }
}
