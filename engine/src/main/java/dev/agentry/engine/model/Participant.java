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
 * @param db the id of the database its top-level runs and their sessions are stored in ({@code db}, else the
 *     catalog's default database); its member runs go where the team's run goes
 * @param messages the roles of the built messages, the user context, the introduction and the location
 * @param storage what the stored runs leave out: tool and history messages, events
 * @param state the session state tool and whether the stored state is overwritten
 * @param debug how much of its runs is logged for debugging
 * @param reasoning the step-by-step reasoning done before the first model turn ({@link ReasoningSettings#OFF} for none)
 * @param memory the user memories it reads and updates, and its memory manager
 * @param summaries the session summaries it writes after its runs and reads in its context
 * @param historyAccess the tools that read the session's past it is given
 * @param answer how the final answer is made and kept (parser and output models, JSON mode, the response file)
 * @param compression whether and how tool results are compressed ({@code compress_tool_results})
 * @param hooks its {@code pre_hooks} and {@code post_hooks}
 * @param knowledge the Knowledge it searches and how ({@link KnowledgeUse#NONE} for none)
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
    String db,
    MessageSettings messages,
    StorageSettings storage,
    StateSettings state,
    DebugSettings debug,
    ReasoningSettings reasoning,
    MemorySettings memory,
    SessionSummarySettings summaries,
    HistoryAccess historyAccess,
    AnswerSettings answer,
    CompressionSettings compression,
    HookSettings hooks,
    KnowledgeUse knowledge,
    @Nullable JsonNode inputSchema,
    @Nullable JsonNode outputSchema) {
  public Participant {
    tools = List.copyOf(tools);
    toolHooks = List.copyOf(toolHooks);
  }
}
