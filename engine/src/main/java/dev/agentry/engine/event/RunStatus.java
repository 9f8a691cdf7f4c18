package dev.agentry.engine.event;

/** The status of a run, with Agno's wire names ({@code agentos-api.md} §2.5.3). */
public enum RunStatus {
  PENDING,
  RUNNING,
  COMPLETED,
  PAUSED,
  CANCELLED,
  ERROR;

  /** True for the statuses a run ends in (a paused run may still be continued). */
  public boolean isFinal() {
    return this == COMPLETED || this == CANCELLED || this == ERROR;
  }
}
