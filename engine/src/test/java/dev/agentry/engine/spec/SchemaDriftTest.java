package dev.agentry.engine.spec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentry.engine.model.Providers;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps {@code schemas/} and the {@code *Spec} records in step: every schema property has a record component of the
 * same name (snake_case to camelCase) in the same order, at every level of nesting, and the reverse.
 */
class SchemaDriftTest {
  static final Path SCHEMAS = Path.of("../schemas");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  static JsonNode schema(String file) {
    try {
      return JSON.readTree(Files.readString(SCHEMAS.resolve(file)));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void spec_records_match_their_schema(Kind kind) {
    JsonNode root = schema(kind.schemaFile());
    compare(kind.specType(), root.at("/properties/spec"), kind.schemaFile(), root, "spec");
  }

  @Test
  void metadata_record_matches_the_common_schema() {
    JsonNode common = schema("common.schema.json");
    compare(Metadata.class, common.at("/$defs/metadata"), "common.schema.json", common, "metadata");
  }

  @Test
  void model_providers_match_the_schema_enum() {
    JsonNode providers = schema("model.schema.json").at("/properties/spec/properties/provider/enum");
    List<String> names = new ArrayList<>();
    providers.forEach(p -> names.add(p.asString()));
    assertThat(names).containsExactlyElementsOf(Providers.KNOWN);
  }

  @Test
  void the_index_schema_dispatches_every_kind() {
    JsonNode index = schema("agentry.schema.json");
    List<String> kinds = new ArrayList<>();
    index.at("/properties/kind/enum").forEach(k -> kinds.add(k.asString()));
    assertThat(kinds).containsExactlyElementsOf(Kind.wireNames());
    List<String> targets = new ArrayList<>();
    index.get("allOf").forEach(rule -> targets.add(rule.at("/then/$ref").asString()));
    assertThat(targets).containsExactlyElementsOf(
        java.util.Arrays.stream(Kind.values()).map(Kind::schemaFile).toList());
  }

  private final java.util.Set<Class<?>> compared = new java.util.HashSet<>();

  private void compare(Class<?> type, JsonNode objectSchema, String file, JsonNode root, String where) {
    if (!compared.add(type)) {
      return;
    }
    JsonNode resolved = resolve(objectSchema, file, root);
    List<String> schemaNames = new ArrayList<>(resolved.path("properties").propertyNames());
    RecordComponent[] components = type.getRecordComponents();
    List<String> recordNames = new ArrayList<>();
    for (RecordComponent component : components) {
      recordNames.add(snake(component.getName()));
    }
    assertThat(recordNames).as("components of %s vs %s#%s", type.getSimpleName(), file, where)
        .containsExactlyElementsOf(schemaNames);
    for (RecordComponent component : components) {
      Class<?> nested = nestedRecord(component.getGenericType());
      if (nested != null && nested.getEnclosingClass() != null) {
        JsonNode property = resolved.at("/properties/" + snake(component.getName()));
        JsonNode target = property.has("items") ? property.get("items") : property;
        compare(nested, target, fileOf(target, file), rootOf(target, file, root), where + "." + component.getName());
      }
    }
  }

  private static Class<?> nestedRecord(Type type) {
    if (type instanceof Class<?> c && c.isRecord()) {
      return c;
    }
    if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
      return nestedRecord(p.getActualTypeArguments()[0]);
    }
    return null;
  }

  private static JsonNode resolve(JsonNode node, String file, JsonNode root) {
    JsonNode ref = node.get("$ref");
    if (ref == null) {
      return node;
    }
    String value = ref.asString();
    int hash = value.indexOf('#');
    String target = hash == 0 ? file : value.substring(0, hash);
    JsonNode targetRoot = target.equals(file) ? root : schema(target);
    return resolve(targetRoot.at(value.substring(hash + 1)), target, targetRoot);
  }

  private static String fileOf(JsonNode node, String file) {
    JsonNode ref = node.get("$ref");
    return ref != null && !ref.asString().startsWith("#") ? ref.asString().substring(0, ref.asString().indexOf('#'))
        : file;
  }

  private static JsonNode rootOf(JsonNode node, String file, JsonNode root) {
    String target = fileOf(node, file);
    return target.equals(file) ? root : schema(target);
  }

  static String snake(String camel) {
    return camel.replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT);
  }
}
