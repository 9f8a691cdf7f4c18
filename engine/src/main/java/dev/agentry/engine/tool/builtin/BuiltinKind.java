package dev.agentry.engine.tool.builtin;

import dev.agentry.engine.Builtins;
import dev.agentry.engine.internal.Json;
import dev.agentry.engine.tool.Tool;
import dev.agentry.engine.tool.ToolDefinition;
import dev.agentry.engine.tool.Toolkit;
import dev.agentry.engine.tool.ToolkitKind;
import dev.agentry.engine.tool.ToolkitSettings;
import java.util.List;
import java.util.Map;
import tools.jackson.core.type.TypeReference;

/** {@code builtin: NAME}: a tool built into Agentry, set up from its {@code options}. */
public final class BuiltinKind implements ToolkitKind {
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  @Override
  public String key() {
    return "builtin";
  }

  @Override
  public List<ToolDefinition> describe(ToolkitSettings settings) {
    return create(settings).stream().map(Tool::definition).toList();
  }

  @Override
  public Toolkit open(ToolkitSettings settings) {
    return Toolkit.of(create(settings));
  }

  private static List<Tool> create(ToolkitSettings settings) {
    Map<String, Object> options = Json.MAPPER.convertValue(settings.options(), MAP);
    return Builtins.toolkit(settings.text()).create(options, settings.baseDir());
  }
}
