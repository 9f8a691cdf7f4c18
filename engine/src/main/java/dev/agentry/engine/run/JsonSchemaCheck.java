package dev.agentry.engine.run;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A compiled JSON Schema (draft 2020-12) that checks tool arguments and structured answers, reporting problems in
 * words a model can act on.
 */
final class JsonSchemaCheck {
  private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
      builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().pathType(PathType.JSON_POINTER).build()));

  private final Schema schema;

  private JsonSchemaCheck(Schema schema) {
    this.schema = schema;
  }

  static JsonSchemaCheck of(JsonNode schema) {
    return new JsonSchemaCheck(REGISTRY.getSchema(schema));
  }

  /** The problems of {@code value}, one line each ("/a: string found, number expected"); empty when it is valid. */
  List<String> problems(JsonNode value) {
    List<Error> errors = schema.validate(value);
    if (errors.isEmpty()) {
      return List.of();
    }
    return errors.stream().map(Error::getMessage).toList();
  }
}
