package dev.agentry.engine.run;

/** What {@link Engine#cancelRun(String)} did with a cancel. */
public enum CancelResult {
  /** The run was in flight on this engine and is cancelled. */
  CANCELLED,
  /**
   * The run is stored RUNNING (or PAUSED, or PENDING) by another instance: the cancel is recorded in its database,
   * where its owner finds it within {@link dev.agentry.engine.run.internal.LeaseKeeper#CANCEL_POLL} and cancels it.
   */
  REQUESTED,
  /** No such run is in flight here or stored as not ended. */
  NOT_RUNNING
}
