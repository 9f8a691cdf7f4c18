package dev.agentry.engine.model;

import dev.agentry.engine.event.ComponentKind;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What the run loop needs of whoever it runs, an agent or a team's leader, compiled from the spec with every default
 * applied: the one shape the runtime reads, so that it never reads a {@code *Spec} and agents and teams share one
 * loop.
 *
 * @param kind AGENT for an agent, TEAM for a team's leader
 * @param tools the tools it lists, each with its compiled toolkit (a team's delegation tools are added by the runtime)
 * @param toolHooks the names of the tool hooks run around each of its tool calls ({@code tool_hooks}), in order
 * @param streamEvents whether every event is streamed by default ({@code stream_events}), or only the content and
 *     endings
 * @param storeEvents whether the run's events are stored with it ({@code store_events})
 * @param sendMediaToModel false to keep the input's media out of the model's context
 * @param storeMedia false to leave the input's media out of the stored run
 * @param hooks its {@code pre_hooks} and {@code post_hooks}
 */
public record Participant(
    ComponentKind kind,
    String id,
    String name,
    ModelDef model,
    ContextSettings context,
    HistorySettings history,
    LoopSettings loop,
    RunLimits limits,
    SessionDefaults session,
    List<ToolUse> tools,
    List<String> toolHooks,
    boolean streamEvents,
    boolean storeEvents,
    boolean sendMediaToModel,
    boolean storeMedia,
    HookSettings hooks,
    @Nullable JsonNode inputSchema,
    @Nullable JsonNode outputSchema) {
  public Participant {
    tools = List.copyOf(tools);
    toolHooks = List.copyOf(toolHooks);
  }
}
