package dev.agentry.server.reload;

import dev.agentry.engine.spec.SpecTree;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A watcher of the spec root that calls a reload once an edit has settled: no event for the settle window, then the
 * spec files' sizes, modification times and identities unchanged over another one.
 *
 * <p>Every directory under the root is watched, including the ones created later; hidden entries are not descended
 * into, as the loader skips them (both follow {@link SpecTree}). The root itself is always watched, so that a Kubernetes ConfigMap mount (files are
 * symlinks into {@code ..data}, which the kubelet swaps atomically) fires on the swap: names starting with
 * {@code ..} count as changes, other hidden names (editor swap files) do not. When the root is a single file, its
 * folder is watched.
 *
 * <p>Events restart one scheduled task; events that arrive while the reload runs do not start a second one, but
 * make the watcher look again once it ends, so no change is missed. A reload may decline a set that looks
 * half-written ({@link HalfWritten}); the watcher then looks again after each window, compiling again only when the
 * files changed, and once they have stayed the same for the hold time it asks for the set to be applied as it is.
 * {@link #close()} stops both threads.
 */
public final class SpecWatcher implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SpecWatcher.class);

  private final Path root;
  private final @Nullable String fileName;
  private final Path scanRoot;
  private final Duration debounce;
  private final Duration hold;
  private final Reload reload;
  private final WatchService service;
  private final Map<WatchKey, Path> dirs = new HashMap<>();
  private final ScheduledExecutorService scheduler;
  private final Thread thread;
  private final ReentrantLock lock = new ReentrantLock();
  private @Nullable ScheduledFuture<?> pending;
  private long scheduled;
  private boolean running;
  private boolean changedWhileRunning;
  private boolean closed;
  // the settling state, touched only by the scheduler's one thread
  private SpecFiles observed;
  private long lastChange = System.nanoTime();
  private SpecFiles attempted;
  private @Nullable SpecFiles held;

  /** What became of the set the watcher offered. */
  enum Verdict {
    /** Applied, or reported as failed: the edit is dealt with. */
    APPLIED,
    /** Declined as half-written: offered again when the files change, or with {@code force} after the hold. */
    HALF_WRITTEN,
    /** Not compiled, as an earlier abandoned compile still runs: offered again after the next window. */
    BUSY
  }

  /** A reload of the set the watcher saw. */
  @FunctionalInterface
  interface Reload {
    /**
     * @param changed the spec files added, removed or rewritten since the last attempt
     * @param files the spec files now
     * @param force true once the files have stayed the same for the hold time: apply them whatever they hold
     */
    Verdict attempt(Set<Path> changed, SpecFiles files, boolean force);
  }

  private SpecWatcher(Path root, Duration debounce, Duration hold, Reload reload) throws IOException {
    Path absolute = root.toAbsolutePath().normalize();
    boolean file = Files.isRegularFile(absolute);
    this.root = file ? absolute.getParent() : absolute;
    this.fileName = file ? absolute.getFileName().toString() : null;
    this.scanRoot = absolute;
    this.debounce = debounce;
    this.hold = hold;
    this.reload = reload;
    this.observed = SpecFiles.scan(absolute);
    this.attempted = observed;
    this.service = FileSystems.getDefault().newWatchService();
    this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "agentry-spec-reload"));
    this.thread = daemon(this::watch, "agentry-spec-watcher");
  }

  /**
   * Starts watching {@code root} (a folder, or one spec file), calling {@code reload} after each edit once it has
   * settled ({@code debounce} without an event, the files unchanged over another); a declined set is offered again
   * with {@code force} once it has stayed the same for {@code hold}.
   *
   * @throws java.io.UncheckedIOException when the root cannot be watched
   */
  static SpecWatcher start(Path root, Duration debounce, Duration hold, Reload reload) {
    try {
      SpecWatcher watcher = new SpecWatcher(root, debounce, hold, reload);
      if (watcher.fileName == null) {
        watcher.registerTree(watcher.root);
      } else {
        watcher.register(watcher.root);
      }
      LOG.info("watching {} for spec changes ({} directories, settle {} ms, hold {} ms)", root,
          watcher.dirs.size(), debounce.toMillis(), hold.toMillis());
      watcher.thread.start();
      return watcher;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot watch " + root + ": " + e.getMessage(), e);
    }
  }

  /** Stops watching; a reload already running finishes, none starts after. Idempotent. */
  @Override
  public void close() {
    lock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      if (pending != null) {
        pending.cancel(false);
      }
    } finally {
      lock.unlock();
    }
    try {
      service.close();
    } catch (IOException e) {
      LOG.debug("closing the watch service failed", e);
    }
    scheduler.shutdown();
  }

  private void watch() {
    while (true) {
      WatchKey key;
      try {
        key = service.take();
      } catch (InterruptedException | ClosedWatchServiceException e) {
        return;
      }
      Path dir = dirs.get(key);
      boolean changed = false;
      for (WatchEvent<?> event : key.pollEvents()) {
        changed |= handle(dir, event);
      }
      if (!key.reset()) {
        dirs.remove(key);
      }
      if (changed) {
        changed();
      }
    }
  }

  /** Registers a new folder and tells whether the event is a change the specs may see. */
  private boolean handle(@Nullable Path dir, WatchEvent<?> event) {
    if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
      if (fileName == null) {
        registerQuietly(root); // events were lost: pick up any folder created meanwhile
      }
      return true;
    }
    if (dir == null || !(event.context() instanceof Path name)) {
      return false;
    }
    String entry = name.toString();
    if (fileName != null) {
      return entry.equals(fileName) || entry.startsWith("..");
    }
    if (SpecTree.isHidden(name) && !entry.startsWith("..")) {
      return false;
    }
    Path child = dir.resolve(name);
    if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && !SpecTree.isHidden(name)
        && Files.isDirectory(child)) {
      registerQuietly(child);
    }
    return true;
  }

  /** Schedules the reload {@code debounce} from now, replacing one not yet started. */
  private void changed() {
    lock.lock();
    try {
      if (closed) {
        return;
      }
      if (running) {
        changedWhileRunning = true;
        return;
      }
      if (pending != null) {
        pending.cancel(false);
      }
      long generation = ++scheduled;
      pending = scheduler.schedule(() -> runReload(generation), debounce.toMillis(), TimeUnit.MILLISECONDS);
    } finally {
      lock.unlock();
    }
  }

  /** Looks at the files and reloads once they settled, unless closed or superseded by a later change. */
  private void runReload(long generation) {
    lock.lock();
    try {
      if (closed || generation != scheduled) {
        return;
      }
      running = true;
      changedWhileRunning = false;
      pending = null;
    } finally {
      lock.unlock();
    }
    boolean settled = false; // a look that threw is taken again after the window, not dropped until the next event
    try {
      settled = settle();
    } catch (RuntimeException e) {
      LOG.error("spec reload failed unexpectedly; still serving the last good specs", e);
    } finally {
      boolean again;
      lock.lock();
      try {
        running = false;
        again = changedWhileRunning || !settled;
      } finally {
        lock.unlock();
      }
      if (again) {
        changed();
      }
    }
  }

  /**
   * One look at the spec files: false while they are still changing, while the reload declines them as
   * half-written and they have not stayed the same for the hold time, or while an abandoned compile still runs (the
   * watcher then looks again after a window).
   */
  private boolean settle() {
    SpecFiles now = SpecFiles.scan(scanRoot);
    long at = System.nanoTime();
    if (!now.equals(observed)) {
      observed = now;
      lastChange = at;
      return false;
    }
    boolean force = at - lastChange >= hold.toNanos();
    if (now.equals(held) && !force) {
      return false; // declined as it is, and unchanged since: compiling it again would decline it again
    }
    return switch (reload.attempt(now.changedSince(attempted), now, force)) {
      case APPLIED -> {
        attempted = now;
        held = null;
        yield true;
      }
      case HALF_WRITTEN -> {
        held = now;
        yield false;
      }
      case BUSY -> false;
    };
  }

  private void registerQuietly(Path dir) {
    try {
      registerTree(dir);
    } catch (IOException | java.io.UncheckedIOException e) {
      LOG.warn("cannot watch {}: {}", dir, e.getMessage());
    }
  }

  /**
   * Registers {@code top} and every folder under it that the loader walks ({@link SpecTree}: symlinks followed,
   * hidden ones aside); unreadable folders are left to the loader, which reports them as diagnostics.
   */
  private void registerTree(Path top) throws IOException {
    SpecTree.walk(top, new SpecTree.Visitor() {
      @Override
      public void folder(Path dir) throws IOException {
        register(dir);
      }

      @Override
      public void specFile(Path file, BasicFileAttributes attrs) {
        // files need no registration: their folder's events cover them
      }
    });
  }

  private void register(Path dir) throws IOException {
    try {
      WatchKey key = dir.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE,
          StandardWatchEventKinds.ENTRY_MODIFY);
      dirs.put(key, dir);
    } catch (ClosedWatchServiceException e) {
      // closing: nothing more to watch
    }
  }

  private static Thread daemon(Runnable task, String name) {
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    return thread;
  }
}
