package dev.agentry.engine.llm;

import tools.jackson.databind.JsonNode;

/**
 * A JSON Schema the final answer must follow (structured output).
 *
 * @param name a short identifier for the schema ({@code [a-zA-Z0-9_-]}, as OpenAI requires)
 * @param schema the JSON Schema of the answer
 * @param jsonMode true to ask only for a JSON object (OpenAI's {@code response_format: {type: json_object}}; the
 *     schema is in the prompt, and providers without a JSON mode are asked for nothing), false for the provider's
 *     enforced structured output
 */
public record ResponseFormat(String name, JsonNode schema, boolean jsonMode) {
  /** An enforced structured output. */
  public ResponseFormat(String name, JsonNode schema) {
    this(name, schema, false);
  }
}
