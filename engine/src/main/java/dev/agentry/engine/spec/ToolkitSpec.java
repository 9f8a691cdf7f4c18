package dev.agentry.engine.spec;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The {@code spec} of a {@code Toolkit} resource as written in YAML; implements
 * {@code schemas/toolkit.schema.json#/properties/spec}.
 *
 * <p>One component per schema property, in the schema's order (a drift test compares them); the descriptions live in
 * the schema. Every component is {@code null} when its YAML key is absent; defaults are applied by the compiler, not
 * here. Nested records implement the objects under {@code $defs} of the same name; the settings of the kinds
 * {@code mcp}, {@code http} and {@code openapi} stay trees, read by their {@link dev.agentry.engine.tool.ToolkitKind}.
 */
public record ToolkitSpec(
    @Nullable String builtin,
    @Nullable Map<String, Object> options,
    @Nullable JsonNode mcp,
    @Nullable JsonNode http,
    @Nullable JsonNode openapi,
    @Nullable String plugin,
    @Nullable List<Function> functions,
    @Nullable List<String> includeTools,
    @Nullable List<String> excludeTools,
    @Nullable List<String> requiresConfirmationTools,
    @Nullable List<String> externalExecutionRequiredTools,
    @Nullable List<String> stopAfterToolCallTools,
    @Nullable List<String> showResultTools,
    @Nullable String instructions,
    @Nullable Boolean addInstructions,
    @Nullable Boolean cacheResults,
    @Nullable Integer cacheTtl) {

  /**
   * A function the model can call and the client executes or answers; implements
   * {@code schemas/toolkit.schema.json#/$defs/function}.
   */
  public record Function(
      @Nullable String name,
      @Nullable String description,
      @Nullable JsonNode parameters,
      @Nullable Boolean externalExecution,
      @Nullable Boolean requiresConfirmation,
      @Nullable Boolean requiresUserInput,
      @Nullable List<String> userInputFields,
      @Nullable Boolean stopAfterToolCall,
      @Nullable Boolean showResult) {}
}
