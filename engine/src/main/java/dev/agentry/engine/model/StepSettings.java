package dev.agentry.engine.model;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How a step runs, with the defaults of {@code schemas/workflow.schema.json#/$defs/step} applied and the workflow's
 * history settings resolved.
 *
 * @param maxRetries how many times the step runs again after a failure
 * @param timeout when the step's run is cancelled and the step fails; null for no limit
 * @param skipOnFailure whether the workflow goes on after the step still failed
 * @param strictInputValidation whether an input that does not match the executor's input_schema fails the step
 * @param historyRuns how many previous workflow runs of the session the step's input starts with; 0 for none
 * @param stopWhen when true after the step ran, the workflow stops
 * @param review what a person must give before the step runs; null when nobody is asked
 */
public record StepSettings(
    int maxRetries,
    @Nullable Duration timeout,
    boolean skipOnFailure,
    boolean strictInputValidation,
    int historyRuns,
    @Nullable CelExpression stopWhen,
    @Nullable Review review) {
  /**
   * A step that pauses the workflow before it runs: for a confirmation, for user input, or both.
   *
   * @param cancelOnReject true when a rejection cancels the workflow; false when it skips the step
   */
  public record Review(boolean requiresConfirmation, @Nullable String confirmationMessage, boolean cancelOnReject,
      boolean requiresUserInput, @Nullable String userInputMessage, List<Field> fields) {
    public Review {
      fields = List.copyOf(fields);
    }
  }

  /**
   * A field a person fills in.
   *
   * @param fieldType "str", "int", "float", "bool", "list" or "dict"
   * @param allowedValues the values allowed; empty when any is
   */
  public record Field(String name, String fieldType, @Nullable String description, boolean required,
      List<Object> allowedValues) {
    public Field {
      allowedValues = List.copyOf(allowedValues);
    }
  }
}
