package dev.agentry.server;

import static dev.agentry.server.Reloads.answer;
import static dev.agentry.server.Reloads.await;
import static dev.agentry.server.Await.awaitTrue;
import static dev.agentry.server.Reloads.status;
import static dev.agentry.server.Reloads.write;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import dev.agentry.server.reload.CatalogHolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/** Hot reload, black-box: files are edited under a running server, which is observed over HTTP and SSE only. */
class ReloadTest {
  private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(ReloadTest.class);
  private static final String FIRST = "Hello from the echo agent.";
  private static final String BROKEN_FIELD = """
      apiVersion: agentry.dev/v1
      kind: Agent
      metadata: {name: second}
      spec:
        model: echo-model
        instructionz: be brief
      """;

  private static final Duration HOLD = Duration.ofSeconds(1);

  private final Captured log = new Captured();

  @BeforeEach
  void captureLog() {
    log.start();
    ((Logger) LoggerFactory.getLogger(CatalogHolder.class)).addAppender(log);
  }

  @AfterEach
  void releaseLog() {
    ((Logger) LoggerFactory.getLogger(CatalogHolder.class)).detachAppender(log);
  }

  @Test
  void an_edited_file_is_served_as_a_new_version_within_the_deadline() {
    try (TestServer server = TestServer.start(TestServer.SPECS, s -> s.reloadDebounce(Duration.ofMillis(100)))) {
      String version = status(server).path("version").asString();
      assertThat(answer(server, "echo")).isEqualTo(FIRST);
      List<Long> millis = new ArrayList<>();
      for (int i = 1; i <= 7; i++) {
        String before = version;
        long saved = System.nanoTime();
        write(server.specDir().resolve("agents.yaml"), agents("Hello v" + i + "."));
        JsonNode status = await(server, "edit " + i, s -> !s.path("version").asString().equals(before));
        millis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - saved));
        version = status.path("version").asString();
        assertThat(answer(server, "echo")).isEqualTo("Hello v" + i + ".");
        JsonNode attempt = status.path("last_attempt");
        assertThat(attempt.path("outcome").asString()).isEqualTo("reloaded");
        assertThat(attempt.path("previous_version").asString()).isEqualTo(before);
        assertThat(names(attempt.path("changed"))).containsExactly("Agent/echo", "Model/echo-model");
        assertThat(attempt.path("added")).isEmpty();
        String line = "specs reloaded: version " + before + " -> " + version
            + "; added [], changed [Agent/echo, Model/echo-model], removed []";
        awaitTrue("the reload log line", () -> log.lines.contains("INFO " + line));
      }
      Collections.sort(millis);
      LOG.info("save -> serve latency (debounce 100 ms, {} edits): min {} ms, median {} ms, max {} ms",
          millis.size(), millis.get(0), millis.get(millis.size() / 2), millis.get(millis.size() - 1));
    }
  }

  @Test
  void a_status_read_during_reloads_pairs_the_live_version_with_the_attempt_that_made_it_live() throws Exception {
    try (TestServer server = TestServer.start(TestServer.SPECS, s -> s.reloadDebounce(Duration.ofMinutes(5)))) {
      AtomicBoolean done = new AtomicBoolean();
      List<String> mismatches = new CopyOnWriteArrayList<>();
      ExecutorService poller = Executors.newSingleThreadExecutor();
      poller.submit(() -> {
        while (!done.get()) {
          JsonNode status = status(server);
          JsonNode attempt = status.path("last_attempt");
          String outcome = attempt.path("outcome").asString();
          String expected = outcome.equals("reloaded") || outcome.equals("loaded")
              ? attempt.path("version").asString() : attempt.path("previous_version").asString();
          if (!status.path("version").asString().equals(expected)) {
            mismatches.add(status.toString());
          }
        }
        return null;
      });
      for (int i = 1; i <= 30; i++) {
        write(server.specDir().resolve("agents.yaml"), agents("Hello v" + i + "."));
        assertThat(server.postJson("/specs/reload", "").statusCode()).isEqualTo(200);
      }
      done.set(true);
      poller.shutdown();
      assertThat(poller.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
      assertThat(mismatches).isEmpty();
      assertThat(answer(server, "echo")).isEqualTo("Hello v30.");
    }
  }

  @Test
  void a_broken_file_keeps_the_old_catalog_live_and_is_reported_at_file_line_col_until_fixed()
      throws IOException {
    try (TestServer server = TestServer.start(TestServer.SPECS)) {
      String good = status(server).path("version").asString();
      write(server.specDir().resolve("broken.yaml"), BROKEN_FIELD);
      JsonNode status = await(server, "the failed attempt",
          s -> s.path("last_attempt").path("outcome").asString().equals("failed"));
      assertThat(status.path("version").asString()).isEqualTo(good);
      JsonNode diagnostic = status.path("last_attempt").path("diagnostics").get(0);
      assertThat(diagnostic.path("file").asString()).endsWith("broken.yaml");
      assertThat(diagnostic.path("line").asInt()).isEqualTo(6);
      assertThat(diagnostic.path("column").asInt()).isEqualTo(3);
      assertThat(diagnostic.path("pointer").asString()).isEqualTo("/spec/instructionz");
      assertThat(diagnostic.path("rendered").asString()).contains("broken.yaml:6:3: error: ");
      assertThat(answer(server, "echo")).isEqualTo(FIRST);
      assertThat(server.get("/agents/second").statusCode()).isEqualTo(404);
      awaitTrue("the failure log", () -> log.lines.stream().anyMatch(l -> l.startsWith("WARN specs reload failed, "
          + "still serving version " + good) && l.contains("broken.yaml:6:3: error: ")));

      HttpResponse<String> reload = server.postJson("/specs/reload", "");
      assertThat(reload.statusCode()).isEqualTo(422);
      JsonNode body = TestServer.json(reload);
      assertThat(body.path("detail").asString()).contains("still serving version " + good);
      assertThat(body.path("diagnostics").get(0).path("rendered").asString()).contains("broken.yaml:6:3");

      Files.delete(server.specDir().resolve("broken.yaml"));
      String at = await(server, "the fix", s -> s.path("last_attempt").path("outcome").asString()
          .equals("unchanged")).path("last_attempt").path("at").asString();
      Path nested = Files.createDirectory(server.specDir().resolve("more"));
      await(server, "the new folder", s -> !s.path("last_attempt").path("at").asString().equals(at));
      write(nested.resolve("second.yaml"), BROKEN_FIELD.replace("instructionz", "instructions"));
      status = await(server, "the file in the new folder", s -> !s.path("version").asString().equals(good));
      assertThat(status.path("last_attempt").path("outcome").asString()).isEqualTo("reloaded");
      assertThat(names(status.path("last_attempt").path("added"))).containsExactly("Agent/second");
      assertThat(answer(server, "second")).isEqualTo(FIRST);
    }
  }

  @Test
  void runs_during_edits_breaks_and_fixes_all_succeed_on_a_version_that_was_live() throws Exception {
    // "broken" ends mid-document, which looks half-written: it is reported once it has stayed so for the hold
    try (TestServer server = TestServer.start(TestServer.SPECS, s -> s.reloadHold(HOLD))) {
      Map<String, String> live = new ConcurrentHashMap<>(Map.of(status(server).path("version").asString(), FIRST));
      List<Map<String, String>> runs = new CopyOnWriteArrayList<>();
      List<String> failures = new CopyOnWriteArrayList<>();
      AtomicBoolean stop = new AtomicBoolean();
      ExecutorService clients = Executors.newFixedThreadPool(4);
      for (int i = 0; i < 4; i++) {
        boolean sse = i % 2 == 1;
        clients.submit(() -> {
          while (!stop.get()) {
            try {
              runs.add(sse ? streamed(server) : plain(server));
            } catch (RuntimeException | AssertionError e) {
              failures.add((sse ? "SSE: " : "JSON: ") + e);
            }
          }
        });
      }
      Path agents = server.specDir().resolve("agents.yaml");
      List<String> steps = List.of("v2", "broken", "v3", "v4", "broken", "broken-field", "v5");
      for (String step : steps) {
        int target = runs.size() + 8;
        awaitTrue("runs between reloads", () -> runs.size() >= target || !failures.isEmpty());
        String before = status(server).path("version").asString();
        if (step.equals("broken")) {
          write(agents, "apiVersion: agentry.dev/v1\nkind: Agent\nmetadata: [\n");
          await(server, step, s -> s.path("last_attempt").path("outcome").asString().equals("failed"));
        } else if (step.equals("broken-field")) {
          write(server.specDir().resolve("broken.yaml"), BROKEN_FIELD);
          await(server, step, s -> s.path("last_attempt").path("outcome").asString().equals("failed"));
          Files.delete(server.specDir().resolve("broken.yaml"));
        } else {
          write(agents, agents("Hello " + step + "."));
          String version = await(server, step, s -> !s.path("version").asString().equals(before))
              .path("version").asString();
          live.put(version, "Hello " + step + ".");
        }
      }
      int target = runs.size() + 8;
      awaitTrue("runs after the last reload", () -> runs.size() >= target || !failures.isEmpty());
      stop.set(true);
      clients.shutdown();
      assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

      assertThat(failures).isEmpty();
      Map<String, Integer> perVersion = new HashMap<>();
      for (Map<String, String> run : runs) {
        JsonNode stored = TestServer.json(server.get("/agents/echo/runs/" + run.get("run_id") + "?session_id="
            + run.get("session_id")));
        String version = stored.path("spec_version").asString();
        assertThat(live).as("run %s ran on a live version", run.get("run_id")).containsKey(version);
        assertThat(run.get("content")).as("a run answers as the version it started on").isEqualTo(live.get(version));
        assertThat(stored.path("content").asString()).isEqualTo(live.get(version));
        perVersion.merge(version, 1, Integer::sum);
      }
      assertThat(perVersion.keySet()).as("runs saw every live version").containsExactlyInAnyOrderElementsOf(
          live.keySet());
      LOG.info("{} runs during {} reload steps, by version: {}", runs.size(), steps.size(), perVersion);
    }
  }

  @Test
  void a_configmap_data_swap_is_served_as_a_new_version() throws IOException {
    Path root = Files.createTempDirectory("agentry-configmap-");
    Path first = Files.createDirectory(root.resolve("..2026_01_01_00_00_00.1"));
    Files.writeString(first.resolve("agents.yaml"), agents("From the first ConfigMap."));
    Files.writeString(first.resolve("os.yaml"), TestServer.SPECS.get("os.yaml"));
    Files.createSymbolicLink(root.resolve("..data"), first.getFileName());
    Files.createSymbolicLink(root.resolve("agents.yaml"), Path.of("..data/agents.yaml"));
    Files.createSymbolicLink(root.resolve("os.yaml"), Path.of("..data/os.yaml"));
    try (AgentServer server = AgentServer.create(s -> s.specs(root).port(0)
        .reloadDebounce(Duration.ofMillis(50)).shutdownGrace(Duration.ofSeconds(1))).start()) {
      String before = TestServer.json(Http.get(server, "/specs/status")).path("version").asString();
      assertThat(Http.answer(server, "echo")).isEqualTo("From the first ConfigMap.");

      // what the kubelet does: a new timestamped folder, a new ..data link renamed over the old, the old removed
      Path second = Files.createDirectory(root.resolve("..2026_01_02_00_00_00.2"));
      Files.writeString(second.resolve("agents.yaml"), agents("From the second ConfigMap."));
      Files.writeString(second.resolve("os.yaml"), TestServer.SPECS.get("os.yaml"));
      Files.createSymbolicLink(root.resolve("..data_tmp"), second.getFileName());
      Files.move(root.resolve("..data_tmp"), root.resolve("..data"), StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
      Files.delete(first.resolve("agents.yaml"));
      Files.delete(first.resolve("os.yaml"));
      Files.delete(first);

      awaitTrue("the swapped ConfigMap", () -> !TestServer.json(Http.get(server, "/specs/status")).path("version")
          .asString().equals(before));
      assertThat(Http.answer(server, "echo")).isEqualTo("From the second ConfigMap.");
    } finally {
      try (Stream<Path> files = Files.walk(root)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  @Test
  void reload_on_demand_of_unchanged_files_is_unchanged() {
    try (TestServer server = TestServer.start(TestServer.SPECS)) {
      JsonNode before = status(server);
      assertThat(before.path("last_attempt").path("outcome").asString()).isEqualTo("loaded");
      HttpResponse<String> reload = server.postJson("/specs/reload", "");
      assertThat(reload.statusCode()).isEqualTo(200);
      JsonNode attempt = TestServer.json(reload);
      assertThat(attempt.path("outcome").asString()).isEqualTo("unchanged");
      assertThat(attempt.path("version").asString()).isEqualTo(before.path("version").asString());

      // a comment changes the file, not what it means: the watcher reloads, and the version stays
      write(server.specDir().resolve("agents.yaml"), "# a comment\n" + TestServer.SPECS.get("agents.yaml"));
      String at = attempt.path("at").asString();
      JsonNode status = await(server, "the watcher's attempt",
          s -> !s.path("last_attempt").path("at").asString().equals(at));
      assertThat(status.path("last_attempt").path("outcome").asString()).isEqualTo("unchanged");
      assertThat(status.path("version").asString()).isEqualTo(before.path("version").asString());
      assertThat(status.path("loaded_at").asString()).isEqualTo(before.path("loaded_at").asString());
    }
  }

  @Test
  void an_agent_without_its_api_key_is_degraded_and_the_others_are_ready() {
    Map<String, String> specs = new HashMap<>(TestServer.SPECS);
    specs.put("gpt.yaml", """
        apiVersion: agentry.dev/v1
        kind: Agent
        metadata: {name: gpt}
        spec:
          model: openai:gpt-4o-mini
        """);
    try (TestServer server = TestServer.start(specs)) {
      Map<String, JsonNode> resources = new HashMap<>();
      status(server).path("resources").forEach(r -> resources.put(r.path("kind").asString() + "/"
          + r.path("id").asString(), r));
      assertThat(resources).containsOnlyKeys("Agent/echo", "Agent/gpt", "Model/echo-model", "Database/local-db",
          "AgentOS/test-os");
      assertThat(resources.get("Agent/echo").path("status").asString()).isEqualTo("ready");
      assertThat(resources.get("Agent/echo").has("reason")).isFalse();
      assertThat(resources.get("Model/echo-model").path("status").asString()).isEqualTo("ready");
      assertThat(answer(server, "echo")).isEqualTo(FIRST);

      Assumptions.assumeTrue(System.getenv("OPENAI_API_KEY") == null, "OPENAI_API_KEY is set here");
      JsonNode gpt = resources.get("Agent/gpt");
      assertThat(gpt.path("status").asString()).isEqualTo("degraded");
      assertThat(gpt.path("reason").asString()).contains("missing API key for provider openai", "OPENAI_API_KEY");
      JsonNode failed = TestServer.json(server.postForm("/agents/gpt/runs", Map.of("message", "hi", "stream",
          "false")));
      assertThat(failed.path("status").asString()).isNotEqualTo("COMPLETED");
      assertThat(answer(server, "echo")).isEqualTo(FIRST);
    }
  }

  @Test
  void a_toolkit_that_cannot_open_degrades_itself_and_its_agent_and_the_others_run() {
    Map<String, String> specs = new HashMap<>(TestServer.SPECS);
    specs.put("mcp.yaml", """
        apiVersion: agentry.dev/v1
        kind: Toolkit
        metadata: {name: gone}
        spec:
          mcp: {command: /nonexistent/agentry-test-mcp-server, timeout_seconds: 5}
        ---
        apiVersion: agentry.dev/v1
        kind: Agent
        metadata: {name: lister}
        spec:
          model: echo-model
          tools: [{toolkit: gone}]
        """);
    try (TestServer server = TestServer.start(specs)) {
      Map<String, JsonNode> resources = new HashMap<>();
      status(server).path("resources").forEach(r -> resources.put(r.path("kind").asString() + "/"
          + r.path("id").asString(), r));
      assertThat(resources.get("Toolkit/gone").path("status").asString()).isEqualTo("degraded");
      assertThat(resources.get("Agent/lister").path("status").asString()).isEqualTo("degraded");
      assertThat(resources.get("Agent/lister").path("reason").asString())
          .contains("toolkit 'gone' (mcp) could not be opened");
      assertThat(resources.get("Agent/echo").path("status").asString()).isEqualTo("ready");

      JsonNode failed = TestServer.json(server.postForm("/agents/lister/runs", Map.of("message", "hi", "stream",
          "false")));
      assertThat(failed.path("status").asString()).isNotEqualTo("COMPLETED");
      assertThat(failed.toString()).contains("toolkit 'gone' could not be opened");
      assertThat(answer(server, "echo")).isEqualTo(FIRST);
    }
  }

  @Test
  void a_knowledge_that_cannot_open_degrades_itself_and_its_agent_and_the_others_run() {
    Map<String, String> specs = new HashMap<>(TestServer.SPECS);
    specs.put("kb.yaml", """
        apiVersion: agentry.dev/v1
        kind: Knowledge
        metadata: {name: lost}
        spec:
          description: on a PostgreSQL that is not there
          vector_db: {type: pgvector, url: "postgresql://agentry:pw@127.0.0.1:1/none"}
        ---
        apiVersion: agentry.dev/v1
        kind: Agent
        metadata: {name: reader}
        spec:
          model: echo-model
          knowledge: lost
        """);
    try (TestServer server = TestServer.start(specs)) {
      Map<String, JsonNode> resources = new HashMap<>();
      status(server).path("resources").forEach(r -> resources.put(r.path("kind").asString() + "/"
          + r.path("id").asString(), r));
      assertThat(resources.get("Knowledge/lost").path("status").asString()).isEqualTo("degraded");
      assertThat(resources.get("Knowledge/lost").path("reason").asString()).contains("cannot connect");
      assertThat(resources.get("Agent/reader").path("reason").asString())
          .contains("knowledge 'lost' (pgvector) could not be opened");
      assertThat(resources.get("Agent/echo").path("status").asString()).isEqualTo("ready");
      assertThat(answer(server, "echo")).isEqualTo(FIRST);
    }
  }

  /** A non-streamed run of echo: its ids and answer, checked to have completed. */
  private static Map<String, String> plain(TestServer server) {
    HttpResponse<String> response = server.postForm("/agents/echo/runs", Map.of("message", "hi", "stream", "false"));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode run = TestServer.json(response);
    assertThat(run.path("status").asString()).as(response.body()).isEqualTo("COMPLETED");
    return Map.of("run_id", run.path("run_id").asString(), "session_id", run.path("session_id").asString(),
        "content", run.path("content").asString());
  }

  /** A streamed run of echo, read to its end: its ids and answer, checked to have completed. */
  private static Map<String, String> streamed(TestServer server) {
    TestServer.Sse sse = server.stream("/agents/echo/runs", Map.of("message", "hi", "stream", "true"));
    assertThat(sse.status()).as(sse.raw()).isEqualTo(200);
    assertThat(sse.names()).as(sse.raw()).startsWith("RunStarted").endsWith("RunCompleted");
    JsonNode done = sse.first("RunCompleted").data();
    return Map.of("run_id", done.path("run_id").asString(), "session_id", done.path("session_id").asString(),
        "content", done.path("content").asString());
  }

  /** The echo agent and its scripted model, answering {@code fallback}. */
  private static String agents(String fallback) {
    return TestServer.SPECS.get("agents.yaml").replace(FIRST, fallback);
  }

  private static List<String> names(JsonNode array) {
    List<String> names = new ArrayList<>();
    array.forEach(n -> names.add(n.asString()));
    return names;
  }

  /** The log lines of {@link CatalogHolder}, as "LEVEL message". */
  private static final class Captured extends AppenderBase<ILoggingEvent> {
    final List<String> lines = new CopyOnWriteArrayList<>();

    @Override
    protected void append(ILoggingEvent event) {
      lines.add(event.getLevel() + " " + event.getFormattedMessage());
    }
  }

  /** Plain HTTP for the one test that starts its server itself (its spec root must exist before start-up). */
  private static final class Http {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    static HttpResponse<String> get(AgentServer server, String path) {
      return send(HttpRequest.newBuilder(URI.create(server.url() + path)).GET());
    }

    static String answer(AgentServer server, String agent) {
      HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(server.url() + "/agents/" + agent
          + "/runs")).header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString("message=hi&stream=false")));
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      return TestServer.json(response).path("content").asString();
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
      try {
        return CLIENT.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
