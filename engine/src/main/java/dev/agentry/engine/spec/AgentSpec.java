package dev.agentry.engine.spec;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The {@code spec} of an {@code Agent} resource as written in YAML; implements
 * {@code schemas/agent.schema.json#/properties/spec}.
 *
 * <p>One component per schema property, in the schema's order (a drift test compares them); the descriptions live in
 * the schema. Every component is {@code null} when its YAML key is absent; defaults are applied by the compiler, not
 * here. Nested records implement the objects under {@code $defs} of the same name.
 */
public record AgentSpec(
    @Nullable String model,
    @Nullable String name,
    @Nullable String userId,
    @Nullable String sessionId,
    @Nullable Map<String, Object> sessionState,
    @Nullable Boolean addSessionStateToContext,
    @Nullable Boolean enableAgenticState,
    @Nullable Boolean overwriteDbSessionState,
    @Nullable Boolean cacheSession,
    @Nullable Boolean searchSessionHistory,
    @Nullable Integer numHistorySessions,
    @Nullable Map<String, Object> dependencies,
    @Nullable Boolean addDependenciesToContext,
    @Nullable String db,
    @Nullable MemoryManager memoryManager,
    @Nullable Boolean enableAgenticMemory,
    @Nullable Boolean enableUserMemories,
    @Nullable Boolean addMemoriesToContext,
    @Nullable Boolean enableSessionSummaries,
    @Nullable Boolean addSessionSummaryToContext,
    @Nullable SessionSummaryManager sessionSummaryManager,
    @Nullable Boolean compressToolResults,
    @Nullable CompressionManager compressionManager,
    @Nullable Boolean addHistoryToContext,
    @Nullable Integer numHistoryRuns,
    @Nullable Integer numHistoryMessages,
    @Nullable String knowledge,
    @Nullable Map<String, Object> knowledgeFilters,
    @Nullable Boolean enableAgenticKnowledgeFilters,
    @Nullable Boolean addKnowledgeToContext,
    @Nullable String referencesFormat,
    @Nullable Map<String, Object> metadata,
    @Nullable List<ToolRef> tools,
    @Nullable Integer toolCallLimit,
    @Nullable Integer maxTurns,
    @Nullable Double timeoutSeconds,
    @Nullable JsonNode toolChoice,
    @Nullable Integer maxToolCallsFromHistory,
    @Nullable List<String> toolHooks,
    @Nullable List<Hook> preHooks,
    @Nullable List<Hook> postHooks,
    @Nullable Boolean reasoning,
    @Nullable String reasoningModel,
    @Nullable String reasoningAgent,
    @Nullable Integer reasoningMinSteps,
    @Nullable Integer reasoningMaxSteps,
    @Nullable Boolean readChatHistory,
    @Nullable Boolean searchKnowledge,
    @Nullable Boolean updateKnowledge,
    @Nullable Boolean readToolCallHistory,
    @Nullable Boolean sendMediaToModel,
    @Nullable Boolean storeMedia,
    @Nullable Boolean storeToolMessages,
    @Nullable Boolean storeHistoryMessages,
    @Nullable String systemMessage,
    @Nullable String systemMessageRole,
    @Nullable String introduction,
    @Nullable Boolean buildContext,
    @Nullable String description,
    @Nullable List<String> instructions,
    @Nullable String expectedOutput,
    @Nullable String additionalContext,
    @Nullable Boolean markdown,
    @Nullable Boolean addNameToContext,
    @Nullable Boolean addDatetimeToContext,
    @Nullable Boolean addLocationToContext,
    @Nullable Location location,
    @Nullable String timezoneIdentifier,
    @Nullable Boolean resolveInContext,
    @Nullable List<JsonNode> additionalInput,
    @Nullable String userMessageRole,
    @Nullable Boolean buildUserContext,
    @Nullable Integer retries,
    @Nullable Integer delayBetweenRetries,
    @Nullable Boolean exponentialBackoff,
    @Nullable JsonNode inputSchema,
    @Nullable JsonNode outputSchema,
    @Nullable String parserModel,
    @Nullable String parserModelPrompt,
    @Nullable String outputModel,
    @Nullable String outputModelPrompt,
    @Nullable Boolean parseResponse,
    @Nullable Boolean structuredOutputs,
    @Nullable Boolean useJsonMode,
    @Nullable String saveResponseToFile,
    @Nullable Boolean stream,
    @Nullable Boolean streamEvents,
    @Nullable Boolean storeEvents,
    @Nullable List<String> eventsToSkip,
    @Nullable String role,
    @Nullable Boolean debugMode,
    @Nullable Integer debugLevel,
    @Nullable Boolean telemetry) implements ParticipantSpec {
  /** A tool the model may call; implements {@code schemas/agent.schema.json#/$defs/toolRef}. */
  public record ToolRef(
      @Nullable String builtin,
      @Nullable String toolkit,
      @Nullable Map<String, Object> options,
      @Nullable List<String> includeTools,
      @Nullable List<String> excludeTools) {}

  /** A place as written, for {@code add_location_to_context}; implements {@code schemas/agent.schema.json#/$defs/location}. */
  public record Location(@Nullable String city, @Nullable String region, @Nullable String country) {}

  /** A pre or post hook; implements {@code schemas/agent.schema.json#/$defs/hook}. */
  public record Hook(
      @Nullable String guardrail,
      @Nullable String plugin,
      @Nullable Map<String, Object> options) {}

  /**
   * Settings of the memory manager, which extracts user memories from conversations; implements
   * {@code schemas/agent.schema.json#/$defs/memoryManager}.
   */
  public record MemoryManager(
      @Nullable String model,
      @Nullable String systemMessage,
      @Nullable String memoryCaptureInstructions,
      @Nullable String additionalInstructions) {}

  /**
   * Settings of the session summary manager, which summarises a session at the end of each run; implements
   * {@code schemas/agent.schema.json#/$defs/sessionSummaryManager}.
   */
  public record SessionSummaryManager(
      @Nullable String model,
      @Nullable String sessionSummaryPrompt,
      @Nullable String summaryRequestMessage) {}

  /**
   * Settings of the tool-result compression, which shortens tool results to save context space; implements
   * {@code schemas/agent.schema.json#/$defs/compressionManager}.
   */
  public record CompressionManager(
      @Nullable String model,
      @Nullable Integer compressToolResultsLimit,
      @Nullable Integer compressTokenLimit,
      @Nullable String compressToolCallInstructions) {}
}
