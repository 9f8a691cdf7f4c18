package dev.agentry.engine.tool.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Makes an argument schema stand alone: the {@code $ref}s to the document's component schemas that resolving left in
 * it (a recursive schema, such as a tree node whose children are nodes) point into the schema's own {@code $defs},
 * which get the components they need.
 */
final class ComponentRefs {
  private static final String COMPONENTS = "#/components/schemas/";
  private static final String DEFS = "#/$defs/";

  private ComponentRefs() {}

  /** Rewrites the references of {@code schema} and adds the {@code $defs} they need. */
  static void inline(ObjectNode schema, OpenAPI api, Function<Schema<?>, ObjectNode> toJson) {
    Deque<String> pending = new ArrayDeque<>();
    rewrite(schema, pending);
    Map<String, JsonNode> defs = new LinkedHashMap<>();
    while (!pending.isEmpty()) {
      String name = pending.pop();
      if (defs.containsKey(name)) {
        continue;
      }
      Schema<?> component = api.getComponents() == null || api.getComponents().getSchemas() == null ? null
          : api.getComponents().getSchemas().get(name);
      ObjectNode json = component == null ? schema.objectNode() : toJson.apply(component);
      defs.put(name, json);
      rewrite(json, pending);
    }
    if (!defs.isEmpty()) {
      schema.putObject("$defs").setAll(defs);
    }
  }

  private static void rewrite(JsonNode node, Deque<String> pending) {
    if (node instanceof ObjectNode object) {
      JsonNode ref = object.get("$ref");
      if (ref != null && ref.isString() && ref.asString().startsWith(COMPONENTS)) {
        String name = ref.asString().substring(COMPONENTS.length());
        object.put("$ref", DEFS + name);
        pending.push(name);
      }
    }
    if (node.isContainer()) {
      for (JsonNode child : node) {
        rewrite(child, pending);
      }
    }
  }
}
