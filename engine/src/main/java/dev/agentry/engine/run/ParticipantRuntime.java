package dev.agentry.engine.run;

import dev.agentry.engine.EngineException;
import dev.agentry.engine.event.ComponentKind;
import dev.agentry.engine.knowledge.KnowledgeBase;
import dev.agentry.engine.llm.ChatModel;
import dev.agentry.engine.model.Catalog;
import dev.agentry.engine.model.ContextSettings;
import dev.agentry.engine.model.MemorySettings;
import dev.agentry.engine.model.Participant;
import dev.agentry.engine.model.TeamDef;
import dev.agentry.engine.tool.ToolDefinition;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A participant (an agent, or a team's leader) made ready to run, once per catalog: its model client, its bound tools
 * (a leader's include its delegation tools), its output contract. Immutable and shared by all its runs on that
 * catalog, so starting a run costs only the run's own state.
 *
 * @param team the team, when this is its leader
 * @param members how it runs child runs: a leader's members, a reasoning agent; null when it cannot run
 * @param second the clients of its parser, output and compression models
 * @param toolkits the open toolkits its tools came from, as they were when bound
 * @param memory its memory manager, when it reads or writes the user's memories
 * @param summaries writes the session summary after its runs; null when it writes none
 * @param hooks its pre and post hooks, ready to run
 * @param knowledge looks up its Knowledge when a run needs it (a missing one is an error the model reads)
 * @param failure why it cannot run (a toolkit whose options are wrong, a provider without a client); its runs end with
 *     this error, and no other agent or team is affected
 */
record ParticipantRuntime(
    Participant participant,
    @Nullable TeamDef team,
    @Nullable MemberRuns members,
    String catalogVersion,
    @Nullable ChatModel model,
    SecondModels second,
    Map<String, BoundTool> tools,
    List<ToolDefinition> definitions,
    List<String> toolInstructions,
    @Nullable OutputFormat output,
    @Nullable JsonSchemaCheck input,
    @Nullable String systemMessage,
    List<ToolBinder.Seen> toolkits,
    @Nullable MemoryWriter memory,
    @Nullable SessionSummaries summaries,
    Hooks hooks,
    @Nullable String failure,
    Function<String, Optional<KnowledgeBase>> knowledge) {

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
      Map<String, BoundTool> own = new LinkedHashMap<>(bound.tools());
      for (BoundTool t : HistoryTools.bind(participant, config.databases().get(participant.db()))) {
        if (own.putIfAbsent(t.name(), t) != null) {
          throw new EngineException("the tool '" + t.name() + "' has the name of a history tool (read_chat_history, "
              + "read_tool_call_history, search_session_history): use exclude_tools to leave it out");
        }
      }
      for (BoundTool t : HookedTool.wrap(own, participant.toolHooks(), config.extensions()).values()) {
        if (tools.putIfAbsent(t.name(), t) != null) {
          throw new EngineException("the tool '" + t.name() + "' has the name of a delegation tool of the team: "
              + "use exclude_tools to leave it out");
        }
      }
      if (participant.state().agenticState()) {
        addOwn(tools, new BoundTool(SessionStateTool.INSTANCE, ToolFlags.NONE));
      }
      for (BoundTool t : KnowledgeTools.bind(participant.knowledge(), toolkits::knowledge)) {
        addOwn(tools, t);
      }
      MemoryWriter memory = memoryWriter(participant, config);
      if (memory != null && participant.memory().agenticMemory()) {
        boolean isTeam = participant.kind() == ComponentKind.TEAM;
        BoundTool tool = new BoundTool(new MemoryTool(memory, isTeam ? null : participant.id(),
            isTeam ? participant.id() : null), ToolFlags.NONE);
        if (tools.putIfAbsent(tool.name(), tool) != null) {
          throw new EngineException("the tool '" + tool.name() + "' has the name of the memory tool of "
              + "enable_agentic_memory: use exclude_tools to leave it out");
        }
      }
      List<ToolDefinition> definitions = tools.values().stream().map(BoundTool::definition).toList();
      SecondModels second = SecondModels.prepare(participant.answer(), participant.compression(),
          participant.model(), model, config);
      return new ParticipantRuntime(participant, team, members, catalog.version(), model,
          second, Collections.unmodifiableMap(tools), definitions, instructions, participant.outputSchema() == null
          ? null : OutputFormat.of(participant.outputSchema(), participant.answer().jsonMode()),
          participant.inputSchema() == null ? null : JsonSchemaCheck.of(participant.inputSchema()),
          staticSystemMessage(participant, instructions, toolkits::knowledge), seen, memory,
          SessionSummaries.create(participant.summaries(), config,
          config.databases().get(participant.db())), Hooks.prepare(participant.hooks(), config), null,
          toolkits::knowledge);
    } catch (EngineException e) {
      return new ParticipantRuntime(participant, team, null, catalog.version(), null, SecondModels.NONE, Map.of(),
          List.of(), List.of(),
          null, null, null, seen, null, null, Hooks.NONE, participant.kind().wireName() + " '" + participant.id()
          + "' cannot run: " + e.getMessage(), toolkits::knowledge);
    }
  }

  /** Adds a tool of the runtime's own, such as {@code update_session_state}, which no listed tool may shadow. */
  private static void addOwn(Map<String, BoundTool> tools, BoundTool tool) {
    if (tools.putIfAbsent(tool.name(), tool) != null) {
      throw new EngineException("the tool '" + tool.name() + "' has the name of a tool the runtime adds (such as "
          + "update_session_state for enable_agentic_state, or search_knowledge_base for search_knowledge): use "
          + "exclude_tools to leave it out");
    }
  }

  /**
   * The system message when it is the same for every run (no placeholders, no date, no session state), built
   * once; null when it must be built per run.
   */
  private static @Nullable String staticSystemMessage(Participant participant, List<String> toolInstructions,
      Function<String, Optional<KnowledgeBase>> knowledge) {
    ContextSettings c = participant.context();
    boolean perRun = c.addDatetimeToContext() || c.addSessionStateToContext() || participant.memory().addToContext()
        || KnowledgeRag.perRun(participant.knowledge())
        || participant.summaries().addToContext()
        || Templates.hasPlaceholder(c.systemMessage()) || Templates.hasPlaceholder(c.description())
        || Templates.hasPlaceholder(c.role()) || Templates.hasPlaceholder(c.expectedOutput())
        || Templates.hasPlaceholder(c.additionalContext())
        || c.instructions().stream().anyMatch(Templates::hasPlaceholder);
    return perRun ? null : ContextBuilder.systemMessage(c, participant.messages(), participant.name(), toolInstructions,
        new ContextBuilder.Vars(null, Map.of(), Map.of(), Map.of()), java.time.ZonedDateTime.now(), null, null,
        KnowledgeRag.systemSection(participant.knowledge(), knowledge));
  }

  /** The memory manager, when the participant reads or writes the user's memories; on the engine's store. */
  private static @Nullable MemoryWriter memoryWriter(Participant participant, EngineConfig config) {
    MemorySettings settings = participant.memory();
    return settings.used() ? new MemoryWriter(settings, config.chatModel(settings.model()), config.databases().get(participant.db()),
        config.clock()) : null;
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
