package dev.agentry.engine.store.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.agentry.engine.event.EventJson;
import dev.agentry.engine.event.RunEvent;
import dev.agentry.engine.event.RunStatus;
import dev.agentry.engine.run.RunOutput;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON that every backend stores for runs and flexible fields: Agno's snake_case shapes, the run's events in
 * their wire form. One codec, so a run reads back the same from every backend.
 */
public final class StoreJson {
  /** Events and member runs are written by {@link #runTree}, each member run with its own events. */
  @JsonIgnoreProperties({"events", "member_responses"})
  private abstract static class WithoutEvents {}

  private static final JsonMapper MAPPER = EventJson.MAPPER.rebuild()
      .addMixIn(RunOutput.class, WithoutEvents.class)
      .build();
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private StoreJson() {}

  /** The run as one JSON object, its events and its member runs (a team's, with their events) included. */
  public static ObjectNode runTree(RunOutput run) {
    ObjectNode tree = MAPPER.valueToTree(run);
    if (run.events() != null) {
      ArrayNode events = tree.putArray("events");
      run.events().forEach(e -> events.add(EventJson.toTree(e)));
    }
    ArrayNode members = tree.putArray("member_responses");
    run.memberResponses().forEach(m -> members.add(runTree(m)));
    return tree;
  }

  /**
   * The fields {@link RunOutput#interrupted()} changes, as a JSON object of their stored values: what a backend merges
   * into a stored run to mark it interrupted in one statement.
   */
  public static ObjectNode interruptedFields() {
    ObjectNode patch = MAPPER.createObjectNode();
    patch.put("status", RunStatus.ERROR.name());
    patch.put("content", RunOutput.INTERRUPTED);
    patch.put("content_type", "str");
    return patch;
  }

  /** {@link #interruptedFields()} as JSON text. */
  public static String interruptedPatch() {
    return MAPPER.writeValueAsString(interruptedFields());
  }

  /** The run as JSON text. */
  public static String writeRun(RunOutput run) {
    return MAPPER.writeValueAsString(runTree(run));
  }

  /** Reads back a run written by {@link #writeRun}. */
  public static RunOutput readRun(String json) {
    return readRun(MAPPER.readTree(json));
  }

  /** Reads back a run from its tree. */
  public static RunOutput readRun(JsonNode tree) {
    RunOutput run = MAPPER.treeToValue(tree, RunOutput.class);
    JsonNode members = tree.get("member_responses");
    if (members != null && members.isArray() && !members.isEmpty()) {
      List<RunOutput> list = new ArrayList<>(members.size());
      members.forEach(m -> list.add(readRun(m)));
      run = run.withMemberResponses(list);
    }
    JsonNode events = tree.get("events");
    if (events == null || !events.isArray()) {
      return run;
    }
    List<RunEvent> list = new ArrayList<>(events.size());
    events.forEach(e -> list.add(EventJson.read(e)));
    return run.withEvents(List.copyOf(list));
  }

  /** Any value (a map, a list, a record) as JSON text; null stays null. */
  public static @Nullable String write(@Nullable Object value) {
    return value == null ? null : MAPPER.writeValueAsString(value);
  }

  /** A JSON object as a map; null stays null. */
  public static @Nullable Map<String, Object> readMap(@Nullable String json) {
    return json == null ? null : MAPPER.readValue(json, MAP);
  }

  /** JSON text as a value of {@code type}. */
  public static <T> T read(String json, Class<T> type) {
    return MAPPER.readValue(json, type);
  }

  /** JSON text as a value of a generic {@code type}. */
  public static <T> T read(String json, TypeReference<T> type) {
    return MAPPER.readValue(json, type);
  }

  /** A value as a JSON tree (for document stores). */
  public static JsonNode tree(Object value) {
    return MAPPER.valueToTree(value);
  }
}
