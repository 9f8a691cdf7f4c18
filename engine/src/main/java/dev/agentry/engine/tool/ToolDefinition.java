package dev.agentry.engine.tool;

import tools.jackson.databind.JsonNode;

/**
 * What the model is told about a function it may call.
 *
 * @param name the function name, unique among an agent's tools ({@code ^[a-zA-Z0-9_-]{1,64}$}, as providers require)
 * @param description what the function does, written for the model
 * @param parameters the JSON Schema (an {@code object} schema) of its arguments; arguments are validated against it
 *     before the function runs
 */
public record ToolDefinition(String name, String description, JsonNode parameters) {}
