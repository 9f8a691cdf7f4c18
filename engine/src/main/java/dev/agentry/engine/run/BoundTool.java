package dev.agentry.engine.run;

import dev.agentry.engine.tool.Tool;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** A tool as one agent uses it: the implementation, its argument check and the agent's policy for it. */
final class BoundTool {
  private final Tool tool;
  private final JsonSchemaCheck arguments;
  private final ToolFlags flags;
  /** The arguments text that last passed the check: a model repeating a call skips the schema walk. */
  private volatile @Nullable String lastValid;

  BoundTool(Tool tool, JsonSchemaCheck arguments, ToolFlags flags) {
    this.tool = tool;
    this.arguments = arguments;
    this.flags = flags;
  }

  Tool tool() {
    return tool;
  }

  ToolFlags flags() {
    return flags;
  }

  String name() {
    return tool.definition().name();
  }

  /** The schema problems of {@code args}, parsed from {@code text}; empty when they are valid. */
  List<String> problems(String text, JsonNode args) {
    if (text.equals(lastValid)) {
      return List.of();
    }
    List<String> problems = arguments.problems(args);
    if (problems.isEmpty()) {
      lastValid = text;
    }
    return problems;
  }
}
