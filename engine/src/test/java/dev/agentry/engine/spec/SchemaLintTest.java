package dev.agentry.engine.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The published schemas are the product's editor help: every property is described, every structured object
 * rejects unknown fields, and every file declares draft 2020-12.
 */
class SchemaLintTest {
  @Test
  void every_schema_is_draft_2020_12_with_a_title_and_description() throws IOException {
    for (Path file : schemaFiles()) {
      JsonNode root = SchemaDriftTest.schema(file.getFileName().toString());
      assertThat(root.path("$schema").asString()).as(file.toString())
          .isEqualTo("https://json-schema.org/draft/2020-12/schema");
      assertThat(root.path("title").asString()).as(file + " title").isNotBlank();
      assertThat(root.path("description").asString()).as(file + " description").isNotBlank();
    }
  }

  @Test
  void every_property_has_a_description_and_every_object_is_closed() throws IOException {
    List<String> problems = new ArrayList<>();
    for (Path file : schemaFiles()) {
      if (file.getFileName().toString().equals("agentry.schema.json")) {
        continue;
      }
      walk(SchemaDriftTest.schema(file.getFileName().toString()), file.getFileName() + "#", problems);
    }
    assertThat(problems).isEmpty();
  }

  private static void walk(JsonNode node, String where, List<String> problems) {
    if (!node.isObject()) {
      return;
    }
    JsonNode properties = node.get("properties");
    if (properties != null) {
      if (!node.path("additionalProperties").isBoolean() || node.get("additionalProperties").booleanValue()) {
        problems.add(where + " has properties but not additionalProperties: false");
      }
      for (String name : properties.propertyNames()) {
        if (properties.get(name).path("description").asString("").isBlank()) {
          problems.add(where + "/properties/" + name + " has no description");
        }
      }
    }
    for (String key : node.propertyNames()) {
      JsonNode child = node.get(key);
      if (child.isObject()) {
        walk(child, where + "/" + key, problems);
      } else if (child.isArray()) {
        for (int i = 0; i < child.size(); i++) {
          walk(child.get(i), where + "/" + key + "/" + i, problems);
        }
      }
    }
  }

  private static List<Path> schemaFiles() throws IOException {
    try (Stream<Path> files = Files.list(SchemaDriftTest.SCHEMAS)) {
      return files.filter(p -> p.toString().endsWith(".schema.json")).sorted().toList();
    }
  }
}
