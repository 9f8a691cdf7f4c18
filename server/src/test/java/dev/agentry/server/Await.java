package dev.agentry.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** The server tests' one way to wait: poll a condition with a deadline (never a bare sleep, never a fixed wait). */
final class Await {
  /** How long a test waits for something that should happen at once, on two busy cores. */
  static final Duration DEADLINE = Duration.ofSeconds(10);

  private Await() {}

  /** Polls {@code condition} every 2 ms until it holds; fails after the default deadline. */
  static void awaitTrue(String what, BooleanSupplier condition) {
    awaitTrue(what, DEADLINE, condition);
  }

  /** Polls {@code condition} every 2 ms until it holds; fails after {@code deadline}. */
  static void awaitTrue(String what, Duration deadline, BooleanSupplier condition) {
    long end = System.nanoTime() + deadline.toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waiting for %s", what).isLessThan(end);
      LockSupport.parkNanos(Duration.ofMillis(2).toNanos());
    }
  }
}
