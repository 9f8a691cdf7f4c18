package dev.agentry.server.sse;

import dev.agentry.engine.event.EventSink;
import dev.agentry.engine.event.RunEvent;
import dev.agentry.engine.event.RunStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * The events of one run, numbered from 0 ({@code event_index}), for any number of readers at their own pace.
 *
 * <p>The run appends without ever waiting for a reader, so a slow client cannot stall it (STYLE §26). Readers keep
 * their own cursor; the buffer keeps the latest {@value #MAX_EVENTS} events, and a reader that falls further behind
 * is told so ({@link Batch#gap()}) instead of silently skipping events.
 */
public final class RunStream implements EventSink {
  /** The most events kept per run, as Agno's event buffer. */
  public static final int MAX_EVENTS = 10_000;

  private final String runId;
  private final boolean background;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final ArrayList<RunEvent> events = new ArrayList<>();
  private final StringBuilder content = new StringBuilder();
  private long firstIndex;
  private @Nullable RunStatus endStatus;
  private long endedAtMillis;
  private @Nullable RunStream previous;

  RunStream(String runId, boolean background) {
    this.runId = runId;
    this.background = background;
  }

  /**
   * The buffer of a continuation of the paused run that {@code previous} buffered: it holds the events of that first
   * part and numbers on from them, as a paused run keeps its counter ({@code agentos-api.md} §3.7).
   */
  RunStream(RunStream previous, boolean background) {
    this(previous.runId, background);
    previous.lock.lock();
    try {
      events.addAll(previous.events);
      firstIndex = previous.firstIndex;
    } finally {
      previous.lock.unlock();
    }
    this.previous = previous;
  }

  public String runId() {
    return runId;
  }

  /** True for a background run, whose events stay for {@code /resume} after it ends. */
  public boolean background() {
    return background;
  }

  /** Events from {@code first} on, whether the run has ended, and whether events before them were dropped. */
  public record Batch(long first, List<RunEvent> events, @Nullable RunStatus ended, boolean gap) {}

  @Override
  public void accept(RunEvent event) {
    lock.lock();
    try {
      previous = null; // the continuation has started: the buffer it continues is no longer needed
      events.add(event);
      if (event instanceof RunEvent.RunContent c && c.content() instanceof String delta
          && c.scope().runId().equals(runId)) { // a team run's own answer, not its members' interleaved ones
        content.append(delta);
      }
      if (events.size() > MAX_EVENTS) {
        int drop = MAX_EVENTS / 10;
        events.subList(0, drop).clear();
        firstIndex += drop;
      }
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Marks the run ended (or paused) with {@code status}; readers drain what is left and stop. */
  public void end(RunStatus status) {
    lock.lock();
    try {
      endStatus = status;
      endedAtMillis = System.currentTimeMillis();
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** The status the run ended with, or null while it runs. */
  public @Nullable RunStatus endStatus() {
    lock.lock();
    try {
      return endStatus;
    } finally {
      lock.unlock();
    }
  }

  /**
   * The answer streamed so far (the run's own {@code RunContent} deltas joined, not those of a team's members), for
   * listings of runs in flight.
   */
  public String contentSoFar() {
    lock.lock();
    try {
      return content.toString();
    } finally {
      lock.unlock();
    }
  }

  /** The number of events so far (the next event's index). */
  public long count() {
    lock.lock();
    try {
      return firstIndex + events.size();
    } finally {
      lock.unlock();
    }
  }

  /** The buffer this one continues, until the continuation's first event; null for a run's first buffer. */
  @Nullable RunStream previous() {
    lock.lock();
    try {
      return previous;
    } finally {
      lock.unlock();
    }
  }

  long endedAtMillis() {
    lock.lock();
    try {
      return endStatus == null ? Long.MAX_VALUE : endedAtMillis;
    } finally {
      lock.unlock();
    }
  }

  /**
   * The events from index {@code from} on, waiting up to {@code timeout} for one when there is none yet. The batch
   * is empty when the wait timed out, or when the run has ended and everything was read.
   */
  public Batch await(long from, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    lock.lock();
    try {
      while (true) {
        if (from < firstIndex) {
          return new Batch(from, List.of(), endStatus, true);
        }
        long end = firstIndex + events.size();
        if (from < end) {
          return new Batch(from, List.copyOf(events.subList((int) (from - firstIndex), events.size())), endStatus,
              false);
        }
        long left = deadline - System.nanoTime();
        if (endStatus != null || left <= 0) {
          return new Batch(from, List.of(), endStatus, false);
        }
        changed.await(left, TimeUnit.NANOSECONDS);
      }
    } finally {
      lock.unlock();
    }
  }
}
