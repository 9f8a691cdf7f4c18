package dev.agentry.engine.model;

import dev.agentry.engine.spec.Kind;
import dev.agentry.engine.spec.Metadata;
import dev.agentry.engine.spec.TeamSpec;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A compiled team: its spec, its leader's model and its members (agents or sub-teams) in declaration order.
 *
 * @param id the team's id ({@code metadata.name})
 * @param name the display name ({@code spec.name}, defaulting to the id)
 */
public record TeamDef(
    String id,
    String name,
    Metadata metadata,
    TeamSpec spec,
    ModelDef model,
    List<Member> members,
    @Nullable JsonNode inputSchema,
    @Nullable JsonNode outputSchema,
    String source) {
  public TeamDef {
    members = List.copyOf(members);
  }

  /** A member of a team: an agent or a team, by id. */
  public record Member(Kind kind, String id) {}
}
