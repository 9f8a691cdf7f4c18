package dev.agentry.engine.llm;

import tools.jackson.databind.JsonNode;

/**
 * A JSON Schema the final answer must follow (structured output).
 *
 * @param name a short identifier for the schema ({@code [a-zA-Z0-9_-]}, as OpenAI requires)
 * @param schema the JSON Schema of the answer
 */
public record ResponseFormat(String name, JsonNode schema) {}
