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
 * Writes events as Agno's JSON: {@code created_at}, {@code event}, the envelope of the run's family, then the event's own
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
    writeScope(event.scope(), node);
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
    RunScope scope = readScope(node);
    String name = node.path("event").asString("");
    String prefix = scope.kind().eventPrefix();
    Class<?> type = TYPES.get(name);
    if (type == null || !WorkflowEvent.class.isAssignableFrom(type)) { // only workflow events are never prefixed
      type = name.startsWith(prefix) ? TYPES.get(name.substring(prefix.length())) : null;
    }
    if (type == null) {
      throw new IllegalArgumentException("not a known event: " + node.path("event"));
    }
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

  /** The envelope of the scope's family, in Agno's order ({@code agentos-api.md} §3.2); null fields left out. */
  private static void writeScope(RunScope scope, ObjectNode node) {
    String family = scope.kind().wireName();
    node.put(family + "_id", scope.componentId());
    node.put(family + "_name", scope.componentName());
    switch (scope.kind()) {
      case AGENT, TEAM -> {
        node.put("run_id", scope.runId());
        putIfSet(node, "parent_run_id", scope.parentRunId());
        node.put("session_id", scope.sessionId());
        putIfSet(node, "workflow_id", scope.workflowId());
        putIfSet(node, "workflow_run_id", scope.workflowRunId());
        putIfSet(node, "step_id", scope.stepId());
        putIfSet(node, "step_name", scope.stepName());
        if (scope.stepIndex() != null) {
          node.set("step_index", MAPPER.valueToTree(scope.stepIndex().json()));
        }
      }
      case WORKFLOW -> { // step_name and step_index are a workflow event's own fields, after the envelope
        node.put("session_id", scope.sessionId());
        node.put("run_id", scope.runId());
        putIfSet(node, "step_id", scope.stepId());
        putIfSet(node, "parent_step_id", scope.parentStepId());
      }
    }
    node.put("nested_depth", scope.nestedDepth());
  }

  private static void putIfSet(ObjectNode node, String field, @org.jspecify.annotations.Nullable String value) {
    if (value != null) {
      node.put(field, value);
    }
  }

  /** The scope of a stored event: its family is the one whose id field it carries. */
  private static RunScope readScope(JsonNode node) {
    ComponentKind kind = node.has("team_id") ? ComponentKind.TEAM : node.has("agent_id") ? ComponentKind.AGENT
        : ComponentKind.WORKFLOW;
    String family = kind.wireName();
    String id = node.path(family + "_id").asString("");
    String name = node.path(family + "_name").asString("");
    String runId = node.path("run_id").asString("");
    String sessionId = node.path("session_id").asString("");
    int depth = node.path("nested_depth").asInt();
    if (kind == ComponentKind.WORKFLOW) {
      return new RunScope(kind, id, name, runId, null, sessionId, null, null, text(node, "step_id"), null, null,
          text(node, "parent_step_id"), depth);
    }
    JsonNode stepIndex = node.get("step_index");
    return new RunScope(kind, id, name, runId, text(node, "parent_run_id"), sessionId, text(node, "workflow_id"),
        text(node, "workflow_run_id"), text(node, "step_id"), text(node, "step_name"),
        stepIndex == null || stepIndex.isNull() ? null : StepIndex.fromJson(stepIndex), depth);
  }

  private static @org.jspecify.annotations.Nullable String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asString();
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
