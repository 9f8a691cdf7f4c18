package dev.agentry.engine.tool;

import tools.jackson.databind.JsonNode;

/**
 * A hook around every tool call of the agents and teams that list it under {@code tool_hooks} (Agno's tool hooks):
 * it may look at or change the arguments, call the function or not, and change the result. Registered by name like
 * a {@link ToolPlugin}.
 */
public interface ToolHook {
  /** The name YAML lists under {@code tool_hooks}. */
  String name();

  /**
   * Runs around one call.
   *
   * @param function the name of the function called
   * @param arguments the model's arguments, already checked against the function's schema
   * @param next calls the function (or the next hook) with the arguments given
   */
  ToolResult around(String function, JsonNode arguments, ToolContext context, Next next) throws Exception;

  /** The rest of the chain: the next hook, or the function itself. */
  @FunctionalInterface
  interface Next {
    ToolResult call(JsonNode arguments);
  }
}
