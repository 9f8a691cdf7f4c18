package dev.agentry.engine.run;

import dev.agentry.engine.EngineException;

/**
 * A continue refused because an answer the paused run waits for is missing or unusable (an external call sent back
 * without its result, a required {@code user_input_schema} field without a value); nothing was run or stored. The
 * message names the tool call.
 */
public final class InvalidAnswerException extends EngineException {
  public InvalidAnswerException(String message) {
    super(message);
  }
}
