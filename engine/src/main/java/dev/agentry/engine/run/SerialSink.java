package dev.agentry.engine.run;

import dev.agentry.engine.event.EventSink;
import dev.agentry.engine.event.RunEvent;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A sink that several threads may send to: a team run's, into which the leader and its members (in parallel, in
 * broadcast mode) send their events. Each event reaches the wrapped sink whole, one at a time, in the order sent.
 */
final class SerialSink implements EventSink {
  private final EventSink sink;
  private final ReentrantLock lock = new ReentrantLock(); // not synchronized: a sink may block, pinning no carrier

  SerialSink(EventSink sink) {
    this.sink = sink;
  }

  @Override
  public void accept(RunEvent event) {
    lock.lock();
    try {
      sink.accept(event);
    } finally {
      lock.unlock();
    }
  }
}
