package dev.agentry.engine.run;

import dev.agentry.engine.llm.ResponseFormat;
import tools.jackson.databind.JsonNode;

/**
 * A structured-output contract ({@code output_schema}): the format asked of the provider, the check of the answer,
 * and the {@code content_type} reported for it (the schema's {@code title}, else "json").
 */
record OutputFormat(ResponseFormat format, JsonSchemaCheck check, String contentType) {
  static OutputFormat of(JsonNode schema) {
    String title = schema.path("title").isString() ? schema.path("title").stringValue() : "";
    String name = title.replaceAll("[^a-zA-Z0-9_-]", "_");
    return new OutputFormat(new ResponseFormat(name.isEmpty() ? "output" : name, schema), JsonSchemaCheck.of(schema),
        title.isEmpty() ? "json" : title);
  }
}
