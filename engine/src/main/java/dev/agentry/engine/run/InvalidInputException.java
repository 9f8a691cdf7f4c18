package dev.agentry.engine.run;

import dev.agentry.engine.EngineException;

/**
 * A run refused before it started because its input does not match the workflow's {@code input_schema}; nothing was
 * run or stored. The message lists every problem (a 422 over HTTP).
 */
public final class InvalidInputException extends EngineException {
  public InvalidInputException(String message) {
    super(message);
  }
}
