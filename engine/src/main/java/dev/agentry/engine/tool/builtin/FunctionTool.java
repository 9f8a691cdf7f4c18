package dev.agentry.engine.tool.builtin;

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
 * @param body what the call does; it may throw {@link ToolFailure} for a clean error result
 */
record FunctionTool(ToolDefinition definition, Body body) implements Tool {
  /** The work of one function, given its parsed arguments. */
  @FunctionalInterface
  interface Body {
    ToolResult call(Arguments arguments, ToolContext context);
  }

  static FunctionTool of(String name, String description, ObjectNode parameters, Body body) {
    return new FunctionTool(new ToolDefinition(name, description, parameters), body);
  }

  @Override
  public ToolResult invoke(JsonNode arguments, ToolContext context) {
    try {
      return body.call(Arguments.of(arguments), context);
    } catch (ToolFailure e) {
      return ToolResult.error(e.getMessage());
    }
  }
}
