package dev.agentry.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentry.engine.Builtins;
import dev.agentry.engine.event.RunEvent;
import dev.agentry.engine.event.RunStatus;
import dev.agentry.engine.store.SessionStore;
import dev.agentry.engine.store.StoreSettings;
import dev.agentry.engine.store.TestPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cancelling a team run whose leader delegated to two members at once, on SQLite and PostgreSQL: both member runs run on threads
 * of their own and are stopped through the team's cancellation, so their endings are stored (CANCELLED), never left
 * RUNNING by an interrupt that breaks the database write.
 */
class TeamCancelTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql"})
  void cancelling_parallel_delegations_stores_every_member_run_cancelled(String backend) throws InterruptedException {
    String slow = """
        kind: Model
        metadata: {name: slow-model}
        spec:
          provider: scripted
          script: {chunk_size: 1, chunk_delay_ms: 50, fallback: "abcdefghijklmnopqrstuvwxyz0123456789ABCD"}
        ---
        """;
    var catalog = Specs.compile(dir, Specs.HEADER + slow + Specs.HEADER + """
        kind: Agent
        metadata: {name: slow-a}
        spec: {model: slow-model}
        ---
        """ + Specs.HEADER + """
        kind: Agent
        metadata: {name: slow-b}
        spec: {model: slow-model}
        ---
        """ + Specs.HEADER + """
        kind: Model
        metadata: {name: leader-model}
        spec:
          provider: scripted
          script:
            turns:
              - tool_calls:
                  - {name: delegate_task_to_member, arguments: {member_id: slow-a, task: "take your time"}}
                  - {name: delegate_task_to_member, arguments: {member_id: slow-b, task: "take your time"}}
        ---
        """ + Specs.HEADER + """
        kind: Team
        metadata: {name: team}
        spec: {model: leader-model, members: [{agent: slow-a}, {agent: slow-b}]}
        """);
    SessionStore store = Builtins.openStore(backend.equals("sqlite") ? StoreSettings.of("sqlite:" + dir.resolve("runs.db"))
        : new StoreSettings(TestPostgres.url(), "cancel" + Long.toHexString(System.nanoTime()) + "_", 4,
            Duration.ofSeconds(5)));
    Engine engine = Engine.create(catalog, c -> c.store(store));
    Set<String> streaming = ConcurrentHashMap.newKeySet();
    CountDownLatch bothStreaming = new CountDownLatch(2);
    RunHandle handle = engine.start(Target.team("team"), RunRequest.of("go"), e -> {
      if (e instanceof RunEvent.RunContent && e.scope().parentRunId() != null && streaming.add(e.scope().runId())) {
        bothStreaming.countDown();
      }
    });
    assertThat(bothStreaming.await(10, TimeUnit.SECONDS)).as("both members stream").isTrue();

    assertThat(engine.cancel(handle.runId())).isTrue();
    RunOutput out = handle.await();

    assertThat(out.status()).isEqualTo(RunStatus.CANCELLED);
    List<RunOutput> members = store.listRuns(out.sessionId()).stream().filter(r -> r.parentRunId() != null).toList();
    assertThat(members).extracting(RunOutput::componentId).containsExactlyInAnyOrder("slow-a", "slow-b");
    assertThat(members).extracting(RunOutput::status).containsOnly(RunStatus.CANCELLED);
    assertThat(store.findRun(out.runId()).orElseThrow().status()).isEqualTo(RunStatus.CANCELLED);
    assertThat(engine.activeRunIds()).isEmpty();
    store.close();
  }
}
