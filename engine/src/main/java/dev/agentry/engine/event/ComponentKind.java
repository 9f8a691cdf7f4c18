package dev.agentry.engine.event;

import java.util.Locale;

/**
 * What a run runs: an agent, a team or a workflow. It names the run's event family: the envelope fields of its events
 * ({@code agent_id}/{@code agent_name}, {@code team_id}/{@code team_name}, {@code workflow_id}/{@code workflow_name})
 * and the prefix of their wire names ({@code TeamRunStarted}), as Agno's {@code agentos-api.md} §3.2 and §3.4 say.
 */
public enum ComponentKind {
  AGENT(""),
  TEAM("Team"),
  WORKFLOW("");

  private final String eventPrefix;

  ComponentKind(String eventPrefix) {
    this.eventPrefix = eventPrefix;
  }

  /** What the family puts before an event's base name: "Team" for teams, nothing for agents and workflows. */
  public String eventPrefix() {
    return eventPrefix;
  }

  /** "agent", "team" or "workflow": the prefix of the envelope's id and name fields, and the API's type value. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
