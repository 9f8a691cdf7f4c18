package dev.agentry.engine.run;

import dev.agentry.engine.EngineException;
import dev.agentry.engine.llm.ChatModel;
import dev.agentry.engine.model.Catalog;
import dev.agentry.engine.model.ContextSettings;
import dev.agentry.engine.model.Participant;
import dev.agentry.engine.model.TeamDef;
import dev.agentry.engine.tool.ToolDefinition;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A participant (an agent, or a team's leader) made ready to run, once per catalog: its model client, its bound tools
 * (a leader's include its delegation tools), its output contract. Immutable and shared by all its runs on that
 * catalog, so starting a run costs only the run's own state.
 *
 * @param team the team, when this is its leader
 * @param members how the leader runs its members; null for an agent
 * @param toolkits the open toolkits its tools came from, as they were when bound
 * @param hooks its pre and post hooks, ready to run
 * @param failure why it cannot run (a toolkit whose options are wrong, a provider without a client); its runs end with
 *     this error, and no other agent or team is affected
 */
record ParticipantRuntime(
    Participant participant,
    @Nullable TeamDef team,
    @Nullable MemberRuns members,
    String catalogVersion,
    @Nullable ChatModel model,
    Map<String, BoundTool> tools,
    List<ToolDefinition> definitions,
    List<String> toolInstructions,
    @Nullable OutputFormat output,
    @Nullable JsonSchemaCheck input,
    @Nullable String systemMessage,
    List<ToolBinder.Seen> toolkits,
    Hooks hooks,
    @Nullable String failure) {

  /** Prepares an agent, or a team's leader when {@code team} is set (its members are run through {@code members}). */
  static ParticipantRuntime prepare(Participant participant, @Nullable TeamDef team, Catalog catalog,
      OpenToolkits toolkits, EngineConfig config, MemberRuns members) {
    List<ToolBinder.Seen> seen = List.of();
    try {
      ChatModel model = config.chatModel(participant.model());
      ToolBinder.Bound bound = ToolBinder.bind(participant.tools(), toolkits);
      seen = bound.seen();
      Map<String, BoundTool> tools = new LinkedHashMap<>();
      List<String> instructions = bound.instructions();
      if (team != null) {
        TeamTools.Bound delegation = TeamTools.bind(team, catalog, toolkits, members);
        delegation.tools().forEach(t -> tools.put(t.name(), t));
        instructions = TeamTools.withTeamContext(delegation.context(), instructions);
      }
      for (BoundTool t : HookedTool.wrap(bound.tools(), participant.toolHooks(), config.extensions()).values()) {
        if (tools.putIfAbsent(t.name(), t) != null) {
          throw new EngineException("the tool '" + t.name() + "' has the name of a delegation tool of the team: "
              + "use exclude_tools to leave it out");
        }
      }
      List<ToolDefinition> definitions = tools.values().stream().map(BoundTool::definition).toList();
      return new ParticipantRuntime(participant, team, team == null ? null : members, catalog.version(), model,
          Collections.unmodifiableMap(tools), definitions, instructions, participant.outputSchema() == null ? null : OutputFormat.of(participant.outputSchema()),
          participant.inputSchema() == null ? null : JsonSchemaCheck.of(participant.inputSchema()),
          staticSystemMessage(participant, instructions), seen, Hooks.prepare(participant.hooks(), config), null);
    } catch (EngineException e) {
      return new ParticipantRuntime(participant, team, null, catalog.version(), null, Map.of(), List.of(), List.of(),
          null, null, null, seen, Hooks.NONE, participant.kind().wireName() + " '" + participant.id() + "' cannot run: " + e.getMessage());
    }
  }

  /**
   * The system message when it is the same for every run (no placeholders, no date, no session state), built
   * once; null when it must be built per run.
   */
  private static @Nullable String staticSystemMessage(Participant participant, List<String> toolInstructions) {
    ContextSettings c = participant.context();
    boolean perRun = c.addDatetimeToContext() || c.addSessionStateToContext()
        || Templates.hasPlaceholder(c.systemMessage()) || Templates.hasPlaceholder(c.description())
        || Templates.hasPlaceholder(c.role()) || Templates.hasPlaceholder(c.expectedOutput())
        || Templates.hasPlaceholder(c.additionalContext())
        || c.instructions().stream().anyMatch(Templates::hasPlaceholder);
    return perRun ? null : ContextBuilder.systemMessage(c, participant.name(), toolInstructions,
        new ContextBuilder.Vars(null, Map.of(), Map.of(), Map.of()), java.time.ZonedDateTime.now());
  }

  /**
   * True when it must be prepared again for new runs: a toolkit it uses changed its functions, or one it could not
   * use then may open now (a failed toolkit is retried at the next run).
   */
  boolean stale() {
    if (failure != null) {
      return true;
    }
    for (ToolBinder.Seen toolkit : toolkits) {
      if (toolkit.changed()) {
        return true;
      }
    }
    return false;
  }

  String id() {
    return participant.id();
  }

  String name() {
    return participant.name();
  }

  /** The model id reported in events and outputs. */
  String chatModelId() {
    return participant.model().reportedId();
  }

  /** The provider reported in events and outputs, with Agno's name for it ("OpenAI", "Anthropic", ...). */
  String provider() {
    return participant.model().providerName();
  }

  ChatModel chatModel() {
    if (model == null) {
      throw new EngineException(failure == null ? "'" + id() + "' has no model" : failure);
    }
    return model;
  }
}
