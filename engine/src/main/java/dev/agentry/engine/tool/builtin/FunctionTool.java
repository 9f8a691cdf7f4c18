package dev.agentry.engine.tool.builtin;

import dev.agentry.engine.internal.http.HttpFailure;
import dev.agentry.engine.tool.Tool;
import dev.agentry.engine.tool.ToolContext;
import dev.agentry.engine.tool.ToolDefinition;
import dev.agentry.engine.tool.ToolResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A tool made of a definition and a lambda: the shape of every builtin function.
 *
 * @param definition what the model sees
 * @param body what the call does; it may throw {@link ToolFailure} or {@link HttpFailure} for a clean error
 *     result
 * @param blocking whether the body may wait on I/O ({@link Tool#blocking()})
 */
record FunctionTool(ToolDefinition definition, Body body, boolean blocking) implements Tool {
  /** The work of one function, given its parsed arguments. */
  @FunctionalInterface
  interface Body {
    ToolResult call(Arguments arguments, ToolContext context);
  }

  /** A function that may wait on I/O. */
  static FunctionTool of(String name, String description, ObjectNode parameters, Body body) {
    return new FunctionTool(new ToolDefinition(name, description, parameters), body, true);
  }

  /** A function that only computes: it never waits, so it runs on the run's own thread. */
  static FunctionTool computing(String name, String description, ObjectNode parameters, Body body) {
    return new FunctionTool(new ToolDefinition(name, description, parameters), body, false);
  }

  @Override
  public ToolResult invoke(JsonNode arguments, ToolContext context) {
    try {
      return body.call(Arguments.of(arguments), context);
    } catch (ToolFailure | HttpFailure e) {
      return ToolResult.error(e.getMessage());
    }
  }
}
