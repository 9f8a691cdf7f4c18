package dev.agentry.engine.spec;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import com.networknt.schema.path.PathType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Validates resources against the JSON Schemas of {@code schemas/} (copied into the jar, so the published schema is
 * the enforced one) and words every error in plain language at the right file:line:column.
 *
 * <p>Thread-safe and meant to be shared: the compiled schemas are cached per kind.
 */
public final class SchemaValidator {
  /** Where the schemas are published; mapped onto the copies inside the jar. */
  public static final String SCHEMA_BASE = "https://agentry.dev/schemas/";
  private static final String CLASSPATH_BASE = "dev/agentry/schemas/";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final SchemaRegistry registry;
  private final Map<Kind, Schema> schemas = new EnumMap<>(Kind.class);
  /** The schemas of {@code schemas/} as JSON, read when an error needs their property names. */
  private static final Map<String, JsonNode> RAW_SCHEMAS = new ConcurrentHashMap<>();

  private SchemaValidator() {
    SchemaRegistryConfig config = SchemaRegistryConfig.builder()
        .pathType(PathType.JSON_POINTER)
        .formatAssertionsEnabled(true)
        .build();
    this.registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, builder -> builder
        .schemaRegistryConfig(config)
        .schemaIdResolvers(ids -> ids.mapPrefix(SCHEMA_BASE, "classpath:" + CLASSPATH_BASE)));
    for (Kind kind : Kind.values()) {
      schemas.put(kind, registry.getSchema(SchemaLocation.of(SCHEMA_BASE + kind.schemaFile())));
    }
  }

  /** Loads and compiles the schema of every kind. */
  public static SchemaValidator create() {
    return new SchemaValidator();
  }

  /**
   * Validates one resource document of a known kind.
   *
   * @param secretPointers pointers whose values came from interpolation: never echoed in messages
   */
  public List<Diagnostic> validate(Kind kind, YamlReader.Document document, Set<String> secretPointers) {
    List<Error> errors = schemas.get(kind).validate(document.root());
    Set<Diagnostic> out = new LinkedHashSet<>();
    for (Error error : errors) {
      Diagnostic diagnostic = describe(error, document.file(), document.sourceMap(), "", secretPointers);
      if (diagnostic != null) {
        out.add(diagnostic);
      }
    }
    return withoutMisspeltRequired(new ArrayList<>(out));
  }

  /**
   * A misspelt required field is one problem: "unknown field 'modle' (did you mean 'model'?)" already says it, so
   * "missing required field 'model'" in the same mapping is dropped.
   */
  private static List<Diagnostic> withoutMisspeltRequired(List<Diagnostic> diagnostics) {
    Set<String> suggested = new java.util.HashSet<>();
    for (Diagnostic d : diagnostics) {
      if (d.code().equals("unknown-field") && d.hint() != null) {
        String parent = d.pointer().substring(0, d.pointer().lastIndexOf('/'));
        suggested.add(parent + "\n" + d.hint());
      }
    }
    return diagnostics.stream()
        .filter(d -> !d.code().equals("missing-field")
            || !suggested.contains(d.pointer() + "\n" + "did you mean '" + requiredName(d) + "'?"))
        .toList();
  }

  private static String requiredName(Diagnostic missing) {
    String message = missing.message();
    int start = message.indexOf('\'') + 1;
    return message.substring(start, message.indexOf('\'', start));
  }

  /**
   * Words one validation error in plain language, located in {@code file} through {@code map}. The validated value
   * sits at {@code base} of the document: "" for a resource, the field's pointer for a JSON Schema written inside a
   * spec (checked against its meta-schema). Values at {@code secrets} are never echoed. Null for an error that adds
   * nothing.
   */
  public static @Nullable Diagnostic describe(Error error, String file, SourceMap map, String base,
      Set<String> secrets) {
    String pointer = base + pointer(error.getInstanceLocation());
    String field = fieldName(pointer);
    JsonNode value = error.getInstanceNode();
    boolean secret = secrets.contains(pointer);
    String shown = secret || value == null ? "the value" : "'" + brief(value) + "'";
    String keyword = error.getKeyword() == null ? "" : error.getKeyword();
    switch (keyword) {
      case "additionalProperties", "unevaluatedProperties" -> {
        String name = error.getProperty();
        String at = SourceMap.child(pointer, name);
        List<String> allowed = allowedProperties(error.getSchemaLocation());
        return Diagnostic.error(file, map.key(at), at, "unknown-field",
            "unknown field '" + name + "'" + where(pointer), Suggestions.didYouMean(name, allowed));
      }
      case "required" -> {
        String name = error.getProperty();
        return Diagnostic.error(file, map.value(pointer), pointer, "missing-field",
            "missing required field '" + name + "'" + where(pointer),
            name.equals("model") ? "add 'model: openai:gpt-4o-mini' or the name of a Model resource" : null);
      }
      case "type" -> {
        String expected = describeTypes(error.getSchemaNode());
        String hint = value != null && value.isString() && expected.contains("true or false")
            && List.of("yes", "no", "on", "off", "y", "n").contains(value.asString().toLowerCase(java.util.Locale.ROOT))
            ? "write true or false: YAML 1.2 reads yes, no, on and off as text" : null;
        return Diagnostic.error(file, map.value(pointer), pointer, "wrong-type",
            label(field) + " must be " + expected + ", not " + describe(value), hint);
      }
      case "enum" -> {
        List<String> options = new ArrayList<>();
        error.getSchemaNode().forEach(option -> options.add(option.asString()));
        String hint = secret || value == null || !value.isString() ? null
            : Suggestions.didYouMean(value.asString(), options);
        return Diagnostic.error(file, map.value(pointer), pointer, "bad-value",
            shown + " is not a valid " + field + ": use one of " + String.join(", ", options), hint);
      }
      case "const" -> {
        String expected = error.getSchemaNode().asString();
        return Diagnostic.error(file, map.value(pointer), pointer, "bad-value",
            label(field) + " must be '" + expected + "'", secret ? null : "found " + shown);
      }
      case "format" -> {
        String format = error.getSchemaNode().asString();
        return Diagnostic.error(file, map.value(pointer), pointer, "bad-value", shown + " is not a valid "
            + (format.equals("regex") ? "regular expression" : format) + " for " + field, null);
      }
      case "pattern" -> {
        String pattern = error.getSchemaNode().asString();
        if (pattern.equals(Names.PATTERN)) {
          return Diagnostic.error(file, map.value(pointer), pointer, "bad-name",
              shown + " is not a valid name: use lower-case letters, digits and '-', starting and ending with a"
                  + " letter or digit",
              secret || value == null ? null : "try '" + Names.suggest(value.asString()) + "'");
        }
        return Diagnostic.error(file, map.value(pointer), pointer, "bad-value",
            shown + " does not match the pattern " + pattern + " required for " + field, null);
      }
      case "minItems", "maxItems", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minLength",
          "maxLength" -> {
        String limit = error.getSchemaNode().asString();
        String rule = switch (keyword) {
          case "minItems" -> "needs at least " + limit + (limit.equals("1") ? " item" : " items");
          case "maxItems" -> "takes at most " + limit + (limit.equals("1") ? " item" : " items");
          case "minimum" -> "must be at least " + limit;
          case "maximum" -> "must be at most " + limit;
          case "exclusiveMinimum" -> "must be more than " + limit;
          case "exclusiveMaximum" -> "must be less than " + limit;
          case "minLength" -> "must be at least " + limit + " characters long";
          default -> "must be at most " + limit + " characters long";
        };
        return Diagnostic.error(file, map.value(pointer), pointer, "bad-value",
            label(field) + " " + rule + (secret || value == null || value.isContainer() ? "" : ", not " + brief(value)),
            null);
      }
      default -> {
        String message = error.getMessage() == null ? keyword : error.getMessage();
        int colon = message.indexOf(": ");
        if (colon >= 0 && (message.startsWith("/") || message.startsWith(": "))) {
          message = message.substring(colon + 2);
        }
        return Diagnostic.error(file, map.value(pointer), pointer, "schema",
            label(field) + " " + message, null);
      }
    }
  }

  /** The property names allowed where an unknown property was found, read from the schema itself. */
  private static List<String> allowedProperties(@Nullable SchemaLocation location) {
    if (location == null) {
      return List.of();
    }
    String iri = location.getAbsoluteIri() == null ? "" : location.getAbsoluteIri().toString();
    JsonNode schema = RAW_SCHEMAS.computeIfAbsent(iri, SchemaValidator::readSchema);
    NodePath fragment = location.getFragment();
    JsonNode node = schema;
    for (int i = 0; i < fragment.getNameCount() - 1 && node != null; i++) {
      node = node.get(fragment.getName(i));
    }
    if (node == null || node.get("properties") == null) {
      return List.of();
    }
    return List.copyOf(node.get("properties").propertyNames());
  }

  private static JsonNode readSchema(String iri) {
    String file = iri.startsWith(SCHEMA_BASE) ? iri.substring(SCHEMA_BASE.length()) : iri;
    try (InputStream in = SchemaValidator.class.getClassLoader().getResourceAsStream(CLASSPATH_BASE + file)) {
      return in == null ? JSON.createObjectNode() : JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String pointer(@Nullable NodePath path) {
    if (path == null) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < path.getNameCount(); i++) {
      Object element = path.getElement(i);
      out.append('/').append(String.valueOf(element).replace("~", "~0").replace("/", "~1"));
    }
    return out.toString();
  }

  private static String fieldName(String pointer) {
    String last = pointer.substring(pointer.lastIndexOf('/') + 1);
    if (!last.isEmpty() && last.chars().allMatch(Character::isDigit)) {
      String parent = pointer.substring(0, pointer.lastIndexOf('/'));
      return fieldName(parent) + "[" + last + "]";
    }
    return last.isEmpty() ? "the resource" : last.replace("~1", "/").replace("~0", "~");
  }

  private static String label(String field) {
    return field.startsWith("the ") ? "the resource" : "'" + field + "'";
  }

  private static String where(String pointer) {
    return pointer.isEmpty() ? "" : " in " + fieldName(pointer);
  }

  private static String describeTypes(JsonNode typeNode) {
    List<String> types = new ArrayList<>();
    if (typeNode.isArray()) {
      typeNode.forEach(t -> types.add(article(t.asString())));
    } else {
      types.add(article(typeNode.asString()));
    }
    return String.join(" or ", types);
  }

  private static String article(String type) {
    return switch (type) {
      case "object" -> "a mapping";
      case "array" -> "a list";
      case "integer" -> "an integer";
      case "string" -> "a text";
      case "boolean" -> "true or false";
      case "null" -> "empty";
      default -> "a " + type;
    };
  }

  private static String describe(@Nullable JsonNode value) {
    if (value == null || value.isNull()) {
      return "empty";
    }
    if (value.isObject()) {
      return "a mapping";
    }
    if (value.isArray()) {
      return "a list";
    }
    if (value.isBoolean()) {
      return "a boolean";
    }
    if (value.isIntegralNumber()) {
      return "an integer";
    }
    if (value.isNumber()) {
      return "a number";
    }
    return "a text";
  }

  private static String brief(JsonNode value) {
    String text = value.isString() ? value.asString() : value.toString();
    return text.length() > 60 ? text.substring(0, 57) + "..." : text;
  }
}
