package dev.agentry.engine.run;

import dev.agentry.engine.event.EventSink;
import dev.agentry.engine.event.RunEvent;

/**
 * A sink that several threads may send to: a team run's, into which the leader and its members (in parallel, in
 * broadcast mode) send their events. Each event reaches the wrapped sink whole, one at a time, in the order sent.
 */
final class SerialSink implements EventSink {
  private final EventSink sink;

  SerialSink(EventSink sink) {
    this.sink = sink;
  }

  @Override
  public synchronized void accept(RunEvent event) {
    sink.accept(event);
  }
}
