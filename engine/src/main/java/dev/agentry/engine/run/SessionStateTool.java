package dev.agentry.engine.run;

import dev.agentry.engine.event.EventJson;
import dev.agentry.engine.internal.Json;
import dev.agentry.engine.tool.Tool;
import dev.agentry.engine.tool.ToolContext;
import dev.agentry.engine.tool.ToolDefinition;
import dev.agentry.engine.tool.ToolResult;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Agno's {@code update_session_state} tool ({@code enable_agentic_state}): the model sets keys of the run's session
 * state, which is saved with the run. The keys of one call are written at once, so calls made in parallel each land
 * whole (the last one wins on a key they share).
 */
final class SessionStateTool implements Tool {
  static final String NAME = "update_session_state";
  static final SessionStateTool INSTANCE = new SessionStateTool();
  private static final ToolDefinition DEFINITION = new ToolDefinition(NAME,
      "Update the shared session state. Provide any updates as a dictionary of key-value pairs. Example: "
          + "\"session_state_updates\": {\"shopping_list\": [\"milk\", \"eggs\", \"bread\"]}",
      parameters());

  private SessionStateTool() {}

  private static ObjectNode parameters() {
    ObjectNode schema = JsonNodeFactory.instance.objectNode().put("type", "object");
    schema.putObject("properties").putObject("session_state_updates").put("type", "object")
        .put("description", "The updates to apply to the shared session state: the keys to set and their values.");
    schema.putArray("required").add("session_state_updates");
    return schema;
  }

  @Override
  public ToolDefinition definition() {
    return DEFINITION;
  }

  @Override
  public boolean blocking() {
    return false;
  }

  @Override
  @SuppressWarnings("unchecked")
  public ToolResult invoke(JsonNode arguments, ToolContext context) {
    JsonNode updates = arguments.path("session_state_updates");
    if (!updates.isObject()) {
      return ToolResult.error("Error: session_state_updates must be an object of the keys to set and their values.");
    }
    Map<String, Object> values = Json.MAPPER.convertValue(updates, LinkedHashMap.class);
    Map<String, Object> state = context.sessionState();
    Map<String, Object> after;
    synchronized (state) { // the run's state is a synchronized map: this makes the update and the copy one step
      state.putAll(values);
      after = new LinkedHashMap<>(state);
    }
    return ToolResult.of("Updated session state: " + EventJson.MAPPER.writeValueAsString(after));
  }
}
