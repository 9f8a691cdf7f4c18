package dev.agentry.engine;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** The await helper of the engine tests (STYLE §43): polls a condition until it holds or a generous deadline passes. */
public final class Eventually {
  private Eventually() {}

  /** Waits until {@code condition} holds; false when {@code timeout} passed first. */
  public static boolean until(Duration timeout, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
    }
    return true;
  }
}
