package dev.agentry.engine.store.postgres;

import static dev.agentry.engine.store.StoreFixtures.run;
import static dev.agentry.engine.store.StoreFixtures.session;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.agentry.engine.Eventually;
import dev.agentry.engine.compile.SpecCompiler;
import dev.agentry.engine.event.RunEvent;
import dev.agentry.engine.event.RunStatus;
import dev.agentry.engine.run.Engine;
import dev.agentry.engine.run.RunHandle;
import dev.agentry.engine.run.RunOutput;
import dev.agentry.engine.run.RunRequest;
import dev.agentry.engine.store.SessionType;
import dev.agentry.engine.store.StoreException;
import dev.agentry.engine.store.StoreSettings;
import dev.agentry.engine.store.TestPostgres;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server goes away and comes back, on the same port and data: calls in between fail with a retryable error, runs
 * that end in between are stored once it is back (none is left RUNNING), and the same store works again without being
 * reopened.
 */
@Timeout(90)
class PostgresOutageTest {
  private static final String SPECS = """
      apiVersion: agentry.dev/v1
      kind: Agent
      metadata: {name: agent}
      spec:
        model: script
      ---
      apiVersion: agentry.dev/v1
      kind: Model
      metadata: {name: script}
      spec:
        provider: scripted
        script:
          chunk_size: 1
          chunk_delay_ms: 40
          fallback: A slow answer, one letter at a time.
      """;

  @TempDir Path dir;
  private int port;
  private EmbeddedPostgres server;

  @BeforeEach
  void startServer() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    server = start();
  }

  @AfterEach
  void stopServer() throws IOException {
    server.close();
  }

  private EmbeddedPostgres start() throws IOException {
    return EmbeddedPostgres.builder().setPort(port).setDataDirectory(dir.resolve("data"))
        .setCleanDataDirectory(false).start();
  }

  private PostgresSessionStore open() {
    return PostgresSessionStore.open(new StoreSettings(TestPostgres.urlOf(port), "agno_", 4, Duration.ofSeconds(1)));
  }

  @Test
  void calls_fail_retryably_while_the_server_is_down_and_work_again_once_it_is_back() throws IOException {
    try (PostgresSessionStore store = open()) {
      store.saveSession(session("s1", SessionType.AGENT, "agent-1", "u1", 100));

      server.close();
      StoreException down = catchThrowableOfType(StoreException.class, () -> store.findSession("s1"));
      assertThat(down.retryable()).isTrue();
      assertThat(down.getMessage()).startsWith("lost the connection to postgresql://postgres:****@localhost:" + port)
          .doesNotContain("not-checked");
      StoreException stillDown = catchThrowableOfType(StoreException.class,
          () -> store.saveRun(run("s1", "r1", RunStatus.COMPLETED, 100, "lost")));
      assertThat(stillDown.retryable()).isTrue();

      server = start();
      assertThat(store.findSession("s1")).as("the data survived").isPresent();
      assertThat(store.saveRun(run("s1", "r1", RunStatus.COMPLETED, 100, "kept"))).isTrue();
      assertThat(store.findRun("r1")).get().extracting(RunOutput::content).isEqualTo("kept");
    }
  }

  @Test
  void runs_that_end_during_an_outage_are_stored_completed_once_the_server_is_back() throws Exception {
    Path specs = Files.createDirectories(dir.resolve("specs"));
    Files.writeString(specs.resolve("specs.yaml"), SPECS);
    try (PostgresSessionStore store = open()) {
      Engine engine = Engine.create(SpecCompiler.create().compile(specs).orThrow(), c -> c.store(store));
      List<List<RunEvent>> events = new ArrayList<>();
      List<RunHandle> handles = new ArrayList<>();
      CountDownLatch streaming = new CountDownLatch(3);
      for (int i = 0; i < 3; i++) {
        List<RunEvent> log = new CopyOnWriteArrayList<>();
        events.add(log);
        AtomicBoolean first = new AtomicBoolean(true);
        handles.add(engine.start("agent", RunRequest.of("hi " + i), event -> {
          log.add(event);
          if (event instanceof RunEvent.RunContent && first.getAndSet(false)) {
            streaming.countDown();
          }
        }));
      }
      assertThat(streaming.await(20, TimeUnit.SECONDS)).isTrue();

      server.close();
      for (int i = 0; i < 3; i++) {
        RunOutput out = handles.get(i).await();
        assertThat(out.status()).as("the answer was made; only its storage waits").isEqualTo(RunStatus.COMPLETED);
        assertThat(events.get(i).getLast()).isInstanceOf(RunEvent.RunCompleted.class);
      }
      assertThat(engine.pendingSaves()).isEqualTo(3);
      StoreException down = catchThrowableOfType(StoreException.class,
          () -> engine.run("agent", RunRequest.of("during the outage")));
      assertThat(down.retryable()).as("a run started during the outage is refused before it is stored").isTrue();

      server = start();
      assertThat(Eventually.until(Duration.ofSeconds(30), () -> engine.pendingSaves() == 0)).isTrue();
      for (RunHandle handle : handles) {
        RunOutput stored = store.findRun(handle.runId()).orElseThrow();
        assertThat(stored.status()).as("read back from the database").isEqualTo(RunStatus.COMPLETED);
        assertThat(stored.content()).isEqualTo("A slow answer, one letter at a time.");
      }
      assertThat(store.markInterruptedRuns(java.time.Instant.now())).as("nothing is left RUNNING for the next start to mark").isZero();
      RunOutput next = engine.run("agent", RunRequest.of("again"));
      assertThat(store.findRun(next.runId())).get().extracting(RunOutput::status).isEqualTo(RunStatus.COMPLETED);
    }
  }
}
