package dev.agentry.engine.hook;

/** Agno's check triggers ({@code agno.exceptions.CheckTrigger}): the {@code error_id} of a refused run. */
public final class CheckTrigger {
  public static final String OFF_TOPIC = "off_topic";
  public static final String INPUT_NOT_ALLOWED = "input_not_allowed";
  public static final String OUTPUT_NOT_ALLOWED = "output_not_allowed";
  public static final String VALIDATION_FAILED = "validation_failed";
  public static final String PROMPT_INJECTION = "prompt_injection";
  public static final String PII_DETECTED = "pii_detected";

  private CheckTrigger() {}
}
