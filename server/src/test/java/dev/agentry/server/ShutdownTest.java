package dev.agentry.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentry.engine.event.RunStatus;
import dev.agentry.engine.run.RunOutput;
import dev.agentry.engine.store.SessionStore;
import dev.agentry.engine.store.sqlite.SqliteSessionStore;
import dev.agentry.engine.store.StoreSettings;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Graceful shutdown: runs in flight finish within the grace period, or are cancelled and stored as such. */
class ShutdownTest {
  private static final ExecutorService THREADS = Executors.newVirtualThreadPerTaskExecutor();

  @TempDir Path tmp;

  @Test
  void a_run_in_flight_finishes_within_the_grace_period_and_new_runs_are_refused() throws Exception {
    try (TestServer server = TestServer.start(specs(), s -> s.shutdownGrace(Duration.ofSeconds(10))
        .dbUrl("sqlite:" + tmp.resolve("a.db")))) {
      Future<TestServer.Sse> stream = THREADS.submit(() ->
          server.stream("/agents/slow/runs", Map.of("message", "go", "session_id", "s1")));
      awaitRunning(server);
      Future<?> closing = THREADS.submit(server.server()::close);
      awaitRefusing(server);
      HttpResponse<String> health = server.get("/health");
      assertThat(health.statusCode()).as("a load balancer's health check sees the drain").isEqualTo(503);
      assertThat(TestServer.json(health).path("status").asString()).isEqualTo("draining");
      assertThat(closing.isDone()).as("close waits for the run in flight").isFalse();
      assertThat(stream.get().names()).endsWith("RunCompleted");
      closing.get();
    }
  }

  @Test
  void a_run_longer_than_the_grace_period_is_cancelled_and_stored_as_cancelled() throws Exception {
    Path db = tmp.resolve("b.db");
    String runId;
    try (TestServer server = TestServer.start(specs(), s -> s.shutdownGrace(Duration.ofMillis(100))
        .dbUrl("sqlite:" + db))) {
      Future<TestServer.Sse> stream = THREADS.submit(() ->
          server.stream("/agents/slow/runs", Map.of("message", "go", "session_id", "s2")));
      runId = awaitRunning(server);
      server.server().close();
      assertThat(stream.get().names()).contains("RunCancelled");
    }
    try (SessionStore store = SqliteSessionStore.open(StoreSettings.of("sqlite:" + db))) {
      RunOutput run = store.findRun(runId).orElseThrow();
      assertThat(run.status()).isEqualTo(RunStatus.CANCELLED);
    }
  }

  private static Map<String, String> specs() {
    Map<String, String> specs = new HashMap<>(TestServer.SPECS);
    specs.put("extra.yaml", RunLifecycleTest.EXTRA);
    return specs;
  }

  private static String awaitRunning(TestServer server) {
    String[] runId = new String[1];
    Await.awaitTrue("a run started", () -> {
      List<String> active = List.copyOf(server.server().os().engine().activeRunIds());
      runId[0] = active.isEmpty() ? null : active.getFirst();
      return runId[0] != null;
    });
    return runId[0];
  }

  private static void awaitRefusing(TestServer server) {
    String[] body = new String[1];
    Await.awaitTrue("new runs refused", () -> {
      HttpResponse<String> response = server.postForm("/agents/echo/runs", Map.of("message", "hi", "stream",
          "false"));
      body[0] = response.body();
      return response.statusCode() == 503;
    });
    assertThat(body[0]).contains("shutting down");
  }
}
