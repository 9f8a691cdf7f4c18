package dev.agentry.engine.event;

/**
 * Receives the events of a run, in order, on the run's thread.
 *
 * <p>Must not block: the engine waits for nothing. A consumer that is slower than the run (a network client) puts
 * events on its own bounded queue and deals with overflow itself.
 */
@FunctionalInterface
public interface EventSink {
  /** A sink that drops every event. */
  EventSink NONE = event -> {};

  void accept(RunEvent event);
}
