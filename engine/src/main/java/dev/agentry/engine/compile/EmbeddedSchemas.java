package dev.agentry.engine.compile;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import dev.agentry.engine.spec.Diagnostic;
import dev.agentry.engine.spec.Draft;
import dev.agentry.engine.spec.SchemaValidator;
import dev.agentry.engine.spec.SourceMap;
import dev.agentry.engine.spec.Suggestions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Checks the JSON Schemas a spec holds ({@code input_schema}, {@code output_schema}, a function's
 * {@code parameters}), written inline or in a file: each is valid against the meta-schema of its draft (the one its
 * {@code $schema} names, else 2020-12, as the run-time checks read it) and every {@code $ref} in it can be followed.
 * Problems of an inline schema are located inside it; those of a file at the field naming the file.
 */
final class EmbeddedSchemas {
  private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
      SpecificationVersion.DRAFT_2020_12, builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder()
          .pathType(PathType.JSON_POINTER)
          .formatAssertionsEnabled(true)
          .build()));
  private static final Map<SpecificationVersion, Schema> META_SCHEMAS = new ConcurrentHashMap<>();

  private EmbeddedSchemas() {}

  /** Checks the {@code parameters} of each function of a toolkit. */
  static void checkParameters(Draft toolkit, Problems problems) {
    for (TreePaths.Found found : TreePaths.find(toolkit.tree(), "/spec/functions/*/parameters")) {
      if (found.value().isObject()) {
        check(toolkit, found.pointer(), found.value(), null, problems);
      }
    }
  }

  /**
   * Checks the schema found at {@code pointer} of {@code resource}.
   *
   * @param file the schema file as the spec names it, or null when the schema is written inline
   */
  static void check(Draft resource, String pointer, JsonNode schema, @Nullable String file, Problems problems) {
    SourceMap map = resource.document().sourceMap();
    Set<String> secrets = file == null ? resource.secretPointers() : Set.of();
    JsonNode declared = schema.path("$schema");
    Optional<SpecificationVersion> version = declared.isString() ? draft(declared.asString())
        : Optional.of(SpecificationVersion.DRAFT_2020_12);
    if (version.isEmpty()) {
      List<String> known =
          Arrays.stream(SpecificationVersion.values()).map(SpecificationVersion::getDialectId).toList();
      boolean secret = secrets.contains(pointer + "/$schema");
      String hint = secret ? null : Suggestions.didYouMean(declared.asString(), known);
      add(problems, resource, pointer, file, Diagnostic.error(resource.file(), map.value(pointer + "/$schema"),
          pointer + "/$schema", "bad-schema", "unsupported $schema " + (secret ? "(the interpolated value)"
              : "'" + declared.asString() + "'"), hint != null
              ? hint : "use one of " + String.join(", ", known) + ", or leave $schema out for draft 2020-12"));
      return;
    }
    Schema meta = META_SCHEMAS.computeIfAbsent(version.get(),
        v -> REGISTRY.getSchema(SchemaLocation.of(v.getDialectId())));
    Set<Diagnostic> found = new LinkedHashSet<>();
    for (Error error : mostTelling(meta.validate(schema))) {
      Diagnostic d = SchemaValidator.describe(error, resource.file(), map, pointer, secrets);
      if (d != null) {
        found.add(d);
      }
    }
    for (SchemaRefs.Broken broken : SchemaRefs.find(schema)) {
      String at = pointer + broken.pointer();
      found.add(secrets.contains(at)
          ? Diagnostic.error(resource.file(), map.value(at), at, "bad-schema", "the interpolated $ref cannot be"
              + " followed: it must point inside the schema, at something there", null)
          : Diagnostic.error(resource.file(), map.value(at), at, "bad-schema", broken.message(), broken.hint()));
    }
    found.forEach(d -> add(problems, resource, pointer, file, d));
  }

  /** Says the problem is in a JSON Schema, and for a file where in it; a file's problems sit at its field. */
  private static void add(Problems problems, Draft resource, String pointer, @Nullable String file, Diagnostic d) {
    String inner = d.pointer().substring(pointer.length());
    String where = file == null ? "invalid JSON Schema: "
        : "invalid JSON Schema in '" + file + "'" + (inner.isEmpty() ? "" : " at " + inner) + ": ";
    SourceMap.Mark mark = file == null ? new SourceMap.Mark(d.line(), d.column()) : resource.markOf(pointer);
    problems.add(new Diagnostic(d.severity(), d.file(), mark.line(), mark.column(), file == null ? d.pointer()
        : pointer, "bad-schema", where + d.message(), d.hint()));
  }

  /**
   * One error per place: where alternatives of the meta-schema failed ("a type name, or a list of them"), the type
   * mismatch of the alternative that was not meant, and a list compared with names, say nothing.
   */
  private static List<Error> mostTelling(List<Error> errors) {
    Map<String, List<Error>> byPlace = new LinkedHashMap<>();
    errors.forEach(e -> byPlace.computeIfAbsent(String.valueOf(e.getInstanceLocation()), k -> new ArrayList<>())
        .add(e));
    List<Error> out = new ArrayList<>();
    for (List<Error> place : byPlace.values()) {
      List<Error> telling = place.stream()
          .filter(e -> !"type".equals(e.getKeyword()))
          .filter(e -> !"enum".equals(e.getKeyword()) || e.getInstanceNode() == null
              || !e.getInstanceNode().isContainer())
          .toList();
      out.addAll(telling.isEmpty() ? place : telling);
    }
    return out;
  }

  /** The draft a {@code $schema} names, with or without its trailing '#'. */
  private static Optional<SpecificationVersion> draft(String id) {
    String bare = id.endsWith("#") ? id.substring(0, id.length() - 1) : id;
    return Arrays.stream(SpecificationVersion.values())
        .filter(v -> v.getDialectId().equals(bare) || v.getDialectId().equals(bare + "#"))
        .findFirst();
  }
}
