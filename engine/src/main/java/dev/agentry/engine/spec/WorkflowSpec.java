package dev.agentry.engine.spec;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The {@code spec} of a {@code Workflow} resource as written in YAML; implements
 * {@code schemas/workflow.schema.json#/properties/spec}.
 *
 * <p>One component per schema property, in the schema's order (a drift test compares them); the descriptions live in
 * the schema. Every component is {@code null} when its YAML key is absent; defaults are applied by the compiler, not
 * here. Nested records implement the objects under {@code $defs} of the same name.
 */
public record WorkflowSpec(
    @Nullable String name,
    @Nullable String description,
    @Nullable List<Step> steps,
    @Nullable String db,
    @Nullable String sessionId,
    @Nullable String userId,
    @Nullable Map<String, Object> sessionState,
    @Nullable Boolean debugMode,
    @Nullable Boolean stream,
    @Nullable Boolean streamEvents,
    @Nullable Boolean streamExecutorEvents,
    @Nullable Boolean storeEvents,
    @Nullable List<String> eventsToSkip,
    @Nullable Boolean storeExecutorOutputs,
    @Nullable JsonNode inputSchema,
    @Nullable Map<String, Object> metadata,
    @Nullable Boolean addWorkflowHistoryToSteps,
    @Nullable Integer numHistoryRuns,
    @Nullable Boolean cacheSession,
    @Nullable Boolean telemetry) {
  /**
   * One step of a workflow, named and unique by name within the workflow; implements
   * {@code schemas/workflow.schema.json#/$defs/step}.
   */
  public record Step(
      @Nullable String name,
      @Nullable String description,
      @Nullable String agent,
      @Nullable String team,
      @Nullable String workflow,
      @Nullable List<Step> steps,
      @Nullable Condition condition,
      @Nullable Loop loop,
      @Nullable Parallel parallel,
      @Nullable Router router,
      @Nullable Integer maxRetries,
      @Nullable Integer timeoutSeconds,
      @Nullable Boolean skipOnFailure,
      @Nullable Boolean strictInputValidation,
      @Nullable Boolean addWorkflowHistory,
      @Nullable Integer numHistoryRuns,
      @Nullable String stopWhen,
      @Nullable Boolean requiresConfirmation,
      @Nullable String confirmationMessage,
      @Nullable String onReject,
      @Nullable Boolean requiresUserInput,
      @Nullable String userInputMessage,
      @Nullable List<UserInputField> userInputSchema) {}

  /** A value a person gives before a step runs; implements {@code schemas/workflow.schema.json#/$defs/userInputField}. */
  public record UserInputField(
      @Nullable String name,
      @Nullable String fieldType,
      @Nullable String description,
      @Nullable Boolean required,
      @Nullable List<Object> allowedValues) {}

  /** A conditional step; implements {@code schemas/workflow.schema.json#/$defs/condition}. */
  public record Condition(
      @Nullable String evaluator,
      @Nullable List<Step> steps,
      @Nullable List<Step> elseSteps) {}

  /** A loop step; implements {@code schemas/workflow.schema.json#/$defs/loop}. */
  public record Loop(
      @Nullable List<Step> steps,
      @Nullable String endCondition,
      @Nullable Integer maxIterations) {}

  /** A parallel step; implements {@code schemas/workflow.schema.json#/$defs/parallel}. */
  public record Parallel(
      @Nullable List<Step> steps) {}

  /** A router step; implements {@code schemas/workflow.schema.json#/$defs/router}. */
  public record Router(
      @Nullable String selector,
      @Nullable List<Step> choices,
      @Nullable Boolean requiresUserInput,
      @Nullable String userInputMessage,
      @Nullable Boolean allowMultipleSelections) {}
}
