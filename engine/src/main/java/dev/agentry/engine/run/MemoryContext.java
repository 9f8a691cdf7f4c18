package dev.agentry.engine.run;

import dev.agentry.engine.store.UserMemory;
import java.util.List;

/**
 * The user's memories as the system message gives them ({@code add_memories_to_context}), in Agno's words: the
 * {@code <memories_from_previous_interactions>} list, and the {@code <updating_user_memories>} guidance when the model
 * has the {@code update_user_memory} tool.
 */
final class MemoryContext {
  private MemoryContext() {}

  static String of(List<UserMemory> memories, boolean agentic) {
    StringBuilder out = new StringBuilder(256);
    if (memories.isEmpty()) {
      out.append("You have the capability to retain memories from previous interactions with the user, but have "
          + "not had any interactions with the user yet.\n");
    } else {
      out.append("You have access to user info and preferences from previous interactions that you can use to "
          + "personalize your response:\n\n<memories_from_previous_interactions>");
      memories.forEach(m -> out.append("\n- ").append(m.memory()));
      out.append("\n</memories_from_previous_interactions>\n\nNote: this information is from previous interactions "
          + "and may be updated in this conversation. You should always prefer information from this conversation "
          + "over the past memories.\n");
    }
    if (agentic) {
      out.append("""

          <updating_user_memories>
          - You have access to the `update_user_memory` tool that you can use to add new memories, update existing \
          memories, delete memories, or clear all memories.
          - If the user's message includes information that should be captured as a memory, use the \
          `update_user_memory` tool to update your memory database.
          - Memories should include details that could personalize ongoing interactions with the user.
          - Use this tool to add new memories or update existing memories that you identify in the conversation.
          - Use this tool if the user asks to update their memory, delete a memory, or clear all memories.
          - If you use the `update_user_memory` tool, remember to pass on the response to the user.
          </updating_user_memories>
          """);
    }
    return out.toString().strip();
  }
}
