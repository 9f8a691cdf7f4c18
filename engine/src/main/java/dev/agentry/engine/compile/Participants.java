package dev.agentry.engine.compile;

import dev.agentry.engine.event.ComponentKind;
import dev.agentry.engine.model.AnswerSettings;
import dev.agentry.engine.model.AnswerSettings.ResponseFile;
import dev.agentry.engine.model.CompressionSettings;
import dev.agentry.engine.model.ContextSettings;
import dev.agentry.engine.model.DebugSettings;
import dev.agentry.engine.model.HistoryAccess;
import dev.agentry.engine.model.HistorySettings;
import dev.agentry.engine.model.HookSettings;
import dev.agentry.engine.model.KnowledgeUse;
import dev.agentry.engine.model.LoopSettings;
import dev.agentry.engine.model.MessageSettings;
import dev.agentry.engine.model.MemorySettings;
import dev.agentry.engine.model.ModelDef;
import dev.agentry.engine.model.ReasoningSettings;
import dev.agentry.engine.model.Participant;
import dev.agentry.engine.model.RunLimits;
import dev.agentry.engine.model.SessionDefaults;
import dev.agentry.engine.model.StateSettings;
import dev.agentry.engine.model.StorageSettings;
import dev.agentry.engine.model.SessionSummarySettings;
import dev.agentry.engine.model.TeamMode;
import dev.agentry.engine.model.TeamSettings;
import dev.agentry.engine.spec.AgentSpec;
import dev.agentry.engine.spec.ParticipantSpec;
import dev.agentry.engine.spec.TeamSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Compiles the run settings of agents and team leaders into {@link Participant}s, and a team's delegation into
 * {@link TeamSettings}: every default of {@code agent.schema.json} and {@code team.schema.json} is applied here, once,
 * so the runtime reads no spec and checks no null.
 */
final class Participants {
  private Participants() {}

  /**
   * An agent's run settings.
   *
   * @param models resolves a model reference ({@code provider:model_id} or a Model resource's name)
   * @param folder the folder of the agent's YAML file, absolute
   * @param root the spec root, absolute
   */
  static Participant agent(String id, String name, AgentSpec spec, ModelDef model, Toolkits toolkits,
      HookSettings hooks, String defaultDb, Function<String, ModelDef> models, @Nullable JsonNode inputSchema,
      @Nullable JsonNode outputSchema, Path folder, Path root) {
    ResponseFile file = spec.saveResponseToFile() == null ? null
        : new ResponseFile(spec.saveResponseToFile(), folder, root);
    ReasoningSettings reasoning = reasoning(spec.reasoning(), spec.reasoningModel(), spec.reasoningAgent(),
        spec.reasoningMinSteps(), spec.reasoningMaxSteps(), models);
    HistoryAccess history = historyAccess(off(spec.readChatHistory()), off(spec.readToolCallHistory()), spec);
    return participant(ComponentKind.AGENT, id, name, spec, on(spec.buildContext()),
        spec.userMessageRole() == null ? "user" : spec.userMessageRole(), on(spec.buildUserContext()), model, toolkits, hooks,
        defaultDb, models, reasoning, history, inputSchema, outputSchema, off(spec.structuredOutputs()), file);
  }

  /** A team's leader; {@code read_team_history} is the old name of {@code read_chat_history} (as in Agno). */
  static Participant leader(String id, String name, TeamSpec spec, ModelDef model, Toolkits toolkits,
      HookSettings hooks, String defaultDb, Function<String, ModelDef> models, @Nullable JsonNode inputSchema,
      @Nullable JsonNode outputSchema) {
    ReasoningSettings reasoning = reasoning(spec.reasoning(), spec.reasoningModel(), spec.reasoningAgent(),
        spec.reasoningMinSteps(), spec.reasoningMaxSteps(), models);
    HistoryAccess history = historyAccess(off(spec.readChatHistory()) || off(spec.readTeamHistory()), false, spec);
    return participant(ComponentKind.TEAM, id, name, spec, true, "user", true, model, toolkits, hooks, defaultDb,
        models,
        reasoning, history, inputSchema, outputSchema, false, null);
  }

  /**
   * Reasoning is on with {@code reasoning: true}, or when a reasoning model or agent is named (Agno reasons when
   * {@code reasoning or reasoning_model is not None}; naming a reasoning agent asks for reasoning just as plainly).
   */
  private static ReasoningSettings reasoning(@Nullable Boolean enabled, @Nullable String model,
      @Nullable String agent, @Nullable Integer minSteps, @Nullable Integer maxSteps,
      Function<String, ModelDef> models) {
    boolean on = off(enabled) || model != null || agent != null;
    if (!on) {
      return ReasoningSettings.OFF;
    }
    return new ReasoningSettings(true, model == null ? null : models.apply(model), agent,
        minSteps == null ? ReasoningSettings.DEFAULT_MIN_STEPS : minSteps,
        maxSteps == null ? ReasoningSettings.DEFAULT_MAX_STEPS : maxSteps);
  }

  private static Participant participant(ComponentKind kind, String id, String name, ParticipantSpec s,
      boolean buildContext, String userRole, boolean buildUserContext, ModelDef model, Toolkits toolkits,
      HookSettings hooks, String defaultDb, Function<String, ModelDef> models, ReasoningSettings reasoning, HistoryAccess history,
      @Nullable JsonNode inputSchema, @Nullable JsonNode outputSchema, boolean structuredOutputs,
      @Nullable ResponseFile responseFile) {
    ContextSettings context = new ContextSettings(s.systemMessage(), buildContext, s.description(), s.role(),
        list(s.instructions()), s.expectedOutput(), s.additionalContext(), off(s.markdown()),
        off(s.addNameToContext()), off(s.addDatetimeToContext()), s.timezoneIdentifier(), on(s.resolveInContext()),
        off(s.addSessionStateToContext()), off(s.addDependenciesToContext()), list(s.additionalInput()));
    return new Participant(kind, id, name, model, context,
        history(s.addHistoryToContext(), s.numHistoryRuns(), s.numHistoryMessages(), s.maxToolCallsFromHistory()),
        loop(s.retries(), s.delayBetweenRetries(), s.exponentialBackoff(), s.toolChoice()),
        limits(s.maxTurns(), s.timeoutSeconds(), s.toolCallLimit()),
        session(s.sessionId(), s.userId(), s.sessionState(), s.dependencies(), s.metadata()), toolkits.uses(s.tools()), list(s.toolHooks()),
        on(s.streamEvents()), off(s.storeEvents()), on(s.sendMediaToModel()), on(s.storeMedia()),
        s.db() != null ? s.db() : defaultDb,
        messages(s, userRole, buildUserContext), storage(kind, s), new StateSettings(off(s.enableAgenticState()),
        off(s.overwriteDbSessionState())), DebugSettings.of(off(s.debugMode()), s.debugLevel() == null ? 1
        : s.debugLevel()), reasoning, memory(s, model, models),
        summaries(s, model, models), history, answer(s, models, structuredOutputs, responseFile),
        compression(s, model, models), hooks, knowledge(s), inputSchema, outputSchema);
  }

  /** Agno's defaults: searching is on when a knowledge is set; the rest is off. */
  private static KnowledgeUse knowledge(ParticipantSpec s) {
    if (s.knowledge() == null) {
      return KnowledgeUse.NONE;
    }
    return new KnowledgeUse(s.knowledge(), on(s.searchKnowledge()), off(s.addKnowledgeToContext()),
        s.knowledgeFilters() == null ? Map.of() : s.knowledgeFilters(), off(s.enableAgenticKnowledgeFilters()),
        off(s.updateKnowledge()), s.referencesFormat() == null ? "json" : s.referencesFormat());
  }

  private static MessageSettings messages(ParticipantSpec s, String userRole, boolean buildUserContext) {
    return new MessageSettings(s.systemMessageRole() == null ? "system" : s.systemMessageRole(), userRole,
        buildUserContext, s.introduction(), off(s.addLocationToContext()) ? location(s.location()) : null);
  }

  /** Agno's location text: the parts set, joined with commas; null when none is (the schema requires one). */
  private static @Nullable String location(AgentSpec.@Nullable Location location) {
    if (location == null) {
      return null;
    }
    String text = Stream.of(location.city(), location.region(), location.country())
        .filter(part -> part != null && !part.isBlank()).collect(Collectors.joining(", "));
    return text.isEmpty() ? null : text;
  }

  private static StorageSettings storage(ComponentKind kind, ParticipantSpec s) {
    Set<String> skips = s.eventsToSkip() != null ? Set.copyOf(s.eventsToSkip())
        : kind == ComponentKind.TEAM ? StorageSettings.TEAM_SKIPS : StorageSettings.AGENT_SKIPS;
    return new StorageSettings(on(s.storeToolMessages()), on(s.storeHistoryMessages()), skips);
  }

  /**
   * The memory settings, with Agno's defaults: the manager's model is the participant's own unless it names one, and
   * memories go into the context when they are enabled or a memory manager is set.
   */
  private static MemorySettings memory(ParticipantSpec s, ModelDef model, Function<String, ModelDef> models) {
    AgentSpec.@Nullable MemoryManager m = s.memoryManager();
    boolean user = off(s.enableUserMemories());
    boolean agentic = off(s.enableAgenticMemory());
    boolean context = s.addMemoriesToContext() != null ? s.addMemoriesToContext() : user || agentic || m != null;
    ModelDef managerModel = m == null || m.model() == null ? model : models.apply(m.model());
    return new MemorySettings(user, agentic, context, managerModel, m == null ? null : m.systemMessage(),
        m == null ? null : m.memoryCaptureInstructions(), m == null ? null : m.additionalInstructions());
  }

  /**
   * Agno's summary manager settings: the manager's model defaults to the participant's, and the summary is added to
   * the context by default when summaries are enabled or a manager is configured.
   */
  private static SessionSummarySettings summaries(ParticipantSpec s, ModelDef model,
      Function<String, ModelDef> models) {
    AgentSpec.SessionSummaryManager manager = s.sessionSummaryManager();
    boolean enabled = off(s.enableSessionSummaries());
    boolean inContext = s.addSessionSummaryToContext() != null ? s.addSessionSummaryToContext()
        : enabled || manager != null;
    if (manager == null) {
      return new SessionSummarySettings(enabled, inContext, model, null, SessionSummarySettings.DEFAULT_REQUEST);
    }
    return new SessionSummarySettings(enabled, inContext,
        manager.model() == null ? model : models.apply(manager.model()), manager.sessionSummaryPrompt(),
        manager.summaryRequestMessage() == null ? SessionSummarySettings.DEFAULT_REQUEST
            : manager.summaryRequestMessage());
  }

  private static HistoryAccess historyAccess(boolean chatHistory, boolean toolCallHistory, ParticipantSpec s) {
    return new HistoryAccess(chatHistory, toolCallHistory, off(s.searchSessionHistory()),
        s.numHistorySessions() == null ? HistoryAccess.DEFAULT_PAST_SESSIONS : s.numHistorySessions());
  }

  /** Agno's rule: JSON mode unless {@code structured_outputs} asks for the provider's enforced structured output. */
  private static AnswerSettings answer(ParticipantSpec s, Function<String, ModelDef> models,
      boolean structuredOutputs, @Nullable ResponseFile responseFile) {
    return new AnswerSettings(s.parserModel() == null ? null : models.apply(s.parserModel()), s.parserModelPrompt(),
        s.outputModel() == null ? null : models.apply(s.outputModel()), s.outputModelPrompt(),
        off(s.useJsonMode()) && !structuredOutputs, on(s.parseResponse()), responseFile);
  }

  /** Compression is on with {@code compress_tool_results}; the count limit defaults to 3 when no limit is set. */
  private static CompressionSettings compression(ParticipantSpec s, ModelDef model,
      Function<String, ModelDef> models) {
    AgentSpec.CompressionManager m = s.compressionManager();
    if (m == null) {
      return new CompressionSettings(off(s.compressToolResults()), model,
          CompressionSettings.DEFAULT_TOOL_RESULTS_LIMIT, null, null);
    }
    Integer count = m.compressToolResultsLimit() == null && m.compressTokenLimit() == null
        ? Integer.valueOf(CompressionSettings.DEFAULT_TOOL_RESULTS_LIMIT) : m.compressToolResultsLimit();
    return new CompressionSettings(off(s.compressToolResults()), m.model() == null ? model : models.apply(m.model()),
        count, m.compressTokenLimit(), m.compressToolCallInstructions());
  }

  /** The delegation settings; route mode always responds directly, broadcast mode always delegates to all. */
  static TeamSettings team(TeamSpec s) {
    TeamMode mode = s.mode() == null ? TeamMode.COORDINATE : TeamMode.valueOf(s.mode().toUpperCase(Locale.ROOT));
    return new TeamSettings(mode, mode == TeamMode.ROUTE || off(s.respondDirectly()),
        on(s.determineInputForMembers()), mode == TeamMode.BROADCAST || off(s.delegateToAllMembers()),
        off(s.shareMemberInteractions()), off(s.addMemberToolsToContext()), off(s.getMemberInformationTool()),
        off(s.addTeamHistoryToMembers()), s.numTeamHistoryRuns() == null ? HistorySettings.DEFAULT_RUNS
        : s.numTeamHistoryRuns(), off(s.storeMemberResponses()), on(s.streamMemberEvents()),
        off(s.showMembersResponses()), s.maxIterations() == null ? 10 : s.maxIterations());
  }

  private static HistorySettings history(@Nullable Boolean enabled, @Nullable Integer runs,
      @Nullable Integer messages, @Nullable Integer maxToolCalls) {
    return new HistorySettings(off(enabled), runs == null ? HistorySettings.DEFAULT_RUNS : runs, messages,
        maxToolCalls);
  }

  private static LoopSettings loop(@Nullable Integer retries, @Nullable Integer delaySeconds,
      @Nullable Boolean exponential, @Nullable JsonNode toolChoice) {
    return new LoopSettings(retries == null ? 0 : retries, Duration.ofSeconds(delaySeconds == null ? 1 : delaySeconds),
        off(exponential), toolChoice);
  }

  private static RunLimits limits(@Nullable Integer maxTurns, @Nullable Double timeoutSeconds,
      @Nullable Integer toolCalls) {
    return new RunLimits(maxTurns == null ? RunLimits.DEFAULT_MAX_TURNS : maxTurns,
        timeoutSeconds == null ? null : Duration.ofMillis(Math.round(timeoutSeconds * 1000)), toolCalls);
  }

  private static SessionDefaults session(@Nullable String sessionId, @Nullable String userId,
      @Nullable Map<String, Object> state, @Nullable Map<String, Object> dependencies,
      @Nullable Map<String, Object> metadata) {
    return new SessionDefaults(sessionId, userId, map(state), map(dependencies), map(metadata));
  }

  /** True unless written false: a field whose default is true. */
  private static boolean on(@Nullable Boolean value) {
    return !Boolean.FALSE.equals(value);
  }

  /** True only when written true: a field whose default is false. */
  private static boolean off(@Nullable Boolean value) {
    return Boolean.TRUE.equals(value);
  }

  private static <T> List<T> list(@Nullable List<T> list) {
    return list == null ? List.of() : list;
  }

  private static Map<String, Object> map(@Nullable Map<String, Object> map) {
    return map == null ? Map.of() : map;
  }
}
