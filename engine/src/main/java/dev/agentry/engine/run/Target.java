package dev.agentry.engine.run;

import dev.agentry.engine.event.ComponentKind;

/**
 * What to run: an agent, a team or a workflow, by id. {@code engine.run(Target.team("research-team"), request, sink)}.
 *
 * @param kind AGENT, TEAM or WORKFLOW
 */
public record Target(ComponentKind kind, String id) {
  public static Target agent(String id) {
    return new Target(ComponentKind.AGENT, id);
  }

  public static Target team(String id) {
    return new Target(ComponentKind.TEAM, id);
  }

  public static Target workflow(String id) {
    return new Target(ComponentKind.WORKFLOW, id);
  }
}
