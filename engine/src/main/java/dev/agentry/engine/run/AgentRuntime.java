package dev.agentry.engine.run;

import dev.agentry.engine.EngineException;
import dev.agentry.engine.llm.ChatModel;
import dev.agentry.engine.model.AgentDef;
import dev.agentry.engine.model.Catalog;
import dev.agentry.engine.spec.AgentSpec;
import dev.agentry.engine.tool.ToolDefinition;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An agent made ready to run, once per catalog: its model client, its bound tools, its output contract. Immutable
 * and shared by all runs of the agent on that catalog, so starting a run costs only the run's own state.
 *
 * @param failure why the agent cannot run (a toolkit whose options are wrong, a provider without a client); its
 *     runs end with this error, and no other agent is affected
 */
record AgentRuntime(
    AgentDef def,
    String catalogVersion,
    @Nullable ChatModel model,
    Map<String, BoundTool> tools,
    List<ToolDefinition> definitions,
    List<String> toolInstructions,
    @Nullable OutputFormat output,
    @Nullable JsonSchemaCheck input,
    @Nullable String systemMessage,
    @Nullable String failure) {

  static AgentRuntime prepare(AgentDef def, Catalog catalog, EngineConfig config) {
    try {
      ChatModel model = config.chatModel(def.model());
      ToolBinder.Bound bound = ToolBinder.bind(def, catalog, config.baseDir());
      List<ToolDefinition> definitions = bound.tools().values().stream()
          .map(BoundTool::definition)
          .toList();
      return new AgentRuntime(def, catalog.version(), model, bound.tools(), definitions, bound.instructions(),
          def.outputSchema() == null ? null : OutputFormat.of(def.outputSchema()),
          def.inputSchema() == null ? null : JsonSchemaCheck.of(def.inputSchema()),
          staticSystemMessage(def, bound.instructions()), null);
    } catch (EngineException e) {
      return new AgentRuntime(def, catalog.version(), null, Map.of(), List.of(), List.of(), null, null, null,
          "agent '" + def.id() + "' cannot run: " + e.getMessage());
    }
  }

  /**
   * The system message when it is the same for every run (no placeholders, no date, no session state), built
   * once; null when it must be built per run.
   */
  private static @Nullable String staticSystemMessage(AgentDef def, List<String> toolInstructions) {
    AgentSpec spec = def.spec();
    boolean perRun = Boolean.TRUE.equals(spec.addDatetimeToContext())
        || Boolean.TRUE.equals(spec.addSessionStateToContext())
        || Templates.hasPlaceholder(spec.systemMessage()) || Templates.hasPlaceholder(spec.description())
        || Templates.hasPlaceholder(spec.role()) || Templates.hasPlaceholder(spec.expectedOutput())
        || Templates.hasPlaceholder(spec.additionalContext())
        || (spec.instructions() != null && spec.instructions().stream().anyMatch(Templates::hasPlaceholder));
    return perRun ? null : ContextBuilder.systemMessage(spec, def.name(), toolInstructions,
        new ContextBuilder.Vars(null, Map.of(), Map.of(), Map.of()), java.time.ZonedDateTime.now());
  }

  String id() {
    return def.id();
  }

  String name() {
    return def.name();
  }

  /** The model id reported in events and outputs. */
  String chatModelId() {
    return def.model().reportedId();
  }

  /** The provider reported in events and outputs, with Agno's name for it ("OpenAI", "Anthropic", ...). */
  String provider() {
    return def.model().providerName();
  }

  ChatModel chatModel() {
    if (model == null) {
      throw new EngineException(failure == null ? "agent '" + def.id() + "' has no model" : failure);
    }
    return model;
  }
}
