package dev.agentry.engine.spec;

import dev.agentry.engine.spec.AgentSpec.CompressionManager;
import dev.agentry.engine.spec.AgentSpec.Hook;
import dev.agentry.engine.spec.AgentSpec.Location;
import dev.agentry.engine.spec.AgentSpec.MemoryManager;
import dev.agentry.engine.spec.AgentSpec.SessionSummaryManager;
import dev.agentry.engine.spec.AgentSpec.ToolRef;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The {@code spec} of a {@code Team} resource as written in YAML; implements
 * {@code schemas/team.schema.json#/properties/spec}.
 *
 * <p>One component per schema property, in the schema's order (a drift test compares them); the descriptions live in
 * the schema. Every component is {@code null} when its YAML key is absent; defaults are applied by the compiler, not
 * here. Nested records implement the objects under {@code $defs} of the same name.
 */
public record TeamSpec(
    @Nullable List<Member> members,
    @Nullable String model,
    @Nullable String name,
    @Nullable String role,
    @Nullable String mode,
    @Nullable Integer maxIterations,
    @Nullable Boolean respondDirectly,
    @Nullable Boolean determineInputForMembers,
    @Nullable Boolean delegateToAllMembers,
    @Nullable String userId,
    @Nullable String sessionId,
    @Nullable Map<String, Object> sessionState,
    @Nullable Boolean addSessionStateToContext,
    @Nullable Boolean enableAgenticState,
    @Nullable Boolean overwriteDbSessionState,
    @Nullable Boolean cacheSession,
    @Nullable Boolean resolveInContext,
    @Nullable String description,
    @Nullable List<String> instructions,
    @Nullable String expectedOutput,
    @Nullable String additionalContext,
    @Nullable Boolean markdown,
    @Nullable Boolean addDatetimeToContext,
    @Nullable Boolean addLocationToContext,
    @Nullable Location location,
    @Nullable String timezoneIdentifier,
    @Nullable Boolean addNameToContext,
    @Nullable Boolean addMemberToolsToContext,
    @Nullable String systemMessage,
    @Nullable String systemMessageRole,
    @Nullable String introduction,
    @Nullable List<JsonNode> additionalInput,
    @Nullable String db,
    @Nullable MemoryManager memoryManager,
    @Nullable Map<String, Object> dependencies,
    @Nullable Boolean addDependenciesToContext,
    @Nullable String knowledge,
    @Nullable Map<String, Object> knowledgeFilters,
    @Nullable Boolean enableAgenticKnowledgeFilters,
    @Nullable Boolean updateKnowledge,
    @Nullable Boolean addKnowledgeToContext,
    @Nullable String referencesFormat,
    @Nullable Boolean shareMemberInteractions,
    @Nullable Boolean getMemberInformationTool,
    @Nullable Boolean searchKnowledge,
    @Nullable Boolean sendMediaToModel,
    @Nullable Boolean storeMedia,
    @Nullable Boolean storeToolMessages,
    @Nullable Boolean storeHistoryMessages,
    @Nullable List<ToolRef> tools,
    @Nullable JsonNode toolChoice,
    @Nullable Integer toolCallLimit,
    @Nullable Integer maxTurns,
    @Nullable Double timeoutSeconds,
    @Nullable Integer maxToolCallsFromHistory,
    @Nullable List<String> toolHooks,
    @Nullable List<Hook> preHooks,
    @Nullable List<Hook> postHooks,
    @Nullable JsonNode inputSchema,
    @Nullable JsonNode outputSchema,
    @Nullable String parserModel,
    @Nullable String parserModelPrompt,
    @Nullable String outputModel,
    @Nullable String outputModelPrompt,
    @Nullable Boolean useJsonMode,
    @Nullable Boolean parseResponse,
    @Nullable Boolean enableAgenticMemory,
    @Nullable Boolean enableUserMemories,
    @Nullable Boolean addMemoriesToContext,
    @Nullable Boolean enableSessionSummaries,
    @Nullable SessionSummaryManager sessionSummaryManager,
    @Nullable Boolean addSessionSummaryToContext,
    @Nullable Boolean compressToolResults,
    @Nullable CompressionManager compressionManager,
    @Nullable Boolean addHistoryToContext,
    @Nullable Integer numHistoryRuns,
    @Nullable Integer numHistoryMessages,
    @Nullable Boolean addTeamHistoryToMembers,
    @Nullable Integer numTeamHistoryRuns,
    @Nullable Boolean searchSessionHistory,
    @Nullable Integer numHistorySessions,
    @Nullable Boolean readTeamHistory,
    @Nullable Boolean readChatHistory,
    @Nullable Map<String, Object> metadata,
    @Nullable Boolean reasoning,
    @Nullable String reasoningModel,
    @Nullable String reasoningAgent,
    @Nullable Integer reasoningMinSteps,
    @Nullable Integer reasoningMaxSteps,
    @Nullable Boolean stream,
    @Nullable Boolean streamEvents,
    @Nullable Boolean streamMemberEvents,
    @Nullable Boolean storeEvents,
    @Nullable List<String> eventsToSkip,
    @Nullable Boolean storeMemberResponses,
    @Nullable Boolean debugMode,
    @Nullable Integer debugLevel,
    @Nullable Boolean showMembersResponses,
    @Nullable Integer retries,
    @Nullable Integer delayBetweenRetries,
    @Nullable Boolean exponentialBackoff,
    @Nullable Boolean telemetry) implements ParticipantSpec {
  /** A team member; implements {@code schemas/team.schema.json#/$defs/member}. */
  public record Member(
      @Nullable String agent,
      @Nullable String team) {}
}
