package dev.agentry.engine.spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Nothing is silently ignored: a field a spec sets that its schema describes as "(Accepted; not yet acted on.)" gets a
 * warning at its position, from {@code agentry validate} and in {@code /specs/status}. The schemas are the one list of
 * such fields: making a field work and dropping its marker ends the warning.
 */
final class InertFields {
  /** The words the schemas end a field's description with while the field has no effect. */
  static final String MARKER = "(Accepted; not yet acted on.)";
  private static final String CLASSPATH_BASE = "dev/agentry/schemas/";
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Map<String, JsonNode> SCHEMAS = new ConcurrentHashMap<>();

  private final YamlReader.Document document;
  private final List<Diagnostic> out = new ArrayList<>();

  private InertFields(YamlReader.Document document) {
    this.document = document;
  }

  /** A warning for each field of {@code document} (a valid resource of {@code kind}) that has no effect yet. */
  static List<Diagnostic> of(Kind kind, YamlReader.Document document) {
    InertFields fields = new InertFields(document);
    fields.walk(new At(schema(kind.schemaFile()), kind.schemaFile()), document.root(), "");
    return fields.out;
  }

  /** A schema node and the file it is in, which its relative {@code $ref}s start from. */
  private record At(JsonNode node, String file) {}

  private void walk(At schema, JsonNode value, String pointer) {
    At at = resolve(schema);
    if (value.isObject()) {
      for (String name : value.propertyNames()) {
        At field = property(at, name);
        if (field == null) {
          continue;
        }
        String path = pointer + "/" + name.replace("~", "~0").replace("/", "~1");
        if (inert(field) || inert(resolve(field))) {
          out.add(Diagnostic.warning(document.file(), document.sourceMap().key(path), path, "not-acted-on",
              "'" + name + "' is accepted but has no effect yet", "schemas/README.md lists what is acted on"));
        } else {
          walk(field, value.get(name), path);
        }
      }
    } else if (value.isArray() && at.node().has("items")) {
      At items = new At(at.node().get("items"), at.file());
      for (int i = 0; i < value.size(); i++) {
        walk(items, value.get(i), pointer + "/" + i);
      }
    }
  }

  /** The schema of field {@code name}: in {@code properties}, or in a branch of allOf, anyOf, oneOf, then or else. */
  private static @Nullable At property(At schema, String name) {
    JsonNode properties = schema.node().get("properties");
    if (properties != null && properties.has(name)) {
      return new At(properties.get(name), schema.file());
    }
    for (String combinator : List.of("allOf", "anyOf", "oneOf")) {
      for (JsonNode branch : schema.node().path(combinator)) {
        At found = property(resolve(new At(branch, schema.file())), name);
        if (found != null) {
          return found;
        }
      }
    }
    for (String branch : List.of("then", "else")) {
      if (schema.node().has(branch)) {
        At found = property(resolve(new At(schema.node().get(branch), schema.file())), name);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  private static boolean inert(At schema) {
    JsonNode description = schema.node().get("description");
    return description != null && description.isString() && description.stringValue().contains(MARKER);
  }

  /** Follows {@code $ref}s, within the file or to another schema file ({@code common.schema.json#/$defs/...}). */
  private static At resolve(At schema) {
    At at = schema;
    for (int hops = 0; hops < 16 && at.node().has("$ref"); hops++) {
      String ref = at.node().get("$ref").asString();
      int hash = ref.indexOf('#');
      String file = hash == 0 ? at.file() : hash < 0 ? ref : ref.substring(0, hash);
      String fragment = hash < 0 ? "" : ref.substring(hash + 1);
      JsonNode target = schema(file).at(fragment);
      if (target.isMissingNode()) {
        return at;
      }
      at = new At(target, file);
    }
    return at;
  }

  private static JsonNode schema(String file) {
    return SCHEMAS.computeIfAbsent(file, f -> {
      try (InputStream in = InertFields.class.getClassLoader().getResourceAsStream(CLASSPATH_BASE + f)) {
        return in == null ? JSON.createObjectNode() : JSON.readTree(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }
}
