package dev.agentry.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * What the API does with input a database cannot store and with a database that goes away, on a PostgreSQL-backed
 * server (embedded, restartable on its port) beside a SQLite-backed one: the same 422 on both before anything runs,
 * "Database unavailable" without connection details during an outage, and no run left RUNNING after it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(180)
class DatabaseFaultsTest {
  private static final String SLOW = """
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
          chunk_delay_ms: 60
          fallback: A slow answer, one letter at a time.
      """;
  private static final String PASSWORD = "pw-not-checked";

  static Path dir;
  static int port;
  static EmbeddedPostgres postgres;
  static TestServer onPostgres;
  static TestServer onSqlite;

  @BeforeAll
  static void start() throws IOException {
    dir = Files.createTempDirectory("agentry-db-faults-");
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    postgres = startPostgres();
    Map<String, String> specs = new HashMap<>(TestServer.SPECS);
    specs.put("slow.yaml", SLOW);
    onPostgres = TestServer.start(specs, s -> s.dbUrl("postgresql://postgres:" + PASSWORD + "@localhost:" + port
        + "/postgres"));
    onSqlite = TestServer.start(specs, s -> s.dbUrl("sqlite:" + dir.resolve("agentry.db")));
  }

  @AfterAll
  static void stop() throws IOException {
    onSqlite.close();
    onPostgres.close();
    postgres.close();
  }

  private static EmbeddedPostgres startPostgres() throws IOException {
    return EmbeddedPostgres.builder().setPort(port).setDataDirectory(dir.resolve("pg"))
        .setCleanDataDirectory(false).start();
  }

  /** One request carrying text no database should hold, and where the 422 must point. */
  record Case(String name, String method, String path, String contentType, String body, List<String> loc) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case("NUL in a query parameter", "GET", "/sessions?user_id=%00", null, "", List.of("query", "user_id")),
        new Case("NUL in the memories' user_id", "GET", "/memories?user_id=a%00", null, "",
            List.of("query", "user_id")),
        new Case("NUL in the session_id of a run listing", "GET", "/agents/echo/runs?session_id=%00", null, "",
            List.of("query", "session_id")),
        new Case("NUL in a run message (urlencoded)", "POST", "/agents/echo/runs", "application/x-www-form-urlencoded",
            "message=" + URLEncoder.encode("hi\0there", StandardCharsets.UTF_8) + "&stream=false",
            List.of("body", "message")),
        new Case("NUL in a run's session_id (multipart)", "POST", "/agents/echo/runs",
            "multipart/form-data; boundary=XYZ", "--XYZ\r\nContent-Disposition: form-data; name=\"message\"\r\n\r\nhi"
            + "\r\n--XYZ\r\nContent-Disposition: form-data; name=\"session_id\"\r\n\r\ns\0\r\n--XYZ--\r\n",
            List.of("body", "session_id")),
        new Case("NUL escaped in a run's session_state", "POST", "/agents/echo/runs",
            "application/x-www-form-urlencoded", "message=hi&session_state="
            + URLEncoder.encode("{\"k\": \"\\u0000\"}", StandardCharsets.UTF_8), List.of("body", "session_state", "k")),
        new Case("NUL escaped in a JSON session_id", "POST", "/sessions", "application/json",
            "{\"session_id\": \"a\\u0000b\"}", List.of("body", "session_id")),
        new Case("NUL escaped in a memory", "POST", "/memories", "application/json",
            "{\"memory\": \"x\\u0000\", \"user_id\": \"u\"}", List.of("body", "memory")),
        new Case("NUL escaped in a session_state key", "POST", "/sessions", "application/json",
            "{\"session_state\": {\"a\\u0000\": 1}}", List.of("body", "session_state", "a\uFFFD")),
        new Case("an unpaired surrogate in a memory topic", "POST", "/memories", "application/json",
            "{\"memory\": \"x\", \"user_id\": \"u\", \"topics\": [\"ok\", \"\\ud83d\"]}",
            List.of("body", "topics", "1")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  @Order(1)
  void text_no_database_can_store_is_refused_alike_on_postgresql_and_sqlite_before_anything_runs(Case c) {
    int sessionsBefore = sessionCount(onPostgres);

    HttpResponse<String> postgresAnswer = send(onPostgres, c);
    HttpResponse<String> sqliteAnswer = send(onSqlite, c);

    assertThat(postgresAnswer.statusCode()).as(postgresAnswer.body()).isEqualTo(422);
    assertThat(sqliteAnswer.statusCode()).isEqualTo(422);
    assertThat(sqliteAnswer.body()).as("the same answer whatever the database").isEqualTo(postgresAnswer.body());
    JsonNode error = TestServer.json(postgresAnswer).path("detail").path(0);
    assertThat(error.propertyNames()).containsExactly("type", "loc", "msg", "input");
    assertThat(error.path("type").asString()).isEqualTo("value_error");
    assertThat(error.path("loc").valueStream().map(JsonNode::asString)).containsExactlyElementsOf(c.loc());
    assertThat(error.path("msg").asString()).contains("NUL");
    assertThat(sessionCount(onPostgres)).as("no run or session was started").isEqualTo(sessionsBefore);
  }

  @Test
  @Order(2)
  void an_encoded_nul_in_a_path_is_a_client_error_on_both() {
    for (TestServer server : List.of(onPostgres, onSqlite)) {
      for (String path : List.of("/sessions/%00", "/memories/a%00b", "/agents/echo/runs/r%00/cancel")) {
        HttpResponse<String> response = server.send(path.endsWith("cancel") ? "POST" : "GET", path,
            HttpRequest.BodyPublishers.noBody(), null);
        assertThat(response.statusCode()).as(path + " " + response.body()).isBetween(400, 499);
        assertThat(TestServer.json(response).propertyNames()).containsExactly("detail");
      }
    }
  }

  @Test
  @Order(3)
  void a_run_that_ends_during_an_outage_is_stored_completed_once_the_database_is_back() throws Exception {
    CompletableFuture<HttpResponse<String>> run = CompletableFuture.supplyAsync(() -> onPostgres.postUrlencoded(
        "/agents/slow/runs", Map.of("message", "hi", "stream", "false", "session_id", "outage")));
    assertThat(eventually(() -> runs(onPostgres).size() == 1)).as("the run was stored as RUNNING").isTrue();
    String runId = runs(onPostgres).get(0).path("run_id").asString();

    postgres.close();
    HttpResponse<String> during = onPostgres.get("/sessions");
    assertThat(during.statusCode()).isEqualTo(503);
    assertThat(during.body()).isEqualTo("{\"detail\":\"Database unavailable\"}")
        .doesNotContain("postgres", "localhost", String.valueOf(port), PASSWORD);
    HttpResponse<String> answered = run.get(60, TimeUnit.SECONDS);
    assertThat(answered.statusCode()).isEqualTo(200);
    assertThat(TestServer.json(answered).path("status").asString()).isEqualTo("COMPLETED");

    postgres = startPostgres();
    assertThat(eventually(() -> "COMPLETED".equals(storedStatus(runId)))).as("stored once the database is back")
        .isTrue();
    JsonNode stored = TestServer.json(onPostgres.get("/sessions/outage/runs/" + runId));
    assertThat(stored.path("content").asString()).isEqualTo("A slow answer, one letter at a time.");
    assertThat(runs(onPostgres)).extracting(r -> r.path("status").asString()).containsOnly("COMPLETED");
  }

  private static HttpResponse<String> send(TestServer server, Case c) {
    return server.send(c.method(), c.path(), HttpRequest.BodyPublishers.ofString(c.body(), StandardCharsets.UTF_8),
        c.contentType());
  }

  private static int sessionCount(TestServer server) {
    return TestServer.json(server.get("/sessions?limit=100")).path("meta").path("total_count").asInt();
  }

  private static List<JsonNode> runs(TestServer server) {
    HttpResponse<String> response = server.get("/sessions/outage/runs");
    return response.statusCode() != 200 ? List.of() : TestServer.json(response).valueStream().toList();
  }

  private static String storedStatus(String runId) {
    HttpResponse<String> response = onPostgres.get("/sessions/outage/runs/" + runId);
    return response.statusCode() == 200 ? TestServer.json(response).path("status").asString() : "";
  }

  /** Polls {@code condition} until it holds, for up to 30 s (STYLE §43). */
  private static boolean eventually(BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
    }
    return true;
  }
}
