package dev.agentry.engine.run;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Random version-4 UUIDs for run and session ids. Ids are identifiers, not secrets, so they come from
 * {@link ThreadLocalRandom} instead of {@link UUID#randomUUID()}'s SecureRandom, which costs far more per run.
 */
final class Ids {
  private Ids() {}

  static String newId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long msb = (random.nextLong() & 0xffffffffffff0fffL) | 0x0000000000004000L;
    long lsb = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
    return new UUID(msb, lsb).toString();
  }

  /** A new instance id: unique across processes and machines, so drawn from SecureRandom (once per engine). */
  static String newInstanceId() {
    return UUID.randomUUID().toString();
  }
}
