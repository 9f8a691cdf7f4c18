package dev.agentry.engine.hook;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A pre-hook refused the run's input (Agno's {@code InputCheckError}); the model is not called. */
public final class InputCheckException extends CheckException {
  /** Refused with the trigger {@link CheckTrigger#INPUT_NOT_ALLOWED}. */
  public InputCheckException(String message) {
    this(message, CheckTrigger.INPUT_NOT_ALLOWED, null);
  }

  public InputCheckException(String message, String checkTrigger, @Nullable Map<String, Object> additionalData) {
    super(message, checkTrigger, additionalData);
  }

  @Override
  public String type() {
    return "input_check_error";
  }
}
