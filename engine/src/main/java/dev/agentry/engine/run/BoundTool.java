package dev.agentry.engine.run;

import dev.agentry.engine.tool.Tool;
import dev.agentry.engine.tool.ToolDefinition;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A tool as one agent uses it: the implementation, the definition the model sees, its argument check and the agent's
 * policy for it. The model's definition differs from the tool's own when the user fills in some arguments
 * ({@code user_input_fields}): those are left out, so the model is never asked for them.
 */
final class BoundTool {
  private final Tool tool;
  private final ToolDefinition definition;
  private final JsonSchemaCheck arguments;
  private final ToolFlags flags;
  /** The arguments text that last passed the check: a model repeating a call skips the schema walk. */
  private volatile @Nullable String lastValid;

  BoundTool(Tool tool, ToolFlags flags) {
    this.tool = tool;
    this.definition = UserInput.modelDefinition(tool.definition(), flags);
    this.arguments = JsonSchemaCheck.of(definition.parameters());
    this.flags = flags;
  }

  /** The same binding with {@code other} (the same function, wrapped) as the implementation. */
  BoundTool with(Tool other) {
    return new BoundTool(other, flags);
  }

  Tool tool() {
    return tool;
  }

  /** The definition the model is given (the tool's own, less the arguments the user fills in). */
  ToolDefinition definition() {
    return definition;
  }

  ToolFlags flags() {
    return flags;
  }

  String name() {
    return tool.definition().name();
  }

  /** The schema problems of the model's {@code args}, parsed from {@code text}; empty when they are valid. */
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
