package dev.agentry.engine.event;

/** Reads and caches the {@link EventName} of each event class. */
final class EventNames {
  private static final ClassValue<String> NAMES = new ClassValue<>() {
    @Override
    protected String computeValue(Class<?> type) {
      EventName name = type.getAnnotation(EventName.class);
      if (name == null) {
        throw new IllegalStateException(type.getName() + " has no @EventName");
      }
      return name.value();
    }
  };

  private EventNames() {}

  static String of(Class<?> type) {
    return NAMES.get(type);
  }
}
