package dev.agentry.engine.run;

import dev.agentry.engine.EngineException;
import dev.agentry.engine.event.RunStatus;

/**
 * A continue refused because the run is not waiting for one: it has ended, or another continue is already running
 * it ({@link #status()} is then {@link RunStatus#RUNNING}). Nothing was run or stored.
 */
public final class RunNotPausedException extends EngineException {
  private final RunStatus status;

  public RunNotPausedException(String message, RunStatus status) {
    super(message);
    this.status = status;
  }

  /** The run's status instead of PAUSED. */
  public RunStatus status() {
    return status;
  }
}
