package dev.agentry.engine.llm;

import java.util.ArrayList;
import java.util.List;
import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The cancel switch of one run, which blocking calls (a model request, a tool) hook into so that cancelling aborts
 * them at once instead of at their next check.
 *
 * <p>{@link #onCancel} registers an action (close a stream, cancel a future); it runs immediately when the run is
 * already cancelled. Close the returned registration when the call is over.
 */
public final class Cancellation {
  /** A switch that is never thrown, for callers without runs. */
  public static final Cancellation NONE = new Cancellation();

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition thrown = lock.newCondition();
  private final List<Runnable> actions = new ArrayList<>(2);
  private volatile boolean cancelled;
  private volatile Registration parent = () -> {};

  /** A registration; closing it forgets the action. */
  public interface Registration extends AutoCloseable {
    @Override
    void close();
  }

  public static Cancellation create() {
    return new Cancellation();
  }

  /**
   * A switch that is thrown with this one (a member run's, thrown when its team run is cancelled), and can also be
   * thrown on its own without throwing this one.
   */
  public Cancellation child() {
    Cancellation child = new Cancellation();
    Registration link = onCancel(child::cancel);
    child.parent = link;
    child.onCancel(link::close); // once the child is thrown, this switch need not remember it
    return child;
  }

  /**
   * Forgets the switch this one is a {@link #child()} of, so that a member run that has ended is not remembered by
   * its team run's switch until the team run ends (nothing for a switch that is no child).
   */
  public void detach() {
    parent.close();
  }

  /** True once {@link #cancel()} was called. */
  public boolean isCancelled() {
    return cancelled;
  }

  /** Throws the switch: runs every registered action once. Later calls do nothing. */
  public void cancel() {
    if (this == NONE) {
      return;
    }
    List<Runnable> toRun;
    lock.lock();
    try {
      if (cancelled) {
        return;
      }
      cancelled = true;
      thrown.signalAll();
      toRun = List.copyOf(actions);
      actions.clear();
    } finally {
      lock.unlock();
    }
    toRun.forEach(Runnable::run);
  }

  /**
   * Waits up to {@code timeout} (a retry delay, a scripted chunk delay) and returns early when the switch is thrown.
   *
   * @return true when the run was cancelled
   */
  public boolean await(Duration timeout) {
    if (timeout.isZero() || timeout.isNegative()) {
      return cancelled;
    }
    long nanos = timeout.toNanos();
    lock.lock();
    try {
      while (!cancelled && nanos > 0) {
        nanos = thrown.awaitNanos(nanos);
      }
      return cancelled;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return true;
    } finally {
      lock.unlock();
    }
  }

  /** Runs {@code action} when the switch is thrown (now, if it already was). */
  public Registration onCancel(Runnable action) {
    if (this == NONE) {
      return () -> {};
    }
    lock.lock();
    try {
      if (!cancelled) {
        actions.add(action);
        return () -> remove(action);
      }
    } finally {
      lock.unlock();
    }
    action.run();
    return () -> {};
  }

  private void remove(Runnable action) {
    lock.lock();
    try {
      actions.remove(action);
    } finally {
      lock.unlock();
    }
  }
}
