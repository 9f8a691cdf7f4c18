package dev.agentry.engine.model;

import dev.agentry.engine.spec.AgentSpec;
import dev.agentry.engine.spec.Metadata;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A compiled agent: what its runs need ({@link Participant}, defaults applied) and, for the API's description of it,
 * its spec as written.
 *
 * @param id the agent's id ({@code metadata.name})
 * @param name the display name ({@code spec.name}, defaulting to the id)
 * @param spec the spec as written: read to describe the agent, never by the runtime
 * @param source the file it was declared in
 */
public record AgentDef(
    String id,
    String name,
    Metadata metadata,
    AgentSpec spec,
    Participant participant,
    String source) {
  public ModelDef model() {
    return participant.model();
  }

  public @Nullable JsonNode inputSchema() {
    return participant.inputSchema();
  }

  public @Nullable JsonNode outputSchema() {
    return participant.outputSchema();
  }
}
