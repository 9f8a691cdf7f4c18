package dev.agentry.server;

import static dev.agentry.server.Await.awaitTrue;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import dev.agentry.engine.run.internal.LeaseKeeper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Two servers, A and B, on one database (an embedded PostgreSQL, and the in-process MongoDB), spoken to over HTTP: a
 * run started on A is cancelled through B, resumed through B as A produces it, continued on B after pausing on A; B
 * starting leaves A's runs alone; when A dies without ending its runs (the engine's crash hook stops its lease), B
 * marks them interrupted once A's lease has ended, not before; {@code /specs/status} lists both. On SQLite a second
 * instance warns that SQLite is single-instance. The leases last {@value #LEASE_MS} ms here (15 s by default).
 */
@Timeout(120)
class SeveralInstancesTest {
  static final long LEASE_MS = 1000;
  static final String KEY = "cluster-key";
  static final Map<String, String> AUTH = Map.of("Authorization", "Bearer " + KEY);
  /** The pause between two one-letter chunks of the slow agent, and how many it sends. */
  static final long DELAY_MS = 40;
  static final int CHUNKS = 50;

  static final String SPECS = """
      apiVersion: agentry.dev/v1
      kind: AgentOS
      metadata: {name: cluster}
      spec:
        security_key: %s
      ---
      apiVersion: agentry.dev/v1
      kind: Agent
      metadata: {name: slow}
      spec:
        model: slow-model
      ---
      apiVersion: agentry.dev/v1
      kind: Model
      metadata: {name: slow-model}
      spec:
        provider: scripted
        script:
          chunk_size: 1
          chunk_delay_ms: %d
          fallback: "%s"
      ---
      apiVersion: agentry.dev/v1
      kind: Agent
      metadata: {name: endless}
      spec:
        model: endless-model
      ---
      apiVersion: agentry.dev/v1
      kind: Model
      metadata: {name: endless-model}
      spec:
        provider: scripted
        script:
          chunk_size: 1
          chunk_delay_ms: 50
          fallback: "%s"
      """.formatted(KEY, DELAY_MS, "s".repeat(CHUNKS), "e".repeat(600)) + "---\n" + ContinueRunTest.MAILER;

  static Stream<String> databases() {
    return Stream.of("postgresql", "mongodb");
  }

  @ParameterizedTest
  @MethodSource("databases")
  void a_run_started_on_A_is_cancelled_through_B(String database) {
    String db = database(database);
    try (TestServer a = instance(db); TestServer b = instance(db)) {
      String sessionId = "cancel-" + database;
      try (TimedSse run = TimedSse.post(a, "/agents/slow/runs", Map.of("message", "hi", "session_id", sessionId),
          AUTH)) {
        String runId = run.until("RunStarted").data().path("run_id").asString();
        run.until("RunContent");

        HttpResponse<String> cancel = b.postForm("/agents/slow/runs/" + runId + "/cancel?session_id=" + sessionId,
            Map.of());

        assertThat(cancel.statusCode()).as(cancel.body()).isEqualTo(200);
        assertThat(cancel.body()).isEqualTo("{}");
        List<TimedSse.Arrival> rest = run.rest();
        assertThat(run.names()).as("A's own stream ends with the cancel").contains("RunCancelled");
        assertThat(rest.stream().filter(e -> e.name().equals("RunContent")).count())
            .as("cut short: not every chunk was sent").isLessThan(CHUNKS - 1);
        awaitTrue("the run stored CANCELLED, read through B", () -> status(b, runId, sessionId).equals("CANCELLED"));
      }
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void a_run_of_A_resumed_through_B_streams_its_events_as_A_produces_them(String database) {
    String db = database(database);
    try (TestServer a = instance(db); TestServer b = instance(db)) {
      String sessionId = "resume-" + database;
      try (TimedSse run = TimedSse.post(a, "/agents/slow/runs", Map.of("message", "hi", "session_id", sessionId),
          AUTH)) {
        String runId = run.until("RunStarted").data().path("run_id").asString();
        run.until("RunContent");
        int seen = run.seen().size();

        try (TimedSse resumed = TimedSse.post(b, "/agents/slow/runs/" + runId + "/resume",
            Map.of("session_id", sessionId, "last_event_index", String.valueOf(seen - 1)), AUTH)) {
          assertThat(resumed.status()).isEqualTo(200);
          assertThat(resumed.headers().get("content-type")).startsWith("text/event-stream");
          List<TimedSse.Arrival> events = resumed.rest();

          assertThat(resumed.names()).as("A's live buffer answered, through B").contains("subscribed")
              .doesNotContain("replay", "error").endsWith("RunCompleted");
          assertThat(resumed.seen().stream().filter(e -> e.data().has("event_index")).findFirst().orElseThrow()
              .data().path("event_index").asLong()).as("from the index asked for").isEqualTo(seen);
          List<TimedSse.Arrival> content = events.stream().filter(e -> e.name().equals("RunContent")).toList();
          assertThat(content.size()).isGreaterThan(CHUNKS / 2);
          long produced = (content.size() - 1) * DELAY_MS;
          assertThat(content.getLast().millis() - content.getFirst().millis())
              .as("the content arrives through B spread over the run, not at its end: %s", times(content))
              .isGreaterThanOrEqualTo(produced / 2);
        }
        assertThat(run.rest().getLast().name()).isEqualTo("RunCompleted");
      }
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void a_resume_through_B_needs_the_same_credentials_and_a_finished_run_is_replayed_from_the_database(
      String database) {
    String db = database(database);
    try (TestServer a = instance(db); TestServer b = instance(db)) {
      String sessionId = "auth-" + database;
      String runId;
      try (TimedSse run = TimedSse.post(a, "/agents/slow/runs", Map.of("message", "hi", "session_id", sessionId),
          AUTH)) {
        runId = run.until("RunStarted").data().path("run_id").asString();
        try (TimedSse refused = TimedSse.post(b, "/agents/slow/runs/" + runId + "/resume",
            Map.of("session_id", sessionId), Map.of("Authorization", "Bearer wrong"))) {
          assertThat(refused.status()).isEqualTo(401);
        }
        run.rest();
      }
      awaitTrue("the run stored COMPLETED", () -> status(b, runId, sessionId).equals("COMPLETED"));
      try (TimedSse replayed = TimedSse.post(b, "/agents/slow/runs/" + runId + "/resume",
          Map.of("session_id", sessionId), AUTH)) {
        replayed.rest();
        assertThat(replayed.names()).startsWith("replay");
        assertThat(replayed.seen().getFirst().data().path("status").asString()).isEqualTo("COMPLETED");
      }
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void a_run_paused_on_A_is_continued_on_B(String database) {
    String db = database(database);
    try (TestServer a = instance(db); TestServer b = instance(db)) {
      String sessionId = "continue-" + database;
      HttpResponse<String> paused = a.postForm("/agents/mailer/runs",
          Map.of("message", "send the mail", "session_id", sessionId, "stream", "false"));
      JsonNode run = TestServer.json(paused);
      assertThat(run.path("status").asString()).as(paused.body()).isEqualTo("PAUSED");
      JsonNode tools = run.path("tools").deepCopy();
      ((ObjectNode) tools.get(0)).put("confirmed", true);

      HttpResponse<String> continued = b.postForm("/agents/mailer/runs/" + run.path("run_id").asString()
          + "/continue", Map.of("tools", tools.toString(), "session_id", sessionId, "stream", "false"));

      assertThat(continued.statusCode()).as(continued.body()).isEqualTo(200);
      assertThat(TestServer.json(continued).path("status").asString()).isEqualTo("COMPLETED");
      assertThat(TestServer.json(continued).path("content").asString()).startsWith("Mail result:");
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void B_starting_while_A_runs_leaves_A_s_runs_alone(String database) {
    String db = database(database);
    try (TestServer a = instance(db)) {
      String sessionId = "start-" + database;
      try (TimedSse run = TimedSse.post(a, "/agents/slow/runs", Map.of("message", "hi", "session_id", sessionId),
          AUTH)) {
        String runId = run.until("RunStarted").data().path("run_id").asString();
        run.until("RunContent");
        try (TestServer b = instance(db)) {
          awaitTrue("B lists both instances", () -> liveInstances(b).size() == 2);
          long watchUntil = System.nanoTime() + Duration.ofMillis(LEASE_MS * 3 / 2).toNanos();
          awaitTrue("B has watched the run for longer than a lease", () -> {
            assertThat(status(b, runId, sessionId)).as("A's run, read through B").isIn("RUNNING", "COMPLETED");
            return System.nanoTime() > watchUntil;
          });
          List<TimedSse.Arrival> rest = run.rest();
          assertThat(rest.getLast().name()).isEqualTo("RunCompleted");
          awaitTrue("A's run stored COMPLETED", () -> status(b, runId, sessionId).equals("COMPLETED"));
        }
      }
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void when_A_dies_without_ending_its_runs_B_marks_them_interrupted_after_A_s_lease_not_before(String database) {
    String db = database(database);
    try (TestServer a = instance(db); TestServer b = instance(db)) {
      String sessionId = "crash-" + database;
      String runId;
      try (TimedSse started = TimedSse.post(a, "/agents/endless/runs", Map.of("message", "hi", "session_id",
          sessionId, "background", "true"), AUTH)) { // a background run goes on when its client leaves
        runId = started.until("RunStarted").data().path("run_id").asString();
      }
      awaitTrue("the run is RUNNING, read through B", () -> status(b, runId, sessionId).equals("RUNNING"));

      // A's process "dies": its lease keeper stops at once, renewing and dropping nothing; its run (30 s long) goes on
      // unseen, as if frozen, and only ends when the test closes A
      String idOfA = a.server().os().instance().id();
      assertThat(LeaseKeeper.simulateCrash(idOfA)).isTrue();
      long crashed = System.nanoTime();

      awaitTrue("B marks the run interrupted", Duration.ofSeconds(20),
          () -> !status(b, runId, sessionId).equals("RUNNING"));
      long after = Duration.ofNanos(System.nanoTime() - crashed).toMillis();
      assertThat(after).as("not before A's lease could have ended (a lease lasts %d ms, renewed every third)",
          LEASE_MS).isGreaterThanOrEqualTo(LEASE_MS * 2 / 3 - 50);
      JsonNode run = TestServer.json(b.get("/agents/endless/runs/" + runId + "?session_id=" + sessionId));
      assertThat(run.path("status").asString()).isEqualTo("ERROR");
      assertThat(run.path("content").asString()).isEqualTo("interrupted");
      assertThat(liveInstances(b)).doesNotContain(idOfA);
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void the_spec_status_shows_this_instance_and_the_live_instances_of_the_database(String database) {
    String db = database(database);
    try (TestServer a = instance(db); TestServer b = instance(db)) {
      JsonNode status = TestServer.json(b.get("/specs/status"));

      JsonNode self = status.path("instance");
      assertThat(self.path("id").asString()).isEqualTo(b.server().os().instance().id());
      assertThat(self.path("url").asString()).isEqualTo(b.url());
      assertThat(self.path("started_at").asString()).isNotEmpty();
      awaitTrue("both instances listed", () -> liveInstances(b).size() == 2);
      assertThat(liveInstances(b)).containsExactlyInAnyOrder(a.server().os().instance().id(),
          b.server().os().instance().id());
      JsonNode ofA = TestServer.json(b.get("/specs/status")).path("instances").valueStream()
          .filter(i -> i.path("id").asString().equals(a.server().os().instance().id())).findFirst().orElseThrow();
      assertThat(ofA.path("url").asString()).isEqualTo(a.url());
      assertThat(ofA.path("lease_until").asString()).isNotEmpty();
    }
  }

  @Test
  void a_second_instance_on_one_SQLite_database_logs_that_SQLite_is_single_instance(@TempDir Path tmp) {
    String db = "sqlite:" + tmp.resolve("shared.db");
    Captured log = new Captured();
    Logger logger = (Logger) LoggerFactory.getLogger(AgentServer.class);
    logger.addAppender(log);
    log.start();
    try (TestServer a = instance(db)) {
      assertThat(log.warnings()).as("one instance alone").isEmpty();
      try (TestServer b = instance(db)) {
        assertThat(log.warnings()).singleElement().asString().contains("SQLite is single-instance",
            "use PostgreSQL or MongoDB", a.server().os().instance().id());
      }
    } finally {
      logger.detachAppender(log);
    }
  }

  /** The WARN lines logged while it is attached. */
  private static final class Captured extends AppenderBase<ILoggingEvent> {
    private final List<String> lines = new CopyOnWriteArrayList<>();

    @Override
    protected void append(ILoggingEvent event) {
      if (event.getLevel() == Level.WARN) {
        lines.add(event.getFormattedMessage());
      }
    }

    List<String> warnings() {
      return List.copyOf(lines);
    }
  }

  /** A server on {@code db} with short leases, on a port of its own (so that it advertises its URL). */
  static TestServer instance(String db) {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    TestServer server = TestServer.start(Map.of("cluster.yaml", SPECS), s -> s.port(port).dbUrl(db).watch(false)
        .shutdownGrace(Duration.ofMillis(200)),
        engine -> engine.lease(Duration.ofMillis(LEASE_MS)));
    server.header("Authorization", "Bearer " + KEY);
    return server;
  }

  static String database(String kind) {
    return kind.equals("postgresql") ? SharedDatabases.postgres() : SharedDatabases.mongo();
  }

  static String status(TestServer server, String runId, String sessionId) {
    HttpResponse<String> run = server.get("/sessions/" + sessionId + "/runs/" + runId);
    assertThat(run.statusCode()).as(run.body()).isEqualTo(200);
    return TestServer.json(run).path("status").asString();
  }

  static List<String> liveInstances(TestServer server) {
    JsonNode status = TestServer.json(server.get("/specs/status"));
    return status.path("instances").valueStream().map(i -> i.path("id").asString()).toList();
  }

  static String times(List<TimedSse.Arrival> events) {
    return events.stream().map(e -> String.valueOf(e.millis())).collect(Collectors.joining(", "));
  }
}
