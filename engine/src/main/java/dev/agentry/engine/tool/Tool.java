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

  /**
   * True when a call may wait on I/O (files, the network, another process): the engine then runs it on a virtual
   * thread of its own, so that cancelling the run can stop waiting for it even when it ignores interrupts. A tool that
   * only computes answers false and runs on the run's own thread, which saves a thread handoff per call.
   */
  default boolean blocking() {
    return true;
  }
}
