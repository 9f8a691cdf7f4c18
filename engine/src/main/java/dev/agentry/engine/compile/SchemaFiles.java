package dev.agentry.engine.compile;

import dev.agentry.engine.spec.Draft;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the JSON Schemas that {@code input_schema} and {@code output_schema} give either inline or as a path to a
 * {@code .json} file relative to the YAML file.
 */
final class SchemaFiles {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final long MAX_BYTES = 1 << 20;

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
    Path path = Path.of(resource.file()).toAbsolutePath().getParent().resolve(value.asString()).normalize();
    try {
      if (Files.size(path) > MAX_BYTES) {
        problems.at(resource, pointer, "bad-schema-file", "schema file '" + value.asString() + "' is over 1 MiB",
            null);
        return;
      }
      JsonNode schema = JSON.readTree(Files.readString(path));
      if (!schema.isObject()) {
        problems.at(resource, pointer, "bad-schema-file",
            "schema file '" + value.asString() + "' does not hold a JSON object", null);
        return;
      }
      out.put(Key.of(resource, pointer), schema);
    } catch (IOException e) {
      problems.at(resource, pointer, "missing-file", "cannot read schema file '" + value.asString() + "'",
          "paths are relative to the folder of the YAML file");
    } catch (JacksonException e) {
      problems.at(resource, pointer, "bad-schema-file",
          "schema file '" + value.asString() + "' is not valid JSON: " + e.getOriginalMessage(), null);
    }
  }
}
