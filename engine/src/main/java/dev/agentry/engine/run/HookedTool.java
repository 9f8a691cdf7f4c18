package dev.agentry.engine.run;

import dev.agentry.engine.EngineException;
import dev.agentry.engine.tool.Extensions;
import dev.agentry.engine.tool.Tool;
import dev.agentry.engine.tool.ToolContext;
import dev.agentry.engine.tool.ToolDefinition;
import dev.agentry.engine.tool.ToolHook;
import dev.agentry.engine.tool.ToolResult;
import dev.agentry.engine.tool.ToolkitException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A toolkit function with the {@code tool_hooks} of the agent or team that uses it around each call (Agno's tool
 * hooks), in list order, the first outermost: each hook gets the function name, the arguments and the rest of the
 * chain, and returns the result. A hook that throws makes the call's error result, as a failing tool does.
 */
record HookedTool(Tool tool, List<ToolHook> hooks) implements Tool {
  /**
   * {@code tools} with {@code names} around each; the same map when there are no hooks.
   *
   * @throws EngineException when no hook has one of the names (the compiler reports it first, when given the same
   *     extensions as the engine)
   */
  static Map<String, BoundTool> wrap(Map<String, BoundTool> tools, List<String> names, Extensions extensions) {
    if (names.isEmpty()) {
      return tools;
    }
    List<ToolHook> hooks = new ArrayList<>(names.size());
    for (String name : names) {
      ToolHook hook = extensions.hook(name);
      if (hook == null) {
        throw new EngineException("no tool hook is named '" + name + "'"
            + (extensions.hookNames().isEmpty() ? "" : "; the hooks are " + String.join(", ", extensions.hookNames())));
      }
      hooks.add(hook);
    }
    Map<String, BoundTool> hooked = new LinkedHashMap<>();
    tools.forEach((name, bound) -> hooked.put(name, bound.with(new HookedTool(bound.tool(), List.copyOf(hooks)))));
    return Collections.unmodifiableMap(hooked);
  }

  @Override
  public ToolDefinition definition() {
    return tool.definition();
  }

  @Override
  public boolean blocking() {
    return tool.blocking();
  }

  @Override
  public ToolResult invoke(JsonNode arguments, ToolContext context) {
    return call(0, arguments, context);
  }

  private ToolResult call(int index, JsonNode arguments, ToolContext context) {
    if (index == hooks.size()) {
      return tool.invoke(arguments, context);
    }
    ToolHook hook = hooks.get(index);
    ToolResult result;
    try {
      result = hook.around(tool.definition().name(), arguments, context, args -> call(index + 1, args, context));
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new ToolkitException("tool hook '" + hook.name() + "' failed: "
          + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
    }
    if (result == null) {
      throw new ToolkitException("tool hook '" + hook.name() + "' returned no result");
    }
    return result;
  }
}
