package dev.agentry.engine.run;

/**
 * How a workflow step ends the run early, through the steps that contain it: {@link Failed} when it failed (and is
 * not skipped), {@link Cancelled} when the workflow is cancelled (by a request, or a rejected step that cancels it).
 * Carries no stack trace: it is control flow, and its message is for the run's output.
 */
sealed class StepHalt extends RuntimeException permits StepHalt.Failed, StepHalt.Cancelled {
  StepHalt(String message) {
    super(message, null, false, false);
  }

  /** A step failed after its retries; {@code step} names it. */
  static final class Failed extends StepHalt {
    Failed(String message) {
      super(message);
    }
  }

  /** The workflow is cancelled; the message is the reason. */
  static final class Cancelled extends StepHalt {
    Cancelled(String reason) {
      super(reason);
    }
  }
}
