package dev.agentry.engine.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes events as Agno's JSON: {@code created_at}, {@code event}, the run's scope fields, then the event's own
 * fields in declaration order, snake_case, null fields left out (but kept inside tool executions), one line.
 */
public final class EventJson {
  /** The snake_case mapper for events, run outputs and their embedded objects; thread-safe, never reconfigure. */
  public static final JsonMapper MAPPER = JsonMapper.builder()
      .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .changeDefaultPropertyInclusion(incl -> incl.withValueInclusion(JsonInclude.Include.NON_NULL))
      .build();

  private EventJson() {}

  /** The event as an ordered JSON object. */
  public static ObjectNode toTree(RunEvent event) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("created_at", event.createdAt());
    node.put("event", event.name());
    ObjectNode scope = MAPPER.valueToTree(event.scope());
    node.setAll(scope);
    ObjectNode fields = MAPPER.valueToTree(event);
    node.setAll(fields);
    return node;
  }

  /** The event as one line of compact JSON, as the SSE {@code data:} line carries it. */
  public static String write(RunEvent event) {
    return MAPPER.writeValueAsString(toTree(event));
  }
}
