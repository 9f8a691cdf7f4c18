package dev.agentry.engine.hook;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A post-hook refused the run's output (Agno's {@code OutputCheckError}); the output is not returned. */
public final class OutputCheckException extends CheckException {
  /** Refused with the trigger {@link CheckTrigger#OUTPUT_NOT_ALLOWED}. */
  public OutputCheckException(String message) {
    this(message, CheckTrigger.OUTPUT_NOT_ALLOWED, null);
  }

  public OutputCheckException(String message, String checkTrigger, @Nullable Map<String, Object> additionalData) {
    super(message, checkTrigger, additionalData);
  }

  @Override
  public String type() {
    return "output_check_error";
  }
}
