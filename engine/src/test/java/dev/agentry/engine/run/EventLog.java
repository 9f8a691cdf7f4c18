package dev.agentry.engine.run;

import dev.agentry.engine.event.EventSink;
import dev.agentry.engine.event.RunEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Collects a run's events for assertions. */
final class EventLog implements EventSink {
  final List<RunEvent> events = new CopyOnWriteArrayList<>();

  @Override
  public void accept(RunEvent event) {
    events.add(event);
  }

  /** The wire names, in order, with consecutive RunContent deltas folded into one "RunContent*". */
  List<String> names() {
    List<String> names = new java.util.ArrayList<>();
    for (RunEvent e : events) {
      String name = e instanceof RunEvent.RunContent ? "RunContent*" : e.name();
      if (!(name.equals("RunContent*") && !names.isEmpty() && names.getLast().equals(name))) {
        names.add(name);
      }
    }
    return names;
  }

  <T extends RunEvent> List<T> of(Class<T> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }
}
