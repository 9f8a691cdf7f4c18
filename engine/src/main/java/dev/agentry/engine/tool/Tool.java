package dev.agentry.engine.tool;

import tools.jackson.databind.JsonNode;

/**
 * A function the model can call: the one tool abstraction that builtin, HTTP, OpenAPI, MCP and plugin toolkits
 * implement.
 *
 * <p>Implementations are thread-safe: one instance serves every run of a catalog, and several calls may run at once.
 * {@link #invoke} receives arguments already validated against {@link ToolDefinition#parameters()}. A failure is a
 * {@link ToolResult#error} (or any unchecked exception, which the engine turns into one); it never ends the run.
 */
public interface Tool {
  /** The name, description and parameter schema the model sees. */
  ToolDefinition definition();

  /** Runs the function. */
  ToolResult invoke(JsonNode arguments, ToolContext context);
}
