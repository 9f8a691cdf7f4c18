package dev.agentry.engine.store;

import dev.agentry.engine.event.ComponentKind;
import java.util.Locale;
import java.util.Optional;

/** What a session belongs to; {@link #wireName()} is the API's {@code type} value. */
public enum SessionType {
  AGENT,
  TEAM,
  WORKFLOW;

  /** "agent", "team" or "workflow". */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The type of the sessions of runs of {@code kind}. */
  public static SessionType of(ComponentKind kind) {
    return switch (kind) {
      case AGENT -> AGENT;
      case TEAM -> TEAM;
      case WORKFLOW -> WORKFLOW;
    };
  }

  /** The type with this wire name, if any. */
  public static Optional<SessionType> fromWireName(String name) {
    for (SessionType type : values()) {
      if (type.wireName().equals(name)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }
}
