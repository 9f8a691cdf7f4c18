package dev.agentry.engine.model;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One compiled pre or post hook ({@code schemas/agent.schema.json#/$defs/hook}).
 *
 * @param name the guardrail's or the plugin hook's name
 * @param guardrail true for a built-in {@code guardrail:}, false for a {@code plugin:} hook
 * @param options the {@code options} as written (an empty object when none)
 * @param model the {@code Model} resource named by a guardrail's {@code model_resource} option, or null
 */
public record HookDef(String name, boolean guardrail, JsonNode options, @Nullable ModelDef model) {}
