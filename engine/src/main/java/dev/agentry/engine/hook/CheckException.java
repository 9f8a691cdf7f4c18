package dev.agentry.engine.hook;

import dev.agentry.engine.EngineException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A guardrail's refusal of a run's input or output (Agno's {@code InputCheckError} and {@code OutputCheckError}): the
 * run ends with {@code RunError} whose {@code content} is the message, {@code error_type} is {@link #type()},
 * {@code error_id} is the {@link #checkTrigger()} and {@code additional_data} is {@link #additionalData()}.
 */
public abstract sealed class CheckException extends EngineException
    permits InputCheckException, OutputCheckException {
  private final String checkTrigger;
  private final @Nullable Map<String, Object> additionalData;

  CheckException(String message, String checkTrigger, @Nullable Map<String, Object> additionalData) {
    super(message);
    this.checkTrigger = checkTrigger;
    this.additionalData = additionalData == null ? null
        : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(additionalData));
  }

  /** Agno's error type: {@code input_check_error} or {@code output_check_error}. */
  public abstract String type();

  /** Why it was refused, one of {@link CheckTrigger}'s values or a hook's own (the event's {@code error_id}). */
  public String checkTrigger() {
    return checkTrigger;
  }

  /** What the guardrail found, for the event's {@code additional_data}; null when nothing. */
  public @Nullable Map<String, Object> additionalData() {
    return additionalData;
  }
}
