package dev.agentry.engine.llm.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP attempt that another thread may abort: a cancellation, or the idle timer when the server sends nothing
 * for the model's timeout. Aborting cancels the pending future and closes the body, which ends a read that is
 * blocked on it at once; the reading thread then asks {@link #cancelled()} / {@link #timedOut()} why it failed.
 */
final class InFlight implements AutoCloseable {
  /** One daemon thread checks every open body's idle time; the checks are tiny and never block. */
  private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(task -> {
    Thread thread = new Thread(task, "agentry-model-timeouts");
    thread.setDaemon(true);
    return thread;
  });

  private final ReentrantLock lock = new ReentrantLock();
  private @Nullable CompletableFuture<?> future;
  private @Nullable InputStream body;
  private @Nullable ScheduledFuture<?> idleCheck;
  private volatile boolean cancelled;
  private volatile boolean timedOut;
  private volatile long lastRead = System.nanoTime();

  /** Tracks the pending send; cancels it at once when the attempt was already aborted. */
  void attach(CompletableFuture<?> pending) {
    lock.lock();
    try {
      future = pending;
    } finally {
      lock.unlock();
    }
    if (aborted()) {
      pending.cancel(true);
    }
  }

  /** Tracks the body and starts the idle timer; returns the stream to read, which notes every read. */
  InputStream attach(InputStream stream, Duration idleTimeout) {
    long limit = idleTimeout.toNanos();
    long period = Math.clamp(idleTimeout.toMillis() / 4, 10, 1000);
    lock.lock();
    try {
      body = stream;
      lastRead = System.nanoTime();
      idleCheck = TIMER.scheduleWithFixedDelay(() -> {
        if (System.nanoTime() - lastRead > limit) {
          timedOut = true;
          abort();
        }
      }, period, period, TimeUnit.MILLISECONDS);
    } finally {
      lock.unlock();
    }
    if (aborted()) {
      closeQuietly(stream);
    }
    return new FilterInputStream(stream) {
      @Override
      public int read() throws IOException {
        int read = super.read();
        lastRead = System.nanoTime();
        return read;
      }

      @Override
      public int read(byte[] buffer, int offset, int length) throws IOException {
        int read = super.read(buffer, offset, length);
        lastRead = System.nanoTime();
        return read;
      }
    };
  }

  /** Aborts the attempt because its run was cancelled; safe from any thread, any number of times. */
  void cancel() {
    cancelled = true;
    abort();
  }

  boolean cancelled() {
    return cancelled;
  }

  boolean timedOut() {
    return timedOut && !cancelled;
  }

  /** Stops the idle timer; the caller closes the body. */
  @Override
  public void close() {
    lock.lock();
    try {
      if (idleCheck != null) {
        idleCheck.cancel(false);
      }
    } finally {
      lock.unlock();
    }
  }

  private boolean aborted() {
    return cancelled || timedOut;
  }

  private void abort() {
    CompletableFuture<?> pending;
    InputStream stream;
    ScheduledFuture<?> check;
    lock.lock();
    try {
      pending = future;
      stream = body;
      check = idleCheck;
    } finally {
      lock.unlock();
    }
    if (check != null) {
      check.cancel(false);
    }
    if (pending != null) {
      pending.cancel(true);
    }
    if (stream != null) {
      closeQuietly(stream);
    }
  }

  private static void closeQuietly(InputStream stream) {
    try {
      stream.close();
    } catch (IOException e) {
      // Closing is how we abort; a failure to close leaves nothing more to do.
    }
  }
}
