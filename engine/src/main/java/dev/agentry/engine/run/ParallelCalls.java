package dev.agentry.engine.run;

import dev.agentry.engine.event.ToolExecution;
import dev.agentry.engine.llm.Cancellation;
import dev.agentry.engine.run.ToolRunner.Checked;
import dev.agentry.engine.run.ToolRunner.Timed;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the calls of one model turn are made: on the run's thread when none of them may block (or the one call is a
 * delegation to a member), otherwise each on a virtual thread of its own, waited for together and given up at once
 * when the run is cancelled.
 */
final class ParallelCalls {
  private static final Logger LOG = LoggerFactory.getLogger(ParallelCalls.class);
  private static final IllegalStateException NO_RESULT = new IllegalStateException("the tool call gave no result");
  /** How long a cancelled team run waits for its member runs to end. */
  private static final Duration MEMBER_GRACE = Duration.ofSeconds(5);

  private ParallelCalls() {}

  /**
   * Makes the calls and waits for them all, or for the run to be cancelled: then the threads of tools are
   * interrupted and no longer waited for (a tool blocked in I/O that ignores interrupts must not keep a cancelled run
   * RUNNING), member runs are given a moment to end (they stop through their own cancellation, not an interrupt,
   * which would break the saving of their ending), and the result is null.
   */
  static @Nullable List<Timed> invokeAll(ActiveRun run, List<Checked> checked) {
    if (noneBlocks(checked) || checked.size() == 1 && runsAChild(checked.getFirst())) {
      // they only compute, or it is one member's run, which the run's cancellation stops: a thread would cost more
      List<Timed> results = new ArrayList<>(checked.size());
      for (Checked c : checked) {
        results.add(ToolRunner.invoke(run, c));
      }
      return results;
    }
    List<CompletableFuture<Timed>> futures = new ArrayList<>(checked.size());
    List<Thread> tools = new ArrayList<>(checked.size());
    for (Checked c : checked) {
      CompletableFuture<Timed> future = new CompletableFuture<>();
      futures.add(future);
      Thread thread = Thread.ofVirtual().name("tool-" + c.call().name()).start(() -> {
        try {
          future.complete(ToolRunner.invoke(run, c));
        } finally { // a no-op once completed; otherwise the wait below must not hang on a call with no result
          future.completeExceptionally(NO_RESULT);
        }
      });
      if (!runsAChild(c)) {
        tools.add(thread);
      }
    }
    CompletableFuture<Void> all = CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new));
    try (Cancellation.Registration stop = run.cancellation.onCancel(() -> {
      all.cancel(false); // completes only the waiting below; the calls' own futures are left to their threads
      tools.forEach(Thread::interrupt);
    })) {
      all.join();
    } catch (CancellationException e) {
      awaitMembers(checked, futures);
      return null;
    } catch (CompletionException e) {
      // a call ended with no result (see NO_RESULT): reported below as a failed call, the others keep theirs
    }
    List<Timed> results = new ArrayList<>(futures.size());
    for (int i = 0; i < futures.size(); i++) {
      CompletableFuture<Timed> future = futures.get(i);
      results.add(future.state() == Future.State.SUCCESS ? future.resultNow()
          : new Timed(ToolRunner.unexpected(checked.get(i)), new ToolExecution.ToolMetrics(run.now(), run.now(), 0)));
    }
    return results;
  }

  /**
   * After a cancel, waits a little for the member runs the calls started: they are cancelled with the run and end at
   * once, and their endings (stored, streamed) must come before the team run's own.
   */
  private static void awaitMembers(List<Checked> checked, List<CompletableFuture<Timed>> futures) {
    long deadline = System.nanoTime() + MEMBER_GRACE.toNanos();
    for (int i = 0; i < checked.size(); i++) {
      if (runsAChild(checked.get(i))) {
        try {
          futures.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (ExecutionException | TimeoutException e) {
          LOG.debug("a member run of a cancelled team run did not end in time", e);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /** A delegation to a member: the member's run is a child of this run's cancellation, so it needs no interrupt. */
  private static boolean runsAChild(Checked c) {
    return c.error() == null && c.tool() != null && c.args() != null && c.tool().tool() instanceof RunTool own
        && own.runsMembers();
  }

  /** True when no call of the turn may wait on I/O (a loop, not a stream: this is on every turn's path). */
  private static boolean noneBlocks(List<Checked> checked) {
    for (Checked c : checked) {
      if (blocks(c)) {
        return false;
      }
    }
    return true;
  }

  /** True when the call will run a tool that may wait on I/O. */
  private static boolean blocks(Checked c) {
    return c.error() == null && c.tool() != null && c.args() != null && c.tool().tool().blocking();
  }
}
