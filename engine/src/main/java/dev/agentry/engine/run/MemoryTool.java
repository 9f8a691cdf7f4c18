package dev.agentry.engine.run;

import dev.agentry.engine.internal.Json;
import dev.agentry.engine.tool.Tool;
import dev.agentry.engine.tool.ToolContext;
import dev.agentry.engine.tool.ToolDefinition;
import dev.agentry.engine.tool.ToolResult;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Agno's {@code update_user_memory} tool ({@code enable_agentic_memory}): the model hands the memory manager a task
 * (add, update, delete or clear the user's memories), which it carries out on the memories of the run's user.
 */
final class MemoryTool implements Tool {
  static final String NAME = "update_user_memory";
  private static final ToolDefinition DEFINITION = new ToolDefinition(NAME, """
      Use this function to submit a task to modify the Agent's memory.
      Describe the task in detail and be specific.
      The task can include adding a memory, updating a memory, deleting a memory, or clearing all memories.""",
      Json.MAPPER.readTree("""
          {"type":"object","properties":{"task":{"type":"string","description":"The task to update the memory. \
          Be specific and describe the task in detail."}},"required":["task"]}"""));

  private final MemoryWriter writer;
  private final @Nullable String agentId;
  private final @Nullable String teamId;

  MemoryTool(MemoryWriter writer, @Nullable String agentId, @Nullable String teamId) {
    this.writer = writer;
    this.agentId = agentId;
    this.teamId = teamId;
  }

  @Override
  public ToolDefinition definition() {
    return DEFINITION;
  }

  @Override
  public ToolResult invoke(JsonNode arguments, ToolContext context) {
    MemoryWriter.Owner owner = new MemoryWriter.Owner(MemoryUpdate.user(context.userId()), agentId, teamId);
    return ToolResult.of(writer.update(owner, arguments.path("task").asString(""), MemoryWriter.TASK,
        context.cancellation()));
  }
}
