package dev.agentry.engine.model;

import dev.agentry.engine.event.ComponentKind;
import dev.agentry.engine.spec.Metadata;
import dev.agentry.engine.spec.TeamSpec;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A compiled team: its leader ({@link Participant}, defaults applied), how it delegates, and its members (agents or
 * sub-teams) in declaration order; its spec as written is kept to describe it, never read by the runtime.
 *
 * @param id the team's id ({@code metadata.name})
 * @param name the display name ({@code spec.name}, defaulting to the id)
 */
public record TeamDef(
    String id,
    String name,
    Metadata metadata,
    TeamSpec spec,
    Participant leader,
    TeamSettings team,
    List<Member> members,
    String source) {
  public TeamDef {
    members = List.copyOf(members);
  }

  public ModelDef model() {
    return leader.model();
  }

  public @Nullable JsonNode inputSchema() {
    return leader.inputSchema();
  }

  public @Nullable JsonNode outputSchema() {
    return leader.outputSchema();
  }

  /** A member of a team: an agent or a team, by id. */
  public record Member(ComponentKind kind, String id) {}
}
