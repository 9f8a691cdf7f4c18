package dev.agentry.engine.run;

import dev.agentry.engine.llm.Cancellation;
import java.util.concurrent.CompletableFuture;

/**
 * A run in progress: its ids, a way to cancel it, and its output once it ends. Returned by
 * {@link Engine#start} and {@link Engine#continueRun}.
 */
public final class RunHandle {
  private final String runId;
  private final String sessionId;
  private final Cancellation cancellation;
  private final CompletableFuture<RunOutput> output = new CompletableFuture<>();

  RunHandle(String runId, String sessionId, Cancellation cancellation) {
    this.runId = runId;
    this.sessionId = sessionId;
    this.cancellation = cancellation;
  }

  public String runId() {
    return runId;
  }

  public String sessionId() {
    return sessionId;
  }

  /** Cancels the run: the model request in flight is aborted and the run ends as CANCELLED. */
  public void cancel() {
    cancellation.cancel();
  }

  /** True once the run has ended (or paused). */
  public boolean isDone() {
    return output.isDone();
  }

  /** Waits for the run to end (or pause) and returns its output. */
  public RunOutput await() {
    return output.join();
  }

  /** The output as a future, for callers that compose. */
  public CompletableFuture<RunOutput> future() {
    return output.copy();
  }

  void complete(RunOutput result) {
    output.complete(result);
  }

  void fail(Throwable error) {
    output.completeExceptionally(error);
  }
}
