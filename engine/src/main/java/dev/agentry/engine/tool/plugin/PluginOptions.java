package dev.agentry.engine.tool.plugin;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import com.networknt.schema.path.PathType;
import dev.agentry.engine.internal.Json;
import dev.agentry.engine.tool.ToolPlugin;
import dev.agentry.engine.tool.ToolkitException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Checks a toolkit's {@code options} against its plugin's {@link ToolPlugin#optionsSchema()} (JSON Schema 2020-12),
 * naming each problem by its JSON Pointer inside the options: {@code options/units: must be one of metric, imperial}.
 */
final class PluginOptions {
  private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
      builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().pathType(PathType.JSON_POINTER).build()));
  /** Compiled schemas by their text: the same plugin is described for each toolkit and at each reload. */
  private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

  private PluginOptions() {}

  /**
   * @throws ToolkitException listing every problem, when {@code options} do not match the schema, or when the
   *     plugin's schema is not valid JSON
   */
  static void check(ToolPlugin plugin, JsonNode options) {
    String text = plugin.optionsSchema();
    if (text == null) {
      return;
    }
    Schema schema;
    try {
      schema = SCHEMAS.computeIfAbsent(text, t -> REGISTRY.getSchema(Json.MAPPER.readTree(t)));
    } catch (RuntimeException e) {
      throw new ToolkitException("the plugin's options schema is not valid: " + e.getMessage());
    }
    List<String> problems = new ArrayList<>();
    for (Error error : schema.validate(options)) {
      problems.add("options" + pointer(error.getInstanceLocation()) + ": " + words(error));
    }
    if (!problems.isEmpty()) {
      throw new ToolkitException(String.join("; ", problems));
    }
  }

  private static String words(Error error) {
    String keyword = error.getKeyword() == null ? "" : error.getKeyword();
    JsonNode schema = error.getSchemaNode();
    switch (keyword) {
      case "enum" -> {
        List<String> values = new ArrayList<>();
        schema.forEach(v -> values.add(v.isString() ? v.asString() : v.toString()));
        return "must be one of " + String.join(", ", values);
      }
      case "required" -> {
        return "missing required option '" + error.getProperty() + "'";
      }
      case "additionalProperties", "unevaluatedProperties" -> {
        return "unknown option '" + error.getProperty() + "'";
      }
      default -> {
        String message = error.getMessage() == null ? keyword : error.getMessage();
        int colon = message.indexOf(": ");
        return colon >= 0 && (message.startsWith("/") || message.startsWith(": "))
            ? message.substring(colon + 2) : message;
      }
    }
  }

  private static String pointer(@Nullable NodePath path) {
    if (path == null) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < path.getNameCount(); i++) {
      out.append('/').append(String.valueOf(path.getElement(i)).replace("~", "~0").replace("/", "~1"));
    }
    return out.toString();
  }
}
