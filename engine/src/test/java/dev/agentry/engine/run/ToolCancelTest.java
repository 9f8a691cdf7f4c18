package dev.agentry.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentry.engine.event.RunEvent;
import dev.agentry.engine.event.RunStatus;
import dev.agentry.engine.llm.ToolCall;
import dev.agentry.engine.store.SessionStore;
import dev.agentry.engine.store.memory.MemorySessionStore;
import dev.agentry.engine.tool.Tool;
import dev.agentry.engine.tool.ToolResult;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Cancelling a run while a tool blocks: the run ends CANCELLED even when the tool ignores interrupts. */
class ToolCancelTest {
  @TempDir Path dir;

  @Test
  @Timeout(60)
  void a_run_blocked_in_a_fifo_read_that_ignores_interrupts_ends_cancelled_when_cancelled() throws Exception {
    Path fifo = fifo();
    CountDownLatch reading = new CountDownLatch(1);
    Tool blocking = pipeReader(fifo, reading);
    SessionStore store = MemorySessionStore.create();
    EventLog events = new EventLog();
    ActiveRun run = ToolRuns.run(dir, blocking, ToolFlags.NONE, store, events);

    CompletableFuture<RunOutput> ended = CompletableFuture.supplyAsync(() -> RunLoop.run(run,
        new TurnOutcome.CallTools(List.of(new ToolCall("call-1", "read_pipe", "{}")))));
    try {
      assertThat(reading.await(20, TimeUnit.SECONDS)).isTrue();
      run.cancellation.cancel();
      RunOutput out = ended.get(20, TimeUnit.SECONDS);

      assertThat(out.status()).isEqualTo(RunStatus.CANCELLED);
      assertThat(events.events.getLast()).isInstanceOf(RunEvent.RunCancelled.class);
      assertThat(events.of(RunEvent.ToolCallCompleted.class)).isEmpty();
      assertThat(store.findRun(run.scope.runId())).get().extracting(RunOutput::status)
          .isEqualTo(RunStatus.CANCELLED);
    } finally {
      try (FileOutputStream unblock = new FileOutputStream(fifo.toFile())) {
        unblock.write('x'); // lets the abandoned tool thread finish
      }
    }
  }

  @Test
  @Timeout(60)
  void a_confirmed_call_blocked_after_continue_stops_being_waited_for_when_cancelled() throws Exception {
    Path fifo = fifo();
    CountDownLatch reading = new CountDownLatch(1);
    Tool blocking = pipeReader(fifo, reading);
    EventLog events = new EventLog();
    ActiveRun run = ToolRuns.run(dir, blocking, new ToolFlags(true, null, false, false, false, false),
        MemorySessionStore.create(), events);
    assertThat(ToolRunner.execute(run, List.of(new ToolCall("call-1", "read_pipe", "{}"))))
        .isInstanceOf(TurnOutcome.Paused.class);
    var confirmed = run.tools().getFirst().withAnswer(true, null, null);

    CompletableFuture<TurnOutcome> continued = CompletableFuture.supplyAsync(
        () -> HumanInput.resume(run, List.of(confirmed)));
    try {
      assertThat(reading.await(20, TimeUnit.SECONDS)).as("the confirmed tool started").isTrue();
      run.cancellation.cancel();
      assertThat(continued.get(20, TimeUnit.SECONDS)).as("the continued turn returns to the loop, which ends the run")
          .isSameAs(TurnOutcome.NEXT);
      assertThat(events.of(RunEvent.ToolCallCompleted.class)).isEmpty();
    } finally {
      try (FileOutputStream unblock = new FileOutputStream(fifo.toFile())) {
        unblock.write('x'); // lets the abandoned tool thread finish
      }
    }
  }

  private Path fifo() throws Exception {
    Path fifo = dir.resolve("pipe");
    Assumptions.assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo works");
    return fifo;
  }

  /** A tool that reads the FIFO: FileInputStream blocks in open(2) until a writer comes, and ignores interrupts. */
  private static Tool pipeReader(Path fifo, CountDownLatch reading) {
    return ToolRuns.tool("read_pipe", () -> {
      reading.countDown();
      try (FileInputStream in = new FileInputStream(fifo.toFile())) {
        return ToolResult.of(new String(in.readAllBytes()));
      } catch (IOException e) {
        return ToolResult.error("read failed");
      }
    });
  }
}
