package dev.agentry.engine.run;

import dev.agentry.engine.event.EventJson;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** A team's member runs as {@code TeamRunCompleted.member_responses} carries them: Agno's run dicts. */
final class MemberJson {
  private MemberJson() {}

  static List<JsonNode> of(List<RunOutput> members) {
    return members.stream().map(m -> (JsonNode) EventJson.MAPPER.valueToTree(RunOutputResponse.of(m))).toList();
  }
}
