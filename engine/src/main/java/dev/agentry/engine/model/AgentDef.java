package dev.agentry.engine.model;

import dev.agentry.engine.spec.AgentSpec;
import dev.agentry.engine.spec.Metadata;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A compiled agent: its spec as written, with its model resolved and its input and output schemas read.
 *
 * @param id the agent's id ({@code metadata.name})
 * @param name the display name ({@code spec.name}, defaulting to the id)
 * @param source the file it was declared in
 */
public record AgentDef(
    String id,
    String name,
    Metadata metadata,
    AgentSpec spec,
    ModelDef model,
    @Nullable JsonNode inputSchema,
    @Nullable JsonNode outputSchema,
    String source) {}
