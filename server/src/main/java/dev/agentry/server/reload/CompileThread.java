package dev.agentry.server.reload;

import dev.agentry.engine.compile.SpecCompiler;
import dev.agentry.engine.spec.Diagnostic;
import dev.agentry.engine.spec.SourceMap;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where reloads compile: each compile runs on a thread of its own, and the caller (a request thread or the
 * watcher's) waits for it no longer than a time limit, so that a slow or hostile spec set never holds the API or
 * the watcher.
 *
 * <p>A compile that overruns is interrupted and abandoned: the caller gets {@link Compiled.TimedOut} and the live
 * catalog stays. Parsing does not always notice an interrupt, so an abandoned compile may run on; until it ends no
 * other compile starts ({@link Compiled.Busy}), so a hostile file cannot pile up threads and heap by being reloaded
 * again and again. The threads are platform threads, not virtual ones: a compile stuck in a CPU-bound loop would
 * otherwise hold one of the few carrier threads every request runs on.
 */
final class CompileThread {
  private static final Logger LOG = LoggerFactory.getLogger(CompileThread.class);

  private final SpecCompiler compiler;
  private final ReentrantLock lock = new ReentrantLock();
  /** The compile under way, kept while it runs (even abandoned) so that no other starts; null once it ends. */
  private @Nullable Job running;

  /** How a compile ended for its caller. */
  sealed interface Compiled {
    /** It finished within the limit (the result may still hold errors). */
    record Done(SpecCompiler.Result result) implements Compiled {}

    /** It did not finish within {@code limit} and was abandoned. */
    record TimedOut(Duration limit) implements Compiled {}

    /** An earlier compile, abandoned after its limit, is still running since {@code since}; none was started. */
    record Busy(Instant since) implements Compiled {}
  }

  private record Job(FutureTask<SpecCompiler.Result> task, Thread thread, Instant started) {}

  CompileThread(SpecCompiler compiler) {
    this.compiler = compiler;
  }

  /** Compiles {@code root}, waiting at most {@code limit} for the result. */
  Compiled compile(Path root, Duration limit) {
    Job job;
    lock.lock();
    try {
      if (running != null && !running.task().isDone()) {
        return new Compiled.Busy(running.started());
      }
      FutureTask<SpecCompiler.Result> task = new FutureTask<>(() -> compileQuietly(root)) {
        @Override
        protected void done() {
          forget(this); // the caller holds what it waits for; a finished job must not keep a whole catalog alive
        }
      };
      Thread thread = Thread.ofPlatform().daemon().name("agentry-spec-compile").unstarted(task);
      job = new Job(task, thread, Instant.now());
      running = job;
      thread.start();
    } finally {
      lock.unlock();
    }
    try {
      return new Compiled.Done(job.task().get(Math.max(0, limit.toNanos()), TimeUnit.NANOSECONDS));
    } catch (TimeoutException e) {
      job.thread().interrupt();
      LOG.warn("compiling {} took longer than {} ms: abandoned, still serving the last good specs", root,
          limit.toMillis());
      return new Compiled.TimedOut(limit);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      job.thread().interrupt();
      return new Compiled.TimedOut(limit);
    } catch (ExecutionException e) {
      return new Compiled.Done(failed(root, e.getCause())); // compileQuietly catches what it can; this is an Error
    }
  }

  /** Forgets the job of {@code task}, which has ended, unless a newer one has replaced it. */
  private void forget(FutureTask<SpecCompiler.Result> task) {
    lock.lock();
    try {
      if (running != null && running.task() == task) {
        running = null;
      }
    } finally {
      lock.unlock();
    }
  }

  /** Compiles the root; a failure of the loader itself (the root vanished) is one more diagnostic, not a crash. */
  private SpecCompiler.Result compileQuietly(Path root) {
    try {
      return compiler.compile(root);
    } catch (RuntimeException e) {
      return failed(root, e);
    }
  }

  /**
   * A compile that threw: the diagnostic says so in fixed words (an exception's own message may name classes or
   * server paths, and it is shown by {@code /specs/status}); the cause goes to the log.
   */
  private static SpecCompiler.Result failed(Path root, @Nullable Throwable e) {
    LOG.warn("compiling {} failed unexpectedly; still serving the last good specs", root, e);
    String message = e instanceof OutOfMemoryError ? "the specs need more memory than the server has"
        : "the compile failed unexpectedly (see the server log)";
    return new SpecCompiler.Result(null, List.of(Diagnostic.error(root.toString(), SourceMap.Mark.UNKNOWN, "",
        "unreadable", "cannot load the specs: " + message, null)));
  }
}
