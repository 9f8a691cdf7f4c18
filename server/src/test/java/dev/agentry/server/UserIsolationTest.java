package dev.agentry.server;

import static dev.agentry.server.RbacTokens.call;
import static dev.agentry.server.RbacTokens.form;
import static dev.agentry.server.RbacTokens.token;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentry.server.http.Routes;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * User isolation ({@code authorization_config.user_isolation}, {@code agentos-api.md} §5.4) with two users: Alice's
 * sessions, runs and memories exist; Bob, holding every scope but the admin one, calls every route of the user data
 * families (walked from the route table, so a new route there fails this test until it is covered) aimed at Alice's
 * data (knowledge uploads too), and never sees, changes, continues, cancels or deletes it. A write names its caller
 * whatever user_id it sends. Knowledge search is not scoped: it reads the knowledge base the agents answer from.
 */
class UserIsolationTest {
  private static TestServer server;
  private static String alice;
  private static String bob;
  private static final Map<String, String> ALICE_RUNS = new LinkedHashMap<>(); // family -> run id
  private static String aliceMemory;
  private static String aliceContent;

  @BeforeAll
  static void start() {
    Map<String, String> files = new java.util.HashMap<>(RbacTokens.specs(true));
    files.put("knowledge.yaml", KnowledgeRoutesTest.KB);
    server = TestServer.startWithKnowledge(files, FakeKnowledge::new);
    Set<String> every = new TreeSet<>();
    Routes.table(server.server().os()).forEach(r -> every.addAll(RbacMatrixTest.granted(r)));
    alice = token("alice", List.copyOf(every));
    bob = token("bob", List.copyOf(every));
    for (String family : List.of("agents/echo", "teams/desk", "workflows/pipeline")) {
      HttpResponse<String> run = form(server, "/" + family + "/runs", alice,
          Map.of("message", "hi", "stream", "false", "session_id", session(family), "user_id", "mallory"));
      assertThat(run.statusCode()).as(run.body()).isEqualTo(200);
      ALICE_RUNS.put(family, TestServer.json(run).path("run_id").asString());
    }
    HttpResponse<String> memory = call(server, "POST", "/memories", alice,
        "{\"memory\":\"Alice likes green tea\",\"user_id\":\"alice\",\"topics\":[\"alice-topic\"]}");
    assertThat(memory.statusCode()).as(memory.body()).isEqualTo(200);
    aliceMemory = TestServer.json(memory).path("memory_id").asString();
    HttpResponse<String> upload = form(server, "/knowledge/content", alice,
        Map.of("text_content", "Alice's notes", "name", "alice-upload", "metadata", "{\"user_id\":\"mallory\"}"));
    assertThat(upload.statusCode()).as(upload.body()).isEqualTo(202);
    aliceContent = TestServer.json(upload).path("id").asString();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** Bob's request to each user data route, aimed at Alice's data: method + table path -> (concrete path, body). */
  private static Map<String, List<String>> bobsRequests() {
    Map<String, List<String>> requests = new LinkedHashMap<>();
    String s = "alice-agents";
    String r = ALICE_RUNS.get("agents/echo");
    requests.put("GET /sessions", List.of("/sessions?user_id=alice", ""));
    requests.put("POST /sessions", List.of("/sessions", "{\"session_id\":\"bob-made\",\"user_id\":\"alice\"}"));
    requests.put("DELETE /sessions", List.of("/sessions?user_id=alice",
        "{\"session_ids\":[\"" + s + "\"],\"session_types\":[\"agent\"]}"));
    requests.put("GET /sessions/{session_id}", List.of("/sessions/" + s + "?user_id=alice", ""));
    requests.put("PATCH /sessions/{session_id}", List.of("/sessions/" + s, "{\"session_name\":\"bob was here\"}"));
    requests.put("DELETE /sessions/{session_id}", List.of("/sessions/" + s + "?user_id=alice", ""));
    requests.put("POST /sessions/{session_id}/rename", List.of("/sessions/" + s + "/rename",
        "{\"session_name\":\"bob was here\"}"));
    requests.put("GET /sessions/{session_id}/runs", List.of("/sessions/" + s + "/runs?user_id=alice", ""));
    requests.put("GET /sessions/{session_id}/runs/{run_id}", List.of("/sessions/" + s + "/runs/" + r, ""));
    requests.put("POST /memories", List.of("/memories", "{\"memory\":\"Bob's note\",\"user_id\":\"alice\"}"));
    requests.put("GET /memories", List.of("/memories?user_id=alice", ""));
    requests.put("DELETE /memories", List.of("/memories", "{\"memory_ids\":[\"" + aliceMemory
        + "\"],\"user_id\":\"alice\"}"));
    requests.put("GET /memories/{memory_id}", List.of("/memories/" + aliceMemory + "?user_id=alice", ""));
    requests.put("PATCH /memories/{memory_id}", List.of("/memories/" + aliceMemory,
        "{\"memory\":\"bob was here\",\"user_id\":\"alice\"}"));
    requests.put("DELETE /memories/{memory_id}", List.of("/memories/" + aliceMemory + "?user_id=alice", ""));
    requests.put("GET /memory_topics", List.of("/memory_topics?user_id=alice", ""));
    requests.put("GET /user_memory_stats", List.of("/user_memory_stats", ""));
    requests.put("POST /optimize-memories", List.of("/optimize-memories",
        "{\"user_id\":\"alice\",\"model\":\"openai:gpt-4o-mini\",\"apply\":true}"));
    String c = aliceContent;
    requests.put("POST /knowledge/remote-content", List.of("/knowledge/remote-content", ""));
    requests.put("GET /knowledge/content", List.of("/knowledge/content?limit=100", ""));
    requests.put("DELETE /knowledge/content", List.of("/knowledge/content", ""));
    requests.put("GET /knowledge/content/{content_id}", List.of("/knowledge/content/" + c, ""));
    requests.put("DELETE /knowledge/content/{content_id}", List.of("/knowledge/content/" + c, ""));
    requests.put("GET /knowledge/content/{content_id}/status", List.of("/knowledge/content/" + c + "/status", ""));
    for (String family : ALICE_RUNS.keySet()) {
      String kind = family.substring(0, family.indexOf('/'));
      String param = "/" + kind + "/{" + kind.substring(0, kind.length() - 1) + "_id}";
      String base = "/" + family + "/runs";
      String run = ALICE_RUNS.get(family);
      String session = session(family);
      requests.put("GET " + param + "/runs", List.of(base + "?session_id=" + session, ""));
      requests.put("GET " + param + "/runs/{run_id}", List.of(base + "/" + run + "?session_id=" + session, ""));
      requests.put("POST " + param + "/runs/{run_id}/cancel", List.of(base + "/" + run + "/cancel?session_id="
          + session, ""));
    }
    return requests;
  }

  /** The user data families of the route table: every route there must be in {@link #bobsRequests} or covered below. */
  @Test
  void every_user_data_route_is_walked() {
    Set<String> covered = new TreeSet<>(bobsRequests().keySet());
    for (String kind : List.of("agents", "teams", "workflows")) {
      String param = "/" + kind + "/{" + kind.substring(0, kind.length() - 1) + "_id}";
      covered.add("POST " + param + "/runs"); // runs_in_another_users_session_are_refused
      covered.add("POST " + param + "/runs/{run_id}/continue"); // continue_and_resume_...
      covered.add("POST " + param + "/runs/{run_id}/resume");
    }
    covered.add("POST /knowledge/content"); // writes_record_the_caller_whatever_user_id_they_send
    covered.add("PATCH /knowledge/content/{content_id}"); // bob_cannot_change_alices_upload
    List<String> missing = new ArrayList<>();
    for (Routes.Route route : Routes.table(server.server().os())) {
      String key = route.method() + " " + route.path();
      boolean userData = route.path().startsWith("/sessions") || route.path().startsWith("/memor")
          || route.path().equals("/user_memory_stats") || route.path().equals("/optimize-memories")
          || route.path().contains("/runs") || route.path().startsWith("/knowledge/content");
      if (userData && !covered.contains(key)) {
        missing.add(key);
      }
    }
    assertThat(missing).as("user data routes this test does not walk").isEmpty();
  }

  @Test
  void bob_never_sees_changes_or_deletes_alices_data() {
    for (Map.Entry<String, List<String>> request : bobsRequests().entrySet()) {
      String method = request.getKey().substring(0, request.getKey().indexOf(' '));
      String body = request.getValue().get(1);
      HttpResponse<String> response = call(server, method, request.getValue().get(0), bob,
          body.isEmpty() ? null : body);
      assertThat(response.statusCode()).as(request.getKey() + ": " + response.body()).isNotIn(401, 403, 500);
      assertThat(response.body()).as(request.getKey())
          .doesNotContain("Alice likes", "alice-topic", "alice-upload", "Alice's notes");
      if (response.statusCode() < 400) { // a 404's detail may repeat the id Bob asked for, nothing more
        assertThat(response.body()).as(request.getKey())
            .doesNotContain("alice-agents", "alice-teams", "alice-workflows").doesNotContain(ALICE_RUNS.values());
      }
      if (request.getKey().endsWith("/status")) { // Agno's answer for an unknown content: failed, not found
        assertThat(TestServer.json(response).path("status_message").asString()).isEqualTo("Content not found");
      } else if (request.getKey().contains("{") && !method.equals("DELETE")) {
        assertThat(response.statusCode()).as(request.getKey() + ": " + response.body()).isIn(400, 404, 422);
      }
    }
    aliceStillHasEverything();
  }

  @Test
  void writes_record_the_caller_whatever_user_id_they_send() {
    HttpResponse<String> session = call(server, "POST", "/sessions", bob,
        "{\"session_id\":\"bob-own\",\"user_id\":\"alice\"}");
    assertThat(TestServer.json(session).path("user_id").asString()).isEqualTo("bob");
    HttpResponse<String> memory = call(server, "POST", "/memories", bob, "{\"memory\":\"Bob's\",\"user_id\":\"alice\"}");
    assertThat(TestServer.json(memory).path("user_id").asString()).isEqualTo("bob");
    HttpResponse<String> run = form(server, "/agents/echo/runs", bob,
        Map.of("message", "hi", "stream", "false", "session_id", "bob-run", "user_id", "alice"));
    assertThat(TestServer.json(run).path("user_id").asString()).isEqualTo("bob");
    HttpResponse<String> upload = form(server, "/knowledge/content", bob,
        Map.of("text_content", "Bob's notes", "metadata", "{\"user_id\":\"alice\"}"));
    assertThat(TestServer.json(upload).path("metadata").path("user_id").asString()).isEqualTo("bob");
    String bobContent = TestServer.json(upload).path("id").asString();
    assertThat(call(server, "GET", "/knowledge/content/" + bobContent, alice, null).statusCode()).isEqualTo(404);
    assertThat(call(server, "GET", "/knowledge/content/" + bobContent, bob, null).statusCode()).isEqualTo(200);
    HttpResponse<String> bobs = call(server, "GET", "/sessions/bob-run", bob, null);
    assertThat(TestServer.json(bobs).path("user_id").asString()).isEqualTo("bob");
    assertThat(call(server, "GET", "/sessions/bob-run", alice, null).statusCode()).isEqualTo(404);
  }

  @Test
  void runs_in_another_users_session_are_refused() {
    for (String family : ALICE_RUNS.keySet()) {
      HttpResponse<String> run = form(server, "/" + family + "/runs", bob,
          Map.of("message", "hi", "stream", "false", "session_id", session(family)));
      assertThat(run.statusCode()).as(family).isEqualTo(404);
      assertThat(TestServer.json(run).path("detail").asString()).isEqualTo("Session not found");
    }
    aliceStillHasEverything();
  }

  @Test
  void cancel_continue_and_resume_need_the_session_and_refuse_another_users_run() {
    for (String family : ALICE_RUNS.keySet()) {
      String run = "/" + family + "/runs/" + ALICE_RUNS.get(family);
      for (String action : List.of("cancel", "continue", "resume")) {
        HttpResponse<String> without = form(server, run + "/" + action, bob, Map.of());
        // cancel takes session_id in the query, continue and resume in the form, as Agno's routes
        String query = action.equals("cancel") ? "?session_id=" + session(family) : "";
        Map<String, String> fields = action.equals("cancel") ? Map.of() : Map.of("session_id", session(family));
        assertThat(without.statusCode()).as(family + " " + action).isEqualTo(400);
        assertThat(TestServer.json(without).path("detail").asString())
            .isEqualTo("session_id is required for this action");
        HttpResponse<String> theirs = form(server, run + "/" + action + query, bob, fields);
        assertThat(theirs.statusCode()).as(family + " " + action + ": " + theirs.body()).isEqualTo(404);
        assertThat(TestServer.json(theirs).path("detail").asString()).isEqualTo("Run not found");
      }
    }
    aliceStillHasEverything();
  }

  @Test
  void bob_cannot_change_alices_upload() {
    HttpResponse<String> patch = form(server, "PATCH", "/knowledge/content/" + aliceContent, bob,
        Map.of("name", "bob was here", "metadata", "{\"user_id\":\"bob\"}"));
    assertThat(patch.statusCode()).as(patch.body()).isEqualTo(404);
    HttpResponse<String> own = form(server, "PATCH", "/knowledge/content/" + aliceContent, alice,
        Map.of("metadata", "{\"user_id\":\"bob\",\"tag\":\"x\"}"));
    assertThat(TestServer.json(own).path("metadata").path("user_id").asString()).as("kept").isEqualTo("alice");
    aliceStillHasEverything();
  }

  @Test
  void the_admin_sees_every_user() {
    String admin = token("root", List.of("agent_os:admin"));
    JsonNode sessions = TestServer.json(call(server, "GET", "/sessions?limit=100", admin, null));
    assertThat(sessions.path("data").toString()).contains("alice-agents");
    assertThat(call(server, "GET", "/memories/" + aliceMemory, admin, null).statusCode()).isEqualTo(200);
  }

  private static void aliceStillHasEverything() {
    for (String family : ALICE_RUNS.keySet()) {
      HttpResponse<String> session = call(server, "GET", "/sessions/" + session(family), alice, null);
      assertThat(session.statusCode()).as(family + " session: " + session.body()).isEqualTo(200);
      JsonNode detail = TestServer.json(session);
      assertThat(detail.path("user_id").asString()).isEqualTo("alice");
      assertThat(detail.path("session_name").asString()).isNotEqualTo("bob was here");
      HttpResponse<String> run = call(server, "GET", "/" + family + "/runs/" + ALICE_RUNS.get(family)
          + "?session_id=" + session(family), alice, null);
      assertThat(run.statusCode()).as(family + " run: " + run.body()).isEqualTo(200);
      assertThat(TestServer.json(run).path("status").asString()).isEqualTo("COMPLETED");
    }
    HttpResponse<String> memory = call(server, "GET", "/memories/" + aliceMemory, alice, null);
    assertThat(memory.statusCode()).isEqualTo(200);
    assertThat(TestServer.json(memory).path("memory").asString()).isEqualTo("Alice likes green tea");
    assertThat(TestServer.json(memory).path("user_id").asString()).isEqualTo("alice");
    HttpResponse<String> content = call(server, "GET", "/knowledge/content/" + aliceContent, alice, null);
    assertThat(content.statusCode()).as(content.body()).isEqualTo(200);
    assertThat(TestServer.json(content).path("name").asString()).isEqualTo("alice-upload");
    assertThat(TestServer.json(content).path("metadata").path("user_id").asString()).isEqualTo("alice");
    assertThat(call(server, "GET", "/knowledge/content?limit=100", alice, null).body()).contains(aliceContent);
  }

  private static String session(String family) {
    return "alice-" + family.substring(0, family.indexOf('/'));
  }
}
