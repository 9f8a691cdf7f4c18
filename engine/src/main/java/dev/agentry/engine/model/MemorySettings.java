package dev.agentry.engine.model;

import org.jspecify.annotations.Nullable;

/**
 * The user memories of an agent or a team's leader, as Agno's {@code MemoryManager} keeps them: what the runtime does
 * with them and the memory manager's own model and prompt ({@code memory_manager}).
 *
 * @param userMemories update the user's memories after each completed run ({@code enable_user_memories})
 * @param agenticMemory give the model the {@code update_user_memory} tool ({@code enable_agentic_memory})
 * @param addToContext put the user's memories in the system message ({@code add_memories_to_context}; by default
 *     true when memories are enabled or a memory manager is set, as in Agno)
 * @param model the memory manager's model: {@code memory_manager.model}, else the participant's own
 * @param systemMessage replaces the memory manager's system message
 * @param captureInstructions replaces what the memory manager is told to capture
 * @param additionalInstructions appended to the memory manager's system message
 */
public record MemorySettings(
    boolean userMemories,
    boolean agenticMemory,
    boolean addToContext,
    ModelDef model,
    @Nullable String systemMessage,
    @Nullable String captureInstructions,
    @Nullable String additionalInstructions) {

  /** True when a run reads or writes the user's memories at all. */
  public boolean used() {
    return userMemories || agenticMemory || addToContext;
  }
}
