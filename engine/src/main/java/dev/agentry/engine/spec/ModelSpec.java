package dev.agentry.engine.spec;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The {@code spec} of a {@code Model} resource as written in YAML; implements
 * {@code schemas/model.schema.json#/properties/spec}.
 *
 * <p>One component per schema property, in the schema's order (a drift test compares them); the descriptions live in
 * the schema. Every component is {@code null} when its YAML key is absent; defaults are applied by the compiler, not
 * here. Nested records implement the objects under {@code $defs} of the same name.
 */
public record ModelSpec(
    @Nullable String provider,
    @Nullable String id,
    @Nullable String baseUrl,
    @Nullable Secret apiKey,
    @Nullable String apiVersion,
    @Nullable String organization,
    @Nullable Double temperature,
    @Nullable Integer maxTokens,
    @Nullable Double topP,
    @Nullable List<String> stop,
    @Nullable Integer seed,
    @Nullable Integer timeoutSeconds,
    @Nullable Integer maxRetries,
    @Nullable Map<String, String> headers,
    @Nullable Map<String, Object> requestParams,
    @Nullable String reasoningEffort,
    @Nullable Thinking thinking,
    @Nullable List<String> inputMedia,
    @Nullable Script script) {
  /** Anthropic extended thinking; implements {@code thinking} of {@code schemas/model.schema.json}. */
  public record Thinking(@Nullable String type, @Nullable Integer budgetTokens) {}

  /** The scripted replies; implements {@code schemas/model.schema.json#/$defs/script}. */
  public record Script(
      @Nullable List<Reply> turns,
      @Nullable List<Rule> rules,
      @Nullable Integer chunkSize,
      @Nullable Integer chunkDelayMs,
      @Nullable String fallback) {}

  /** One scripted model reply; implements {@code schemas/model.schema.json#/$defs/reply}. */
  public record Reply(
      @Nullable String content,
      @Nullable String reasoning,
      @Nullable List<ToolCall> toolCalls) {}

  /**
   * A scripted reply given when its regular expression matches the latest user message; implements
   * {@code schemas/model.schema.json#/$defs/rule}.
   */
  public record Rule(
      @Nullable String when,
      @Nullable String content,
      @Nullable String reasoning,
      @Nullable List<ToolCall> toolCalls) {}

  /** A tool call made by a scripted reply; implements {@code schemas/model.schema.json#/$defs/toolCall}. */
  public record ToolCall(
      @Nullable String name,
      @Nullable JsonNode arguments) {}
}
