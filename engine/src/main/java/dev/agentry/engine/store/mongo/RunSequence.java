package dev.agentry.engine.store.mongo;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The ordering key a run gets when first saved: the wall clock in microseconds, made strictly increasing within the
 * process. Runs saved by one process therefore list exactly in the order of their first save, even within one
 * microsecond or when the clock steps back; runs saved by different processes are ordered by their clocks (ties by
 * run id). A shared counter document would order across processes too, but costs a round trip on every new run.
 */
final class RunSequence {
  private static final AtomicLong LAST = new AtomicLong();

  private RunSequence() {}

  static long next() {
    Instant now = Instant.now();
    long micros = now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
    return LAST.updateAndGet(last -> Math.max(last + 1, micros));
  }
}
