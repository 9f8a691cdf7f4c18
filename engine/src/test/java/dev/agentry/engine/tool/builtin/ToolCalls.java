package dev.agentry.engine.tool.builtin;

import dev.agentry.engine.internal.Json;
import dev.agentry.engine.llm.Cancellation;
import dev.agentry.engine.tool.Tool;
import dev.agentry.engine.tool.ToolContext;
import dev.agentry.engine.tool.ToolResult;
import java.util.HashMap;
import java.util.List;

/** Calls a toolkit's functions by name with JSON arguments, as the run loop would. */
final class ToolCalls {
  private ToolCalls() {}

  static ToolResult call(List<Tool> tools, String name, String argumentsJson) {
    Tool tool = find(tools, name);
    ToolContext context = new ToolContext("run-1", "session-1", null, new HashMap<>(), Cancellation.NONE);
    return tool.invoke(Json.MAPPER.readTree(argumentsJson), context);
  }

  static Tool find(List<Tool> tools, String name) {
    return tools.stream()
        .filter(t -> t.definition().name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no function " + name));
  }

  static List<String> names(List<Tool> tools) {
    return tools.stream().map(t -> t.definition().name()).toList();
  }
}
