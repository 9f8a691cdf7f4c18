package dev.agentry.engine.model;

import java.util.Locale;

/** How a team's leader works with its members ({@code mode}), as Agno's {@code TeamMode}. */
public enum TeamMode {
  /** The leader delegates tasks to members it picks, one at a time or several at once, then answers itself. */
  COORDINATE,
  /** The leader picks the one member that fits and the member's answer is the team's answer. */
  ROUTE,
  /** The leader sends the task to every member at once and answers from all their answers. */
  BROADCAST,
  /** The leader plans a task list, has members carry the tasks out over iterations, then answers. */
  TASKS;

  /** "coordinate", "route", "broadcast" or "tasks". */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
