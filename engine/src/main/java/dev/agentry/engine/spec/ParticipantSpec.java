package dev.agentry.engine.spec;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The fields an agent's spec and a team's spec share, the settings of whoever runs the loop (an agent or a team's
 * leader): context, history, retries, limits, session defaults, tools, events and media. {@link AgentSpec} and
 * {@link TeamSpec} implement it with their record components, so the compiler reads both the same way.
 */
public interface ParticipantSpec {
  @Nullable String knowledge();

  @Nullable Map<String, Object> knowledgeFilters();

  @Nullable Boolean enableAgenticKnowledgeFilters();

  @Nullable Boolean addKnowledgeToContext();

  @Nullable String referencesFormat();

  @Nullable Boolean searchKnowledge();

  @Nullable Boolean updateKnowledge();

  @Nullable String model();

  @Nullable String systemMessage();

  @Nullable String description();

  @Nullable String role();

  @Nullable List<String> instructions();

  @Nullable String expectedOutput();

  @Nullable String additionalContext();

  @Nullable Boolean markdown();

  @Nullable Boolean addNameToContext();

  @Nullable Boolean addDatetimeToContext();

  @Nullable String timezoneIdentifier();

  @Nullable Boolean resolveInContext();

  @Nullable Boolean addSessionStateToContext();

  @Nullable Boolean addDependenciesToContext();

  @Nullable List<JsonNode> additionalInput();

  @Nullable Boolean addHistoryToContext();

  @Nullable Integer numHistoryRuns();

  @Nullable Integer numHistoryMessages();

  @Nullable Integer maxToolCallsFromHistory();

  @Nullable Integer retries();

  @Nullable Integer delayBetweenRetries();

  @Nullable Boolean exponentialBackoff();

  @Nullable JsonNode toolChoice();

  @Nullable Integer maxTurns();

  @Nullable Double timeoutSeconds();

  @Nullable Integer toolCallLimit();

  @Nullable String sessionId();

  @Nullable String userId();

  @Nullable Map<String, Object> sessionState();

  @Nullable Map<String, Object> dependencies();

  @Nullable Map<String, Object> metadata();

  @Nullable List<AgentSpec.ToolRef> tools();

  @Nullable List<String> toolHooks();

  @Nullable Boolean streamEvents();

  @Nullable Boolean storeEvents();

  @Nullable Boolean sendMediaToModel();

  @Nullable Boolean storeMedia();

  /** The Database resource its runs are stored in; null for the default database. */
  @Nullable String db();
  @Nullable Boolean enableAgenticState();

  @Nullable Boolean overwriteDbSessionState();

  @Nullable String systemMessageRole();

  @Nullable String introduction();

  @Nullable Boolean addLocationToContext();

  AgentSpec.@Nullable Location location();

  @Nullable Boolean storeToolMessages();

  @Nullable Boolean storeHistoryMessages();

  @Nullable List<String> eventsToSkip();

  @Nullable Boolean debugMode();

  @Nullable Integer debugLevel();

  AgentSpec.@Nullable MemoryManager memoryManager();

  @Nullable Boolean enableUserMemories();

  @Nullable Boolean enableAgenticMemory();

  @Nullable Boolean addMemoriesToContext();

  @Nullable Boolean enableSessionSummaries();

  @Nullable Boolean addSessionSummaryToContext();

  AgentSpec.@Nullable SessionSummaryManager sessionSummaryManager();

  @Nullable Boolean searchSessionHistory();

  @Nullable Integer numHistorySessions();

  @Nullable Boolean readChatHistory();

  @Nullable String parserModel();

  @Nullable String parserModelPrompt();

  @Nullable String outputModel();

  @Nullable String outputModelPrompt();

  @Nullable Boolean parseResponse();

  @Nullable Boolean useJsonMode();

  @Nullable Boolean compressToolResults();

  AgentSpec.@Nullable CompressionManager compressionManager();
}
