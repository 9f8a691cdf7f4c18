package dev.agentry.engine.run;

import dev.agentry.engine.internal.Json;
import dev.agentry.engine.llm.ResponseFormat;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * A structured-output contract ({@code output_schema}): the format asked of the provider, the check of the answer,
 * and the {@code content_type} reported for it (the schema's {@code title}, else "json").
 */
record OutputFormat(ResponseFormat format, JsonSchemaCheck check, String contentType) {
  static OutputFormat of(JsonNode schema) {
    return of(schema, false);
  }

  /** The contract of {@code schema}; in JSON mode ({@code use_json_mode}) the schema goes in the prompt. */
  static OutputFormat of(JsonNode schema, boolean jsonMode) {
    String title = schema.path("title").isString() ? schema.path("title").stringValue() : "";
    String name = title.replaceAll("[^a-zA-Z0-9_-]", "_");
    return new OutputFormat(new ResponseFormat(name.isEmpty() ? "output" : name, schema, jsonMode),
        JsonSchemaCheck.of(schema), title.isEmpty() ? "json" : title);
  }

  /** An answer checked against the schema: its JSON value when it parses, and what is wrong with it. */
  record Checked(@Nullable JsonNode value, List<String> problems) {
    boolean valid() {
      return problems.isEmpty();
    }
  }

  /** Checks an answer's text (code fences around it are dropped). */
  Checked check(@Nullable String answer) {
    String text = stripFences(answer == null ? "" : answer);
    try {
      JsonNode value = Json.MAPPER.readTree(text);
      return new Checked(value, check.problems(value));
    } catch (JacksonException e) {
      return new Checked(null, List.of("the answer is not JSON (" + e.getOriginalMessage() + ")"));
    }
  }

  /** The corrective message sent back to a model whose answer does not match the schema. */
  static String correction(List<String> problems) {
    return "Your answer does not match the required JSON schema: " + String.join("; ", problems)
        + ". Reply again with only a JSON value that matches the schema.";
  }

  /**
   * Agno's JSON output prompt ({@code get_json_output_prompt}), added to the system message in JSON mode: the
   * schema's fields, and how to write the answer.
   */
  String jsonPrompt() {
    return "Provide your output as a JSON containing the following fields:\n<json_fields>\n" + format.schema()
        + "\n</json_fields>\nStart your response with `{` and end it with `}`.\nYour output will be passed to "
        + "json.loads() to convert it to a Python object.\nMake sure it only contains valid JSON.";
  }

  static String stripFences(String text) {
    String t = text.strip();
    if (t.startsWith("```")) {
      int firstNewline = t.indexOf('\n');
      int end = t.lastIndexOf("```");
      if (firstNewline > 0 && end > firstNewline) {
        return t.substring(firstNewline + 1, end).strip();
      }
    }
    return t;
  }
}
