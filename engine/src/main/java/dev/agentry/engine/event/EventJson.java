package dev.agentry.engine.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
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
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES) // Metrics leaves its zero fields out
      .build();

  /** Every event class by its wire name, from the sealed hierarchy. */
  private static final Map<String, Class<?>> TYPES = types();

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

  /**
   * Reads back an event that {@link #toTree} wrote (as stored with a run).
   *
   * @throws IllegalArgumentException when the tree names no known event
   */
  public static RunEvent read(JsonNode node) {
    Class<?> type = TYPES.get(node.path("event").asString(""));
    if (type == null) {
      throw new IllegalArgumentException("not a known event: " + node.path("event"));
    }
    RunScope scope = MAPPER.treeToValue(node, RunScope.class);
    RecordComponent[] components = type.getRecordComponents();
    Object[] args = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      RecordComponent c = components[i];
      args[i] = switch (c.getName()) {
        case "scope" -> scope;
        case "createdAt" -> node.path("created_at").asLong();
        default -> {
          JsonNode value = node.get(snakeCase(c.getName()));
          yield value == null || value.isNull() ? defaultOf(c.getType())
              : MAPPER.treeToValue(value, MAPPER.getTypeFactory().constructType(c.getGenericType()));
        }
      };
    }
    try {
      Constructor<?> constructor = type.getDeclaredConstructor(
          Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
      return (RunEvent) constructor.newInstance(args);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot rebuild event " + type.getSimpleName(), e);
    }
  }

  private static @org.jspecify.annotations.Nullable Object defaultOf(Class<?> type) {
    if (!type.isPrimitive()) {
      return null;
    }
    return type == boolean.class ? false : type == long.class ? 0L : type == int.class ? 0 : type == double.class
        ? 0.0 : null;
  }

  /** {@code toolCallId} as {@code tool_call_id}, as the mapper's naming strategy writes it. */
  private static String snakeCase(String name) {
    StringBuilder out = new StringBuilder(name.length() + 4);
    for (char c : name.toCharArray()) {
      if (Character.isUpperCase(c)) {
        out.append('_').append(Character.toLowerCase(c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static Map<String, Class<?>> types() {
    Map<String, Class<?>> types = new HashMap<>();
    collect(RunEvent.class, types);
    return Map.copyOf(types);
  }

  private static void collect(Class<?> type, Map<String, Class<?>> into) {
    if (type.isRecord()) {
      into.put(EventNames.of(type), type);
    }
    Class<?>[] permitted = type.getPermittedSubclasses();
    if (permitted != null) {
      for (Class<?> sub : permitted) {
        collect(sub, into);
      }
    }
  }
}
