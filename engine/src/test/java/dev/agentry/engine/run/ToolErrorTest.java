package dev.agentry.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentry.engine.event.RunEvent;
import dev.agentry.engine.event.RunStatus;
import dev.agentry.engine.event.ToolExecution;
import dev.agentry.engine.llm.Role;
import dev.agentry.engine.llm.ToolCall;
import dev.agentry.engine.store.SessionStore;
import dev.agentry.engine.store.memory.MemorySessionStore;
import dev.agentry.engine.tool.Tool;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A tool that throws an Error, not an exception: the run still ends, and the model reads a plain error. */
class ToolErrorTest {
  @TempDir Path dir;

  @Test
  @Timeout(60)
  void a_tool_overflowing_its_stack_becomes_an_error_result_and_the_run_completes() throws Exception {
    RunOutput out = runWith(ToolRuns.tool("recurse", () -> {
      throw new StackOverflowError();
    }), "recurse");

    assertThat(out.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(out.tools()).singleElement().satisfies(t -> {
      assertThat(t.toolCallError()).isTrue();
      assertThat(t.result()).isEqualTo("Error: recurse failed unexpectedly and gave no result.");
    });
    assertThat(out.messages()).filteredOn(m -> m.message().role() == Role.TOOL).singleElement()
        .satisfies(m -> assertThat(m.message().content()).doesNotContain("StackOverflowError"));
  }

  @Test
  @Timeout(60)
  void a_failed_assertion_in_parallel_calls_is_reported_for_each_call_and_the_run_completes() throws Exception {
    Tool check = ToolRuns.tool("check", () -> {
      throw new AssertionError("invariant broken in com.example.Internal");
    });
    SessionStore store = MemorySessionStore.create();
    EventLog events = new EventLog();
    ActiveRun run = ToolRuns.run(dir, check, ToolFlags.NONE, store, events);

    RunOutput out = CompletableFuture.supplyAsync(() -> RunLoop.run(run, new TurnOutcome.CallTools(List.of(
        new ToolCall("call-1", "check", "{}"), new ToolCall("call-2", "check", "{}"))))).get(30, TimeUnit.SECONDS);

    assertThat(out.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(out.content()).isEqualTo("ok");
    assertThat(out.tools()).extracting(ToolExecution::toolCallId).containsExactly("call-1", "call-2");
    assertThat(out.tools()).allSatisfy(t -> assertThat(t.result()).doesNotContain("com.example"));
    assertThat(events.of(RunEvent.ToolCallCompleted.class)).hasSize(2);
    assertThat(store.findRun(run.scope.runId())).get().extracting(RunOutput::status)
        .isEqualTo(RunStatus.COMPLETED);
  }

  private RunOutput runWith(Tool tool, String name) throws Exception {
    ActiveRun run = ToolRuns.run(dir, tool, ToolFlags.NONE, MemorySessionStore.create(), new EventLog());
    return CompletableFuture.supplyAsync(() -> RunLoop.run(run,
        new TurnOutcome.CallTools(List.of(new ToolCall("call-1", name, "{}"))))).get(30, TimeUnit.SECONDS);
  }
}
