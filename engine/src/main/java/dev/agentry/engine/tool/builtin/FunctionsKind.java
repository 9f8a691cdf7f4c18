package dev.agentry.engine.tool.builtin;

import dev.agentry.engine.internal.Json;
import dev.agentry.engine.tool.Tool;
import dev.agentry.engine.tool.ToolContext;
import dev.agentry.engine.tool.ToolDefinition;
import dev.agentry.engine.tool.ToolResult;
import dev.agentry.engine.tool.Toolkit;
import dev.agentry.engine.tool.ToolkitKind;
import dev.agentry.engine.tool.ToolkitSettings;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * {@code functions: [...]}: functions declared in YAML that the client executes or a person answers; the run pauses
 * when the model calls one (the engine marks them client-side), so they never run here.
 */
public final class FunctionsKind implements ToolkitKind {
  private static final JsonNode EMPTY_OBJECT_SCHEMA = Json.MAPPER.readTree("{\"type\":\"object\"}");

  @Override
  public String key() {
    return "functions";
  }

  @Override
  public List<ToolDefinition> describe(ToolkitSettings settings) {
    List<ToolDefinition> definitions = new ArrayList<>();
    for (JsonNode function : settings.value()) {
      JsonNode parameters = function.get("parameters");
      definitions.add(new ToolDefinition(function.path("name").asString(), function.path("description").asString(""),
          parameters == null || !parameters.isObject() ? EMPTY_OBJECT_SCHEMA : parameters));
    }
    return definitions;
  }

  @Override
  public Toolkit open(ToolkitSettings settings) {
    return Toolkit.of(describe(settings).stream().<Tool>map(Declared::new).toList());
  }

  /** A declared function: the client answers its calls. */
  private record Declared(ToolDefinition definition) implements Tool {
    @Override
    public ToolResult invoke(JsonNode arguments, ToolContext context) {
      return ToolResult.error("function '" + definition.name() + "' is executed by the client, not by the server");
    }

    @Override
    public boolean blocking() {
      return false;
    }
  }
}
