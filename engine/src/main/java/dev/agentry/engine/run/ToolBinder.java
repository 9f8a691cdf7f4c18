package dev.agentry.engine.run;

import dev.agentry.engine.Builtins;
import dev.agentry.engine.EngineException;
import dev.agentry.engine.internal.Json;
import dev.agentry.engine.model.Catalog;
import dev.agentry.engine.model.ResourceDef;
import dev.agentry.engine.model.ToolUse;
import dev.agentry.engine.spec.ToolkitSpec;
import dev.agentry.engine.tool.Tool;
import dev.agentry.engine.tool.ToolContext;
import dev.agentry.engine.tool.ToolDefinition;
import dev.agentry.engine.tool.ToolFactory;
import dev.agentry.engine.tool.ToolResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Turns the {@code tools} list of an agent or a team (implements {@code schemas/agent.schema.json#/$defs/toolRef}) into the bound
 * tools of its runs: builtin toolkits built from their options, {@code Toolkit} resources with their function lists
 * and human-in-the-loop flags, include/exclude filters applied.
 */
final class ToolBinder {
  private static final JsonNode EMPTY_OBJECT_SCHEMA = Json.MAPPER.readTree("{\"type\":\"object\"}");

  private final Map<String, BoundTool> tools = new LinkedHashMap<>();
  private final List<String> instructions = new ArrayList<>();
  private final Path baseDir;

  private ToolBinder(Path baseDir) {
    this.baseDir = baseDir;
  }

  /** The agent's tools by name, plus the toolkit instructions to add to its system message. */
  record Bound(Map<String, BoundTool> tools, List<String> instructions) {}

  static Bound bind(List<ToolUse> refs, Catalog catalog, Path baseDir) {
    ToolBinder binder = new ToolBinder(baseDir);
    for (ToolUse ref : refs) {
      if (ref.builtin() != null) {
        binder.addBuiltin(ref.builtin(), ToolFactory.merge(null, ref.options()), null, ref);
      } else if (ref.toolkit() != null) {
        ResourceDef<ToolkitSpec> toolkit = catalog.toolkits().get(ref.toolkit());
        if (toolkit == null) {
          throw new EngineException("toolkit '" + ref.toolkit() + "' is not in the catalog");
        }
        binder.addToolkit(toolkit.spec(), ref);
      }
    }
    return new Bound(Collections.unmodifiableMap(binder.tools), List.copyOf(binder.instructions));
  }

  private void addToolkit(ToolkitSpec toolkit, ToolUse ref) {
    if (toolkit.builtin() != null) {
      addBuiltin(toolkit.builtin(), ToolFactory.merge(toolkit.options(), ref.options()), toolkit, ref);
    } else if (toolkit.functions() != null) {
      for (ToolkitSpec.Function function : toolkit.functions()) {
        if (selected(function.name(), toolkit, ref)) {
          add(new DeclaredFunction(function), flags(function.name(), toolkit, function));
        }
      }
    }
    // an mcp toolkit contributes no tools until MCP support lands (the schema says "not yet acted on")
    if (toolkit.instructions() != null && Boolean.TRUE.equals(toolkit.addInstructions())) {
      instructions.add(toolkit.instructions());
    }
  }

  private void addBuiltin(String name, Map<String, Object> options, @Nullable ToolkitSpec toolkit,
      ToolUse ref) {
    for (Tool tool : Builtins.toolkit(name).create(options, baseDir)) {
      String fn = tool.definition().name();
      if (selected(fn, toolkit, ref)) {
        add(tool, flags(fn, toolkit, null));
      }
    }
  }

  private void add(Tool tool, ToolFlags flags) {
    ToolDefinition definition = tool.definition();
    BoundTool previous = tools.put(definition.name(), new BoundTool(tool, flags));
    if (previous != null) {
      throw new EngineException("two tools are named '" + definition.name()
          + "': use include_tools or exclude_tools so that each function name is used once");
    }
  }

  private static boolean selected(String fn, @Nullable ToolkitSpec toolkit, ToolUse ref) {
    if (toolkit != null && !allowed(fn, toolkit.includeTools(), toolkit.excludeTools())) {
      return false;
    }
    return allowed(fn, ref.includeTools(), ref.excludeTools());
  }

  private static boolean allowed(String fn, @Nullable List<String> include, @Nullable List<String> exclude) {
    return (include == null || include.contains(fn)) && (exclude == null || !exclude.contains(fn));
  }

  private static ToolFlags flags(String fn, @Nullable ToolkitSpec toolkit, ToolkitSpec.@Nullable Function declared) {
    if (toolkit == null) {
      return ToolFlags.NONE;
    }
    boolean confirm = listed(fn, toolkit.requiresConfirmationTools());
    boolean external = listed(fn, toolkit.externalExecutionRequiredTools());
    boolean stop = listed(fn, toolkit.stopAfterToolCallTools());
    boolean show = listed(fn, toolkit.showResultTools());
    List<String> inputFields = null;
    if (declared != null) {
      confirm |= Boolean.TRUE.equals(declared.requiresConfirmation());
      external |= Boolean.TRUE.equals(declared.externalExecution());
      stop |= Boolean.TRUE.equals(declared.stopAfterToolCall());
      show |= Boolean.TRUE.equals(declared.showResult());
      if (Boolean.TRUE.equals(declared.requiresUserInput())) {
        inputFields = declared.userInputFields() == null ? List.of() : declared.userInputFields();
      }
      // a declared function has no implementation here: when nothing else pauses it, the client executes it
      external |= !confirm && inputFields == null;
    }
    return new ToolFlags(confirm, inputFields, external, stop, show, declared != null);
  }

  private static boolean listed(String fn, @Nullable List<String> list) {
    return list != null && list.contains(fn);
  }

  /** A function declared in a {@code Toolkit}: the client answers its calls, so it never runs here. */
  private record DeclaredFunction(ToolDefinition definition) implements Tool {
    DeclaredFunction(ToolkitSpec.Function function) {
      this(new ToolDefinition(function.name(), function.description() == null ? "" : function.description(),
          function.parameters() == null ? EMPTY_OBJECT_SCHEMA : function.parameters()));
    }

    @Override
    public ToolResult invoke(JsonNode arguments, ToolContext context) {
      return ToolResult.error("function '" + definition.name() + "' is executed by the client, not by the server");
    }
  }
}
