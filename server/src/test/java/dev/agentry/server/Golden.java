package dev.agentry.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Golden JSON: a response compared with a reviewed file under {@code src/test/resources/golden}, after what differs
 * between runs is replaced by placeholders (UUIDs, ISO and epoch times, durations, the spec version). Run with
 * {@code -Dgolden.update=true} to rewrite the files, then review the diff.
 */
final class Golden {
  private static final JsonMapper PRETTY = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
  private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  private static final Pattern ISO_TIME = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z");
  private static final Set<String> TIMES = Set.of("created_at", "updated_at", "start_time", "end_time", "duration",
      "time_to_first_token");

  private Golden() {}

  static void assertMatches(String resource, JsonNode actual) {
    String text = PRETTY.writeValueAsString(normalized(actual.deepCopy())) + "\n";
    if (Boolean.getBoolean("golden.update")) {
      try {
        Files.writeString(Path.of("src/test/resources", resource), text);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return;
    }
    try (InputStream in = Golden.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as("golden file %s (write it with -Dgolden.update=true)", resource).isNotNull();
      assertThat(text).isEqualTo(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode normalized(JsonNode node) {
    if (node instanceof ObjectNode object) {
      for (String name : Set.copyOf(object.propertyNames())) {
        JsonNode value = object.get(name);
        if (TIMES.contains(name) && value.isNumber()) {
          object.put(name, 0);
        } else if (name.equals("spec_version")) {
          object.put(name, "<spec-version>");
        } else {
          object.set(name, normalized(value));
        }
      }
      return object;
    }
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        ((tools.jackson.databind.node.ArrayNode) node).set(i, normalized(node.get(i)));
      }
      return node;
    }
    if (node.isString()) {
      String text = ISO_TIME.matcher(UUID.matcher(node.asString()).replaceAll("<uuid>")).replaceAll("<time>");
      return tools.jackson.databind.node.StringNode.valueOf(text);
    }
    return node;
  }
}
