package dev.agentry.engine.run;

import dev.agentry.engine.store.StoreException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The run endings the store could not take when their runs ended (the database was unreachable), written once it is
 * back, so that a run the store saw start is never left RUNNING by an outage.
 *
 * <p>Endings are written in the order their runs ended: a virtual thread retries the oldest with backoff
 * ({@value #FIRST_DELAY_MS} ms, doubling up to {@value #MAX_DELAY_MS} ms), and a run that ends while older endings
 * wait writes them first or queues behind them. The queue is bounded ({@link #CAPACITY} endings); past that an ending
 * is refused and its run ends with a store error, to be marked interrupted by the next start's
 * {@code markInterruptedRuns}. An ending the database refuses for good (not an outage: its content, say) is replaced
 * by its fallback, the run's ERROR ending.
 */
final class PendingSaves {
  /** The most endings kept; an outage leaves only the runs in flight when it began, far fewer. */
  static final int CAPACITY = 1000;
  private static final long FIRST_DELAY_MS = 200;
  private static final long MAX_DELAY_MS = 10_000;
  private static final Logger LOG = LoggerFactory.getLogger(PendingSaves.class);

  /**
   * One ending to write.
   *
   * @param write stores the ending (the run, then its session); may throw {@link StoreException}
   * @param fallback stores the run's ERROR ending instead, when {@code write} can never succeed
   */
  record Pending(String runId, Runnable write, Runnable fallback) {}

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition waiting = lock.newCondition();
  private final ReentrantLock writing = new ReentrantLock();
  private final ArrayDeque<Pending> queue = new ArrayDeque<>();
  private boolean retrying;

  /** Queues an ending behind the others; false when the queue is full. */
  boolean offer(Pending pending) {
    lock.lock();
    try {
      if (queue.size() >= CAPACITY) {
        return false;
      }
      queue.addLast(pending);
      if (!retrying) {
        retrying = true;
        Thread.ofVirtual().name("pending-saves").start(this::retry);
      }
      return true;
    } finally {
      lock.unlock();
    }
  }

  /** How many endings wait. */
  int size() {
    lock.lock();
    try {
      return queue.size();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Writes the waiting endings, oldest first, until one fails because the database is still unreachable.
   *
   * @return true when none is left waiting
   */
  boolean flush() {
    writing.lock();
    try {
      while (true) {
        Pending next = peek();
        if (next == null) {
          return true;
        }
        try {
          next.write().run();
        } catch (StoreException e) {
          if (e.retryable()) {
            return false;
          }
          LOG.error("the ending of run {} cannot be stored ({}); storing it as an error instead", next.runId(),
              e.getMessage());
          try {
            next.fallback().run();
          } catch (StoreException again) {
            if (again.retryable()) {
              return false;
            }
            LOG.error("run {} could not be stored at all; it stays RUNNING until the next start", next.runId());
          }
        }
        remove(next);
        LOG.info("stored the ending of run {}, which had waited for the database", next.runId());
      }
    } finally {
      writing.unlock();
    }
  }

  /** The retry loop: waits, flushes, backs off, and ends when nothing is left. */
  private void retry() {
    long delay = FIRST_DELAY_MS;
    while (true) {
      lock.lock();
      try {
        if (queue.isEmpty()) {
          retrying = false;
          return;
        }
        waiting.awaitNanos(Duration.ofMillis(delay).toNanos());
      } catch (InterruptedException e) {
        retrying = false;
        return;
      } finally {
        lock.unlock();
      }
      delay = flush() ? FIRST_DELAY_MS : Math.min(delay * 2, MAX_DELAY_MS);
    }
  }

  private Pending peek() {
    lock.lock();
    try {
      return queue.peekFirst();
    } finally {
      lock.unlock();
    }
  }

  private void remove(Pending pending) {
    lock.lock();
    try {
      queue.remove(pending);
    } finally {
      lock.unlock();
    }
  }
}
