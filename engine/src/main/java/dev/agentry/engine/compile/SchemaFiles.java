package dev.agentry.engine.compile;

import dev.agentry.engine.spec.Draft;
import dev.agentry.engine.spec.SpecRoot;
import java.nio.file.Path;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the JSON Schemas that {@code input_schema} and {@code output_schema} give either inline or as a path to a
 * {@code .json} file relative to the YAML file, confined to the spec root ({@link SpecRoot}).
 */
final class SchemaFiles {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final int MAX_BYTES = 1 << 20;

  /** Identifies one schema field of one resource. */
  record Key(String kind, String name, String pointer) {
    static Key of(Draft resource, String pointer) {
      return new Key(resource.kind().wireName(), resource.name(), pointer);
    }
  }

  private SchemaFiles() {}

  /** Reads the schema at {@code pointer} (inline or from its file) into {@code out}, or reports why it cannot. */
  static void load(Draft resource, String pointer, Problems problems, Map<Key, JsonNode> out) {
    JsonNode value = resource.tree().at(pointer);
    if (value.isObject()) {
      out.put(Key.of(resource, pointer), value);
      return;
    }
    if (!value.isString()) {
      return;
    }
    Path dir = Path.of(resource.file()).toAbsolutePath().getParent();
    byte[] bytes;
    switch (resource.root().read("schema file", value.asString(), dir, MAX_BYTES)) {
      case SpecRoot.Refusal refusal -> {
        problems.at(resource, pointer, refusal.code(), refusal.message(), refusal.hint());
        return;
      }
      case SpecRoot.Bytes read -> bytes = read.bytes();
    }
    try {
      JsonNode schema = JSON.readTree(bytes);
      if (!schema.isObject()) {
        problems.at(resource, pointer, "bad-schema-file",
            "schema file '" + value.asString() + "' does not hold a JSON object", null);
        return;
      }
      out.put(Key.of(resource, pointer), schema);
    } catch (JacksonException e) {
      problems.at(resource, pointer, "bad-schema-file",
          "schema file '" + value.asString() + "' is not valid JSON: " + e.getOriginalMessage(), null);
    }
  }
}
