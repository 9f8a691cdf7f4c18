package dev.agentry.engine.run;

import dev.agentry.engine.tool.Tool;

/** A tool as one agent uses it: the implementation, its argument check and the agent's policy for it. */
record BoundTool(Tool tool, JsonSchemaCheck arguments, ToolFlags flags) {
  String name() {
    return tool.definition().name();
  }
}
