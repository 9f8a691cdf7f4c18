package dev.agentry.engine.run;

import dev.agentry.engine.EngineException;

/**
 * A run refused before it starts because its model cannot take one of the media sent with it (see
 * {@link dev.agentry.engine.model.MediaSupport}); nothing was run or stored. The message says which medium and what
 * the model takes.
 */
public final class UnsupportedMediaException extends EngineException {
  public UnsupportedMediaException(String message) {
    super(message);
  }
}
