package dev.agentry.engine.run;

import dev.agentry.engine.event.ComponentKind;
import dev.agentry.engine.event.RunEvent;
import dev.agentry.engine.llm.Cancellation;
import dev.agentry.engine.model.MemorySettings;
import dev.agentry.engine.store.UserMemory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The user memory step of a run ({@code enable_user_memories}), as Agno runs it: the memory manager starts reading
 * the run's input when the run starts, in the background, while the model answers; once the run has completed, and
 * before RunCompleted is sent, the run waits for it between MemoryUpdateStarted and MemoryUpdateCompleted (a run that
 * pauses for a person waits for it too, before RunPaused; its continuation does not start another). A memory manager
 * that fails is logged and never fails the run; a run that fails or is cancelled cancels it.
 */
final class MemoryUpdate {
  private static final Logger LOG = LoggerFactory.getLogger(MemoryUpdate.class);
  /** Agno's user when a run names none. */
  static final String DEFAULT_USER = "default";

  private final CompletableFuture<String> work;
  private final Cancellation cancellation;

  private MemoryUpdate(CompletableFuture<String> work, Cancellation cancellation) {
    this.work = work;
    this.cancellation = cancellation;
  }

  /**
   * Starts the memory manager on the run's input, when the participant updates memories after its runs (and does not
   * leave that to its model, {@code enable_agentic_memory}); null when there is nothing to do.
   */
  static @Nullable MemoryUpdate start(ActiveRun run) {
    MemoryWriter writer = run.runtime.memory();
    MemorySettings settings = run.runtime.participant().memory();
    String input = run.inputText();
    if (writer == null || !settings.userMemories() || settings.agenticMemory() || input.isBlank()) {
      return null;
    }
    Cancellation cancellation = run.cancellation.child();
    MemoryWriter.Owner owner = owner(run.runtime, run.userId);
    CompletableFuture<String> work = new CompletableFuture<>();
    Thread.ofVirtual().name("memory-" + run.scope.runId()).start(() -> {
      try {
        work.complete(writer.update(owner, input, MemoryWriter.AFTER_RUN, cancellation));
      } catch (Throwable e) {
        work.completeExceptionally(e);
      }
    });
    return new MemoryUpdate(work, cancellation);
  }

  /**
   * The run completed (or paused): waits for its memory update, between MemoryUpdateStarted and
   * MemoryUpdateCompleted, which carries the user's memories afterwards.
   */
  static void complete(ActiveRun run) {
    MemoryUpdate update = run.memoryUpdate;
    if (update == null) {
      return;
    }
    run.memoryUpdate = null;
    run.emit(new RunEvent.MemoryUpdateStarted(run.scope, run.now()));
    try {
      update.work.get();
    } catch (ExecutionException e) {
      LOG.warn("the memory manager of {} {} failed in run {}; the run goes on: {}",
          run.scope.kind().wireName(), run.runtime.id(), run.scope.runId(), e.getCause().toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      update.cancel();
    }
    List<Object> memories = null;
    try {
      memories = schemas(java.util.Objects.requireNonNull(run.runtime.memory()).memories(user(run.userId)));
    } catch (RuntimeException e) {
      LOG.warn("the memories of user {} could not be read after run {}: {}", user(run.userId), run.scope.runId(),
          e.toString());
    }
    run.emit(new RunEvent.MemoryUpdateCompleted(run.scope, run.now(), memories));
  }

  /** Stops the memory manager: the run ended without completing. */
  void cancel() {
    cancellation.cancel();
  }

  /** The user whose memories a run reads and writes: Agno's "default" when the run names none. */
  static String user(@Nullable String userId) {
    return userId == null || userId.isBlank() ? DEFAULT_USER : userId;
  }

  /** The owner of memories written for {@code runtime}'s runs: the user, and the agent or the team. */
  static MemoryWriter.Owner owner(ParticipantRuntime runtime, @Nullable String userId) {
    boolean team = runtime.participant().kind() == ComponentKind.TEAM;
    return new MemoryWriter.Owner(user(userId), team ? null : runtime.id(), team ? runtime.id() : null);
  }

  /** Memories as {@code UserMemorySchema} objects: {@code updated_at} in ISO-8601 UTC, as the memory routes. */
  static List<Object> schemas(List<UserMemory> memories) {
    List<Object> out = new ArrayList<>(memories.size());
    for (UserMemory m : memories) {
      Map<String, Object> schema = new LinkedHashMap<>();
      schema.put("memory_id", m.memoryId());
      schema.put("memory", m.memory());
      schema.put("topics", m.topics());
      schema.put("agent_id", m.agentId());
      schema.put("team_id", m.teamId());
      schema.put("user_id", m.userId());
      schema.put("updated_at", Instant.ofEpochSecond(m.updatedAt()).toString());
      out.add(schema);
    }
    return out;
  }
}
