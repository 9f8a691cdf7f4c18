package dev.agentry.engine.run;

import dev.agentry.engine.EngineException;
import dev.agentry.engine.model.ToolUse;
import dev.agentry.engine.model.ToolkitDef;
import dev.agentry.engine.tool.Tool;
import dev.agentry.engine.tool.ToolDefinition;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the {@code tools} list of an agent or a team (implements {@code schemas/agent.schema.json#/$defs/toolRef})
 * into the bound tools of its runs, from the catalog's open toolkits: include/exclude filters applied, each function
 * with its human-in-the-loop and after-call flags.
 */
final class ToolBinder {
  private final Map<String, BoundTool> tools = new LinkedHashMap<>();
  private final List<String> instructions = new ArrayList<>();
  private final List<Seen> seen = new ArrayList<>();

  private ToolBinder() {}

  /**
   * The agent's tools by name, the toolkit instructions to add to its system message, and the toolkits they came
   * from as they were when bound.
   */
  record Bound(Map<String, BoundTool> tools, List<String> instructions, List<Seen> seen) {}

  /** A toolkit at the generation its functions were bound at: a newer generation means binding again. */
  record Seen(ToolkitPool.Handle handle, long generation) {
    boolean changed() {
      return handle.generation() != generation || !handle.isOpen();
    }
  }

  /**
   * Binds {@code uses} to the open toolkits.
   *
   * @throws EngineException when a toolkit cannot be opened, or two functions have one name
   */
  static Bound bind(List<ToolUse> uses, OpenToolkits toolkits) {
    ToolBinder binder = new ToolBinder();
    for (ToolUse use : uses) {
      ToolkitPool.Handle handle = toolkits.open(use.toolkit());
      binder.seen.add(new Seen(handle, handle.generation()));
      binder.add(use, CachedTool.wrap(handle.tools(), use.toolkit().cacheTtl(), handle.cache()));
    }
    return new Bound(Collections.unmodifiableMap(binder.tools), List.copyOf(binder.instructions),
        List.copyOf(binder.seen));
  }

  private void add(ToolUse use, List<Tool> functions) {
    ToolkitDef toolkit = use.toolkit();
    for (Tool tool : functions) {
      String fn = tool.definition().name();
      if (use.exposes(fn)) {
        add(tool, flags(fn, toolkit.policy()));
      }
    }
    if (toolkit.instructions() != null) {
      instructions.add(toolkit.instructions());
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

  private static ToolFlags flags(String fn, ToolkitDef.Policy policy) {
    if (policy == ToolkitDef.Policy.NONE) {
      return ToolFlags.NONE;
    }
    return new ToolFlags(policy.requiresConfirmation().contains(fn), policy.userInputFields().get(fn),
        policy.externalExecution().contains(fn), policy.stopAfterToolCall().contains(fn),
        policy.showResult().contains(fn), policy.clientSide());
  }
}
