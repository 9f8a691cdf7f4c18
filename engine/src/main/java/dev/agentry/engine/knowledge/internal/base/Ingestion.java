package dev.agentry.engine.knowledge.internal.base;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The background work of one Knowledge: each content is read, chunked, embedded and indexed on a virtual thread of
 * its own, at most {@link #CONCURRENT} at a time; syncs of the spec's sources run here too. Counts the work not done
 * yet, for {@link #awaitIdle}.
 */
final class Ingestion implements AutoCloseable {
  /** How many contents are read and indexed at once. */
  static final int CONCURRENT = 3;
  private static final Logger LOG = LoggerFactory.getLogger(Ingestion.class);

  private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
  private final Semaphore permits = new Semaphore(CONCURRENT);
  private final Object lock = new Object();
  private int pending;
  private volatile boolean closed;

  /** Runs {@code work} in the background holding one of the content permits. */
  void ingest(Runnable work) {
    submit(work, true);
  }

  /** Runs {@code work} in the background without a permit (a sync that schedules contents). */
  void background(Runnable work) {
    submit(work, false);
  }

  boolean closed() {
    return closed;
  }

  private void submit(Runnable work, boolean permit) {
    synchronized (lock) {
      if (closed) {
        return;
      }
      pending++;
    }
    try {
      threads.execute(() -> {
        try {
          if (permit) {
            permits.acquire();
          }
          try {
            work.run();
          } finally {
            if (permit) {
              permits.release();
            }
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
          if (!closed) {
            LOG.error("knowledge background work failed", e);
          }
        } finally {
          done();
        }
      });
    } catch (RejectedExecutionException e) {
      done();
    }
  }

  private void done() {
    synchronized (lock) {
      pending--;
      lock.notifyAll();
    }
  }

  /** Waits until no work is pending; true when idle before the timeout. */
  boolean awaitIdle(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (lock) {
      while (pending > 0) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(lock, left);
      }
      return true;
    }
  }

  /** Stops the work in flight (interrupted; its contents stay PROCESSING and are ingested at the next open). */
  @Override
  public void close() {
    synchronized (lock) {
      closed = true;
    }
    threads.shutdownNow();
    try {
      if (!threads.awaitTermination(10, TimeUnit.SECONDS)) {
        LOG.warn("knowledge ingestion did not stop within 10s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
