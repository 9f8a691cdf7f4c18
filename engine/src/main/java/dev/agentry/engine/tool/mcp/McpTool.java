package dev.agentry.engine.tool.mcp;

import dev.agentry.engine.tool.Tool;
import dev.agentry.engine.tool.ToolContext;
import dev.agentry.engine.tool.ToolDefinition;
import dev.agentry.engine.tool.ToolResult;
import tools.jackson.databind.JsonNode;

/** One tool of an MCP server, called through its toolkit's current connection. */
record McpTool(McpToolkit toolkit, ToolDefinition definition) implements Tool {
  @Override
  public ToolResult invoke(JsonNode arguments, ToolContext context) {
    return toolkit.call(definition.name(), arguments, context);
  }
}
