package dev.agentry.engine.compile;

import dev.agentry.engine.event.ComponentKind;
import dev.agentry.engine.model.ContextSettings;
import dev.agentry.engine.model.HistorySettings;
import dev.agentry.engine.model.HookSettings;
import dev.agentry.engine.model.LoopSettings;
import dev.agentry.engine.model.ModelDef;
import dev.agentry.engine.model.Participant;
import dev.agentry.engine.model.RunLimits;
import dev.agentry.engine.model.SessionDefaults;
import dev.agentry.engine.model.TeamMode;
import dev.agentry.engine.model.TeamSettings;
import dev.agentry.engine.spec.AgentSpec;
import dev.agentry.engine.spec.ParticipantSpec;
import dev.agentry.engine.spec.TeamSpec;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Compiles the run settings of agents and team leaders into {@link Participant}s, and a team's delegation into
 * {@link TeamSettings}: every default of {@code agent.schema.json} and {@code team.schema.json} is applied here, once,
 * so the runtime reads no spec and checks no null.
 */
final class Participants {
  private Participants() {}

  static Participant agent(String id, String name, AgentSpec spec, ModelDef model, Toolkits toolkits,
      HookSettings hooks, @Nullable JsonNode inputSchema, @Nullable JsonNode outputSchema) {
    return participant(ComponentKind.AGENT, id, name, spec, on(spec.buildContext()), model, toolkits, hooks,
        inputSchema, outputSchema);
  }

  static Participant leader(String id, String name, TeamSpec spec, ModelDef model, Toolkits toolkits,
      HookSettings hooks, @Nullable JsonNode inputSchema, @Nullable JsonNode outputSchema) {
    return participant(ComponentKind.TEAM, id, name, spec, true, model, toolkits, hooks, inputSchema, outputSchema);
  }

  private static Participant participant(ComponentKind kind, String id, String name, ParticipantSpec s,
      boolean buildContext, ModelDef model, Toolkits toolkits, HookSettings hooks, @Nullable JsonNode inputSchema,
      @Nullable JsonNode outputSchema) {
    ContextSettings context = new ContextSettings(s.systemMessage(), buildContext, s.description(), s.role(),
        list(s.instructions()), s.expectedOutput(), s.additionalContext(), off(s.markdown()),
        off(s.addNameToContext()), off(s.addDatetimeToContext()), s.timezoneIdentifier(), on(s.resolveInContext()),
        off(s.addSessionStateToContext()), off(s.addDependenciesToContext()), list(s.additionalInput()));
    return new Participant(kind, id, name, model, context,
        history(s.addHistoryToContext(), s.numHistoryRuns(), s.numHistoryMessages(), s.maxToolCallsFromHistory()),
        loop(s.retries(), s.delayBetweenRetries(), s.exponentialBackoff(), s.toolChoice()),
        limits(s.maxTurns(), s.timeoutSeconds(), s.toolCallLimit()),
        session(s.sessionId(), s.userId(), s.sessionState(), s.dependencies(), s.metadata()), toolkits.uses(s.tools()), list(s.toolHooks()),
        on(s.streamEvents()), off(s.storeEvents()), on(s.sendMediaToModel()), on(s.storeMedia()), hooks,
        inputSchema, outputSchema);
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
