package dev.agentry.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Several databases served at once ({@code agentos-api.md} §1.3, §2.1): an agent's {@code db} keeps its sessions and
 * runs, {@code db_id} routes the session, memory and metrics routes, {@code GET /config} lists every database.
 */
class SeveralDatabasesTest {
  static TestServer server;
  static Path notes;

  @BeforeAll
  static void start() throws Exception {
    notes = Files.createTempDirectory("agentry-notes-").resolve("notes.db");
    Map<String, String> specs = new HashMap<>(TestServer.SPECS);
    specs.put("notes.yaml", """
        apiVersion: agentry.dev/v1
        kind: Database
        metadata: {name: notes-db}
        spec: {url: "sqlite:%s", table_prefix: notes_}
        ---
        apiVersion: agentry.dev/v1
        kind: Agent
        metadata: {name: noter}
        spec: {model: echo-model, db: notes-db}
        """.formatted(notes));
    server = TestServer.start(specs);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static JsonNode run(String agent, String sessionId) {
    HttpResponse<String> response = server.postForm("/agents/" + agent + "/runs",
        Map.of("message", "hello", "stream", "false", "session_id", sessionId));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return TestServer.json(response);
  }

  private static List<String> sessionIds(String query) {
    HttpResponse<String> response = server.get("/sessions?" + query);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return TestServer.json(response).path("data").valueStream().map(s -> s.path("session_id").asString()).toList();
  }

  @Test
  void a_run_is_stored_in_its_agents_database_and_db_id_finds_it_there() {
    JsonNode noted = run("noter", "notes-session");
    run("echo", "local-session");
    assertThat(sessionIds("type=agent&db_id=notes-db")).contains("notes-session").doesNotContain("local-session");
    assertThat(sessionIds("type=agent&db_id=local-db")).contains("local-session").doesNotContain("notes-session");
    assertThat(server.get("/sessions/notes-session/runs?type=agent&db_id=notes-db").statusCode()).isEqualTo(200);
    assertThat(server.get("/sessions/notes-session?db_id=local-db").statusCode()).isEqualTo(404);
    // the component's routes find its runs in its database without a db_id
    String runId = noted.path("run_id").asString();
    HttpResponse<String> got = server.get("/agents/noter/runs/" + runId + "?session_id=notes-session");
    assertThat(got.statusCode()).as(got.body()).isEqualTo(200);
    assertThat(TestServer.json(got).path("run_id").asString()).isEqualTo(runId);
    assertThat(Files.exists(notes)).as("the SQLite file of notes-db").isTrue();
  }

  @Test
  void db_id_resolution_follows_the_contract() {
    HttpResponse<String> unknown = server.get("/memories?db_id=nope");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).isEqualTo("{\"detail\":\"No database found with id 'nope'\"}");
    HttpResponse<String> none = server.get("/memories");
    assertThat(none.statusCode()).isEqualTo(400);
    assertThat(none.body())
        .isEqualTo("{\"detail\":\"The db_id query parameter is required when using multiple databases\"}");
    assertThat(server.get("/sessions?db_id=nope").statusCode()).isEqualTo(404);
    assertThat(server.get("/sessions").statusCode()).as("the sessions route wraps resolution errors").isEqualTo(404);
    assertThat(server.get("/memories?db_id=notes-db&table=notes_memories").statusCode()).isEqualTo(200);
    HttpResponse<String> wrongTable = server.get("/memories?db_id=notes-db&table=agno_memories");
    assertThat(wrongTable.statusCode()).isEqualTo(404);
    assertThat(wrongTable.body())
        .isEqualTo("{\"detail\":\"No database with id 'notes-db' has table 'agno_memories'\"}");
    assertThat(server.get("/metrics?db_id=notes-db").statusCode()).isEqualTo(200);
  }

  @Test
  void memories_are_kept_in_the_database_db_id_names() {
    HttpResponse<String> made = server.postJson("/memories?db_id=notes-db",
        "{\"memory\":\"Likes tea\",\"user_id\":\"u-notes\"}");
    assertThat(made.statusCode()).as(made.body()).isEqualTo(200);
    String id = TestServer.json(made).path("memory_id").asString();
    assertThat(server.get("/memories/" + id + "?db_id=notes-db").statusCode()).isEqualTo(200);
    assertThat(server.get("/memories/" + id + "?db_id=local-db").statusCode()).isEqualTo(404);
  }

  @Test
  void components_and_config_name_their_databases() {
    assertThat(TestServer.json(server.get("/agents/noter")).path("db_id").asString()).isEqualTo("notes-db");
    assertThat(TestServer.json(server.get("/agents/echo")).path("db_id").asString()).isEqualTo("local-db");
    JsonNode config = TestServer.json(server.get("/config"));
    assertThat(config.path("os_database").asString()).isEqualTo("local-db");
    assertThat(config.path("databases").valueStream().map(JsonNode::asString)).containsExactly("local-db", "notes-db");
    assertThat(config.path("agents").valueStream()
        .filter(a -> a.path("id").asString().equals("noter")).findFirst().orElseThrow().path("db_id").asString())
        .isEqualTo("notes-db");
    for (String page : List.of("session", "memory", "metrics")) {
      JsonNode dbs = config.path(page).path("dbs");
      assertThat(dbs.valueStream().map(d -> d.path("db_id").asString())).as(page)
          .containsExactly("local-db", "notes-db");
      String table = Map.of("session", "sessions", "memory", "memories", "metrics", "metrics").get(page);
      assertThat(dbs.get(1).path("tables").valueStream().map(JsonNode::asString)).containsExactly("notes_" + table);
      assertThat(dbs.get(0).path("tables").valueStream().map(JsonNode::asString)).containsExactly("agno_" + table);
      assertThat(dbs.get(1).path("domain_config").path("display_name").asString()).isEqualTo("notes-db");
    }
  }
}
