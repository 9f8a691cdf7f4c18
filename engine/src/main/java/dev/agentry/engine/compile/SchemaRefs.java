package dev.agentry.engine.compile;

import dev.agentry.engine.spec.SourceMap;
import dev.agentry.engine.spec.Suggestions;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Finds the {@code $ref}s of a JSON Schema that cannot be followed: those pointing outside the schema (another file
 * or a URL, which the engine never fetches) and those pointing at nothing inside it.
 */
final class SchemaRefs {
  /** Keywords whose values are data, not schemas: a {@code $ref} key inside them is not a reference. */
  private static final Set<String> DATA = Set.of("enum", "const", "default", "examples");

  /** A reference that cannot be followed, at {@code pointer} inside the schema. */
  record Broken(String pointer, String message, @Nullable String hint) {}

  private final Set<String> ids = new HashSet<>();
  private final Set<String> anchors = new HashSet<>();
  private final List<Broken> broken = new ArrayList<>();

  private SchemaRefs() {}

  /** The broken references of {@code schema}, in document order. */
  static List<Broken> find(JsonNode schema) {
    SchemaRefs refs = new SchemaRefs();
    refs.collect(schema);
    refs.walk(schema, "", schema);
    return refs.broken;
  }

  private void collect(JsonNode node) {
    if (node.isObject()) {
      String id = node.path("$id").asString("");
      if (id.startsWith("#")) {
        anchors.add(id.substring(1));
      } else if (!id.isEmpty()) {
        ids.add(id.contains("#") ? id.substring(0, id.indexOf('#')) : id);
      }
      for (String key : List.of("$anchor", "$dynamicAnchor")) {
        if (node.path(key).isString()) {
          anchors.add(node.path(key).asString());
        }
      }
    }
    for (String key : node.isObject() ? node.propertyNames() : List.<String>of()) {
      if (!DATA.contains(key)) {
        collect(node.get(key));
      }
    }
    if (node.isArray()) {
      node.forEach(this::collect);
    }
  }

  private void walk(JsonNode node, String pointer, JsonNode resource) {
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        walk(node.get(i), SourceMap.child(pointer, i), resource);
      }
      return;
    }
    if (!node.isObject()) {
      return;
    }
    JsonNode scope = !pointer.isEmpty() && node.path("$id").isString() ? node : resource;
    if (node.path("$ref").isString()) {
      check(node.path("$ref").asString(), SourceMap.child(pointer, "$ref"), scope);
    }
    for (String key : node.propertyNames()) {
      if (!DATA.contains(key)) {
        walk(node.get(key), SourceMap.child(pointer, key), scope);
      }
    }
  }

  private void check(String ref, String at, JsonNode resource) {
    int hash = ref.indexOf('#');
    String base = hash < 0 ? ref : ref.substring(0, hash);
    String fragment = hash < 0 ? "" : URLDecoder.decode(ref.substring(hash + 1).replace("+", "%2B"),
        StandardCharsets.UTF_8);
    if (!base.isEmpty() && !ids.contains(base)) {
      broken.add(new Broken(at, "$ref '" + ref + "' points outside the schema",
          "put the schema it names under $defs and write '#/$defs/NAME': schema files and URLs are not fetched"));
    } else if (fragment.startsWith("/") && base.isEmpty() && resource.at(fragment).isMissingNode()) {
      String parent = fragment.substring(0, fragment.lastIndexOf('/'));
      String last = fragment.substring(fragment.lastIndexOf('/') + 1);
      JsonNode siblings = resource.at(parent);
      String hint = siblings.isObject() ? Suggestions.didYouMean(last, siblings.propertyNames()) : null;
      broken.add(new Broken(at, "$ref '" + ref + "' points at nothing in the schema", hint));
    } else if (!fragment.isEmpty() && !fragment.startsWith("/") && !anchors.contains(fragment)) {
      broken.add(new Broken(at, "$ref '" + ref + "' names no $anchor of the schema",
          Suggestions.didYouMean(fragment, anchors)));
    }
  }
}
