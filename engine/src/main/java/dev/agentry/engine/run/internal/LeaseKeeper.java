package dev.agentry.engine.run.internal;

import dev.agentry.engine.store.InstanceLease;
import dev.agentry.engine.store.SessionStore;
import java.lang.ref.WeakReference;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps an engine instance's lease on every database it uses, so that several instances can share one database: a
 * virtual thread renews the lease every third of its duration and then marks the runs of instances whose lease ended
 * as interrupted ({@link SessionStore#markInterruptedRuns(Instant)}), once at start too; and, while the engine has
 * runs in flight, it polls the store every {@link #CANCEL_POLL} for the cancels other instances requested of them
 * ({@link SessionStore#cancelRequested}) and cancels those runs here.
 *
 * <p>A store that fails meanwhile (an outage) is logged and tried again at the next renewal; it never stops the
 * keeper. On close, the leases are dropped once no run is in flight (otherwise they end by themselves and the runs
 * left are marked by the other instances).
 */
public final class LeaseKeeper implements AutoCloseable {
  /** How often the stores are asked for cancel requests while runs are in flight. */
  public static final Duration CANCEL_POLL = Duration.ofMillis(250);
  private static final Logger LOG = LoggerFactory.getLogger(LeaseKeeper.class);
  /**
   * The keepers running in this process, by instance id: the test hook {@link #simulateCrash} finds them here. Held
   * weakly, and its thread holds it weakly too: an engine dropped without {@code close()} (in tests) is still
   * collected, and its keeper's thread then ends.
   */
  private static final Map<String, WeakReference<LeaseKeeper>> RUNNING = new ConcurrentHashMap<>();

  private final String instanceId;
  private final @Nullable String url;
  private final Duration lease;
  private final Clock clock;
  private final Supplier<List<SessionStore>> stores;
  private final Supplier<Set<String>> activeRuns;
  private final Consumer<String> cancelHere;
  private final Instant startedAt;
  private final Signal signal = new Signal();
  private final ReentrantLock lock = new ReentrantLock();
  /** When each store last took a renewal: the lease there holds until that plus {@link #lease}. */
  private final Map<SessionStore, Instant> renewed = new IdentityHashMap<>();
  /** The runs cancelled here at another instance's request, not to cancel (and log) again at each poll. */
  private final Set<String> cancelled = ConcurrentHashMap.newKeySet();

  /** What the keeper's thread waits on; holds nothing of the engine. */
  private static final class Signal {
    final ReentrantLock lock = new ReentrantLock();
    final Condition wake = lock.newCondition();
    volatile boolean stopped;
    @Nullable Thread thread;
  }

  /**
   * A keeper, not started yet.
   *
   * @param stores the stores of the databases the engine uses (asked at each renewal: a reload may add some)
   * @param activeRuns the ids of the runs in flight on the engine
   * @param cancelHere cancels a run in flight on the engine
   */
  public LeaseKeeper(String instanceId, @Nullable String url, Duration lease, Clock clock,
      Supplier<List<SessionStore>> stores, Supplier<Set<String>> activeRuns, Consumer<String> cancelHere) {
    this.instanceId = instanceId;
    this.url = url;
    this.lease = lease;
    this.clock = clock;
    this.stores = stores;
    this.activeRuns = activeRuns;
    this.cancelHere = cancelHere;
    this.startedAt = clock.instant();
  }

  /** Takes the leases and marks the runs of dead instances (now, on the caller's thread), then keeps them. */
  public void start() {
    renewAll();
    WeakReference<LeaseKeeper> self = new WeakReference<>(this);
    Signal sig = signal;
    long renewEvery = Math.max(1, lease.toNanos() / 3);
    sig.lock.lock();
    try {
      sig.thread = Thread.ofVirtual().name("lease-keeper-" + instanceId).start(() -> loop(self, sig, renewEvery));
    } finally {
      sig.lock.unlock();
    }
    RUNNING.put(instanceId, self);
  }

  /**
   * True when this instance's lease on {@code store} may have ended (it was not renewed within the lease's duration:
   * a long pause, an outage), so that another instance may have marked its runs interrupted meanwhile.
   */
  public boolean lapsed(SessionStore store) {
    lock.lock();
    try {
      Instant last = renewed.get(store);
      return last == null || !last.plus(lease).isAfter(clock.instant());
    } finally {
      lock.unlock();
    }
  }

  /**
   * Test hook: the instance {@code instanceId} of this process behaves as if its process died: its keeper stops at
   * once, without dropping its leases or touching its runs, which the other instances mark interrupted once the lease
   * ends.
   *
   * @return false when no keeper of that id runs here
   */
  public static boolean simulateCrash(String instanceId) {
    WeakReference<LeaseKeeper> ref = RUNNING.remove(instanceId);
    LeaseKeeper keeper = ref == null ? null : ref.get();
    if (keeper == null) {
      return false;
    }
    keeper.stop();
    return true;
  }

  /** Stops renewing; drops the leases when no run is in flight any more. */
  @Override
  public void close() {
    WeakReference<LeaseKeeper> ref = RUNNING.get(instanceId);
    boolean wasRunning = ref != null && ref.get() == this && RUNNING.remove(instanceId, ref);
    stop();
    if (!wasRunning) {
      return; // crashed (test hook) or never started: the leases end by themselves
    }
    if (!activeRuns.get().isEmpty()) {
      LOG.warn("instance {} stops with {} run(s) in flight; its lease ends by itself in {} and the other instances"
          + " then mark those runs interrupted", instanceId, activeRuns.get().size(), lease);
      return;
    }
    for (SessionStore store : distinct(stores.get())) {
      try {
        store.dropLease(instanceId);
      } catch (RuntimeException e) {
        LOG.warn("could not drop the lease of instance {} ({}); it ends by itself in {}", instanceId, e.getMessage(),
            lease);
      }
    }
  }

  private void stop() {
    Thread running;
    signal.lock.lock();
    try {
      signal.stopped = true;
      running = signal.thread;
      signal.wake.signalAll();
    } finally {
      signal.lock.unlock();
    }
    if (running != null && running != Thread.currentThread()) {
      try {
        running.join(Duration.ofSeconds(5));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** The keeper's thread: waits, renews every {@code renewEvery} ns, polls cancels; ends when stopped or dropped. */
  private static void loop(WeakReference<LeaseKeeper> self, Signal signal, long renewEvery) {
    long nextRenewal = System.nanoTime() + renewEvery;
    while (true) {
      signal.lock.lock();
      try {
        long wait = Math.min(nextRenewal - System.nanoTime(), CANCEL_POLL.toNanos());
        if (!signal.stopped && wait > 0) {
          signal.wake.awaitNanos(wait);
        }
        if (signal.stopped) {
          return;
        }
      } catch (InterruptedException e) {
        return;
      } finally {
        signal.lock.unlock();
      }
      LeaseKeeper keeper = self.get();
      if (keeper == null) {
        return; // its engine was dropped without close()
      }
      if (System.nanoTime() - nextRenewal >= 0) {
        keeper.renewAll();
        nextRenewal = System.nanoTime() + renewEvery;
      }
      keeper.pollCancels();
    }
  }

  /**
   * Renews the lease on every store now, then marks the runs of instances whose lease ended there: after a reload
   * added a database, before a run is stored in it.
   */
  public void renewAll() {
    if (signal.stopped) {
      return; // closed, or crashed (test hook)
    }
    for (SessionStore store : distinct(stores.get())) {
      Instant now = clock.instant();
      try {
        store.renewLease(new InstanceLease(instanceId, url, startedAt, now.plus(lease)));
        lock.lock();
        try {
          renewed.put(store, now);
        } finally {
          lock.unlock();
        }
        int marked = store.markInterruptedRuns(now);
        if (marked > 0) {
          LOG.warn("{} run(s) whose instance's lease had ended were marked interrupted", marked);
        }
      } catch (RuntimeException e) {
        LOG.warn("instance {} could not renew its lease ({}); trying again in {} ms", instanceId, e.getMessage(),
            lease.toMillis() / 3);
      }
    }
  }

  /** Cancels here the runs in flight whose cancel another instance requested. */
  private void pollCancels() {
    Set<String> active = activeRuns.get();
    cancelled.retainAll(active);
    if (active.isEmpty()) {
      return;
    }
    for (SessionStore store : distinct(stores.get())) {
      try {
        for (String runId : store.cancelRequested(active)) {
          if (cancelled.add(runId)) {
            LOG.info("run {} is cancelled at the request of another instance", runId);
            cancelHere.accept(runId);
          }
        }
      } catch (RuntimeException e) {
        LOG.warn("instance {} could not read cancel requests ({})", instanceId, e.getMessage());
      }
    }
  }

  private static Collection<SessionStore> distinct(List<SessionStore> stores) {
    Map<SessionStore, Boolean> seen = new IdentityHashMap<>();
    stores.forEach(s -> seen.put(s, true));
    return seen.keySet();
  }
}
