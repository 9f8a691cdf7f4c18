package dev.agentry.server;

import static dev.agentry.server.Reloads.answer;
import static dev.agentry.server.Reloads.await;
import static dev.agentry.server.Await.awaitTrue;
import static dev.agentry.server.Reloads.status;
import static dev.agentry.server.Reloads.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentry.engine.compile.SpecCompiler;
import dev.agentry.engine.spec.SpecLoader;
import dev.agentry.engine.spec.YamlReader;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A reload whose compile is slow never blocks the API or the watcher: the compile reads a variable from a source that
 * hangs while the test holds it (as a secrets backend might, or a parser busy on a hostile file), and ignores
 * interrupts as such code does.
 */
class SlowReloadTest {
  private static final Duration LIMIT = Duration.ofSeconds(3);

  @Test
  void a_reload_whose_compile_overruns_answers_503_within_the_limit_and_the_api_and_watcher_keep_working()
      throws Exception {
    SlowVariable slow = new SlowVariable();
    Map<String, String> files = new HashMap<>(TestServer.SPECS);
    files.put("slow.yaml", """
        apiVersion: agentry.dev/v1
        kind: Agent
        metadata: {name: slow}
        spec:
          model: echo-model
          description: "${env:SLOW_SECRET}"
        """);
    Path dir = TestServer.writeSpecs(files);
    SpecCompiler compiler = SpecCompiler.create(SpecLoader.create(slow::lookUp, YamlReader.Limits.DEFAULT));
    try (TestServer server = TestServer.start(dir, s -> s.reloadDebounce(Duration.ofMillis(50)).reloadTimeout(LIMIT),
        compiler)) {
      String good = status(server).path("version").asString();

      slow.hang();
      long asked = System.nanoTime();
      CompletableFuture<HttpResponse<String>> reload = CompletableFuture.supplyAsync(
          () -> server.postJson("/specs/reload", ""));
      assertThat(slow.entered.await(10, TimeUnit.SECONDS)).as("the compile reached the slow variable").isTrue();
      assertThat(reload).as("the reload waits on its compile, well inside its limit").isNotDone();
      // the compile hangs (within the limit, then abandoned): the API answers from the live catalog meanwhile
      assertThat(server.get("/agents/echo").statusCode()).isEqualTo(200);
      assertThat(status(server).path("version").asString()).isEqualTo(good);
      assertThat(answer(server, "echo")).isEqualTo("Hello from the echo agent.");

      HttpResponse<String> timedOut = reload.get(30, TimeUnit.SECONDS);
      Duration took = Duration.ofNanos(System.nanoTime() - asked);
      assertThat(timedOut.statusCode()).as(timedOut.body()).isEqualTo(503);
      JsonNode body = TestServer.json(timedOut);
      assertThat(body.path("detail").asString()).isEqualTo("The specs were not reloaded: compiling the specs took"
          + " longer than the reload time limit (3 s) and was abandoned; still serving version " + good);
      assertThat(body.path("diagnostics").get(0).path("code").asString()).isEqualTo("reload-timeout");
      assertThat(took).as("answered at the limit, not when the compile ends").isLessThan(LIMIT.plusSeconds(5));
      JsonNode attempt = status(server).path("last_attempt");
      assertThat(attempt.path("outcome").asString()).isEqualTo("timed_out");
      assertThat(status(server).path("version").asString()).isEqualTo(good);

      HttpResponse<String> busy = server.postJson("/specs/reload", "");
      assertThat(busy.statusCode()).as(busy.body()).isEqualTo(503);
      assertThat(TestServer.json(busy).path("detail").asString()).contains("an earlier compile of the specs",
          "is still running", "still serving version " + good);

      // the watcher keeps watching: an edit made while the compile hangs is served once it ends
      write(server.specDir().resolve("agents.yaml"), TestServer.SPECS.get("agents.yaml")
          .replace("Hello from the echo agent.", "Hello after the slow compile."));
      slow.release();
      awaitTrue("the edit served", () -> answer(server, "echo").equals("Hello after the slow compile."));
      JsonNode reloaded = await(server, "the watcher's reload",
          s -> s.path("last_attempt").path("outcome").asString().equals("reloaded"));
      assertThat(reloaded.path("last_attempt").path("changed").toString()).contains("Model/echo-model");
      HttpResponse<String> again = server.postJson("/specs/reload", "");
      assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
      assertThat(TestServer.json(again).path("outcome").asString()).isEqualTo("unchanged");
    }
  }

  /** {@code ${env:SLOW_SECRET}}: answers at once until {@link #hang()}, then blocks until {@link #release()}. */
  private static final class SlowVariable {
    final CountDownLatch entered = new CountDownLatch(1);
    private final AtomicBoolean hanging = new AtomicBoolean();
    private final CountDownLatch released = new CountDownLatch(1);

    void hang() {
      hanging.set(true);
    }

    void release() {
      released.countDown();
    }

    String lookUp(String name) {
      if (!name.equals("SLOW_SECRET")) {
        return System.getenv(name);
      }
      if (hanging.get()) {
        entered.countDown();
        boolean interrupted = false;
        while (released.getCount() > 0) {
          try {
            released.await(); // the reload's interrupt does not end the wait, as a busy parser would not notice it
          } catch (InterruptedException e) {
            interrupted = true;
          }
        }
        if (interrupted) {
          Thread.currentThread().interrupt();
        }
      }
      return "a secret";
    }
  }
}
