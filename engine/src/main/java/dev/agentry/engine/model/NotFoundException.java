package dev.agentry.engine.model;

import dev.agentry.engine.EngineException;

/** Thrown by a {@code get*} lookup when nothing has the id asked for; {@code find*} returns empty instead. */
public final class NotFoundException extends EngineException {
  public NotFoundException(String message) {
    super(message);
  }
}
