package dev.agentry.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The session routes ({@code agentos-api.md} §2.6) and what Agent UI needs of them, spoken to over HTTP only. */
class SessionRoutesTest {
  static TestServer server;
  static String dbId;

  @BeforeAll
  static void start() {
    server = TestServer.start(TestServer.SPECS);
    dbId = TestServer.json(server.get("/agents")).get(0).path("db_id").asString();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static JsonNode run(String sessionId, String message, String userId) {
    HttpResponse<String> response = server.postForm("/agents/echo/runs",
        Map.of("message", message, "stream", "false", "session_id", sessionId, "user_id", userId));
    assertThat(response.statusCode()).isEqualTo(200);
    return TestServer.json(response);
  }

  private static HttpResponse<String> create(String json) {
    return server.postJson("/sessions", json);
  }

  @Test
  void runs_of_a_session_are_a_bare_array_of_the_runs_made_oldest_first() {
    JsonNode first = run("runs-1", "hi", "runs-user");
    JsonNode second = run("runs-1", "please add", "runs-user");

    HttpResponse<String> response = server.get("/sessions/runs-1/runs?type=agent&db_id=" + dbId);

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode runs = TestServer.json(response);
    assertThat(runs.isArray()).isTrue();
    assertThat(runs).hasSize(2);
    assertThat(runs.get(0).path("run_id").asString()).isEqualTo(first.path("run_id").asString());
    assertThat(runs.get(0).path("run_input").asString()).isEqualTo("hi");
    assertThat(runs.get(0).path("content").asString()).isEqualTo("Hello from the echo agent.");
    assertThat(runs.get(0).path("run_response_format").asString()).isEqualTo("text");
    assertThat(runs.get(0).path("created_at").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    assertThat(runs.get(1).path("run_id").asString()).isEqualTo(second.path("run_id").asString());
    assertThat(runs.get(1).path("run_input").asString()).isEqualTo("please add");
    assertThat(runs.get(1).path("content").asString()).startsWith("The sum is");
  }

  @Test
  void runs_can_be_filtered_by_creation_time_in_epoch_seconds() {
    JsonNode made = run("runs-time", "hi", "time-user");
    long createdAt = made.path("created_at").asLong();

    assertThat(TestServer.json(server.get("/sessions/runs-time/runs?created_after=" + createdAt))).hasSize(1);
    assertThat(TestServer.json(server.get("/sessions/runs-time/runs?created_after=" + (createdAt + 1)))).isEmpty();
    assertThat(TestServer.json(server.get("/sessions/runs-time/runs?created_before=" + (createdAt - 1)))).isEmpty();
    HttpResponse<String> bad = server.get("/sessions/runs-time/runs?created_after=yesterday");
    assertThat(bad.statusCode()).isEqualTo(422);
    assertThat(TestServer.json(bad).path("detail").get(0).path("type").asString()).isEqualTo("int_parsing");
  }

  @Test
  void runs_of_a_session_not_stored_yet_are_a_404_that_agent_ui_ignores() {
    HttpResponse<String> response = server.get("/sessions/not-yet/runs?type=agent&db_id=" + dbId);
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).isEqualTo("{\"detail\":\"Session with ID not-yet not found\"}");
  }

  @Test
  void one_run_of_a_session_or_the_contracts_404s() {
    String runId = run("one-run", "hi", "one-user").path("run_id").asString();
    create("{\"session_id\":\"no-runs\"}");

    JsonNode found = TestServer.json(server.get("/sessions/one-run/runs/" + runId));
    assertThat(found.path("run_id").asString()).isEqualTo(runId);
    assertThat(found.path("run_input").asString()).isEqualTo("hi");
    assertThat(server.get("/sessions/one-run/runs/nope").body())
        .isEqualTo("{\"detail\":\"Run with ID nope not found in session one-run\"}");
    assertThat(server.get("/sessions/no-runs/runs/" + runId).body())
        .isEqualTo("{\"detail\":\"Session with ID no-runs has no runs\"}");
    assertThat(server.get("/sessions/ghost/runs/" + runId).statusCode()).isEqualTo(404);
  }

  @Test
  void listing_filters_by_type_component_user_and_partial_name() {
    run("list-a", "hello there", "list-user");
    create("{\"session_id\":\"list-b\",\"session_name\":\"Trip to Paris\",\"user_id\":\"list-user\","
        + "\"agent_id\":\"echo\"}");
    server.postJson("/sessions?type=team", "{\"session_id\":\"list-c\",\"user_id\":\"list-user\",\"team_id\":\"t1\"}");

    assertThat(ids("/sessions?user_id=list-user")).containsExactlyInAnyOrder("list-a", "list-b", "list-c");
    assertThat(ids("/sessions?user_id=list-user&type=agent&component_id=echo&db_id=" + dbId))
        .containsExactlyInAnyOrder("list-a", "list-b");
    assertThat(ids("/sessions?user_id=list-user&type=team")).containsExactly("list-c");
    assertThat(ids("/sessions?user_id=list-user&session_name=paris")).containsExactly("list-b");
    assertThat(ids("/sessions?user_id=nobody")).isEmpty();

    JsonNode item = item("/sessions?user_id=list-user&type=agent", "list-a");
    assertThat(item.path("session_name").asString()).isEqualTo("hello there");
    assertThat(item.path("session_type").asString()).isEqualTo("agent");
    assertThat(item.path("agent_id").asString()).isEqualTo("echo");
    assertThat(item.path("created_at").asString()).endsWith("Z");
    assertThat(item("/sessions?user_id=list-user&type=team", "list-c").path("team_id").asString()).isEqualTo("t1");
  }

  @Test
  void listing_pages_and_sorts() {
    for (String id : List.of("page-1", "page-2", "page-3", "page-4", "page-5")) {
      create("{\"session_id\":\"" + id + "\",\"user_id\":\"page-user\"}");
    }
    JsonNode second = TestServer.json(server.get(
        "/sessions?user_id=page-user&limit=2&page=2&sort_by=session_id&sort_order=asc"));
    assertThat(second.path("data")).extracting(n -> n.path("session_id").asString())
        .containsExactly("page-3", "page-4");
    JsonNode meta = second.path("meta");
    assertThat(meta.path("page").asInt()).isEqualTo(2);
    assertThat(meta.path("limit").asInt()).isEqualTo(2);
    assertThat(meta.path("total_count").asInt()).isEqualTo(5);
    assertThat(meta.path("total_pages").asInt()).isEqualTo(3);
    assertThat(meta.has("search_time_ms")).isTrue();
    assertThat(ids("/sessions?user_id=page-user&sort_by=session_id&limit=3"))
        .containsExactly("page-5", "page-4", "page-3");
  }

  @Test
  void bad_listing_parameters_are_422s_and_an_unknown_database_a_404() {
    assertThat(detailType("/sessions?limit=ten")).isEqualTo("int_parsing");
    assertThat(detailType("/sessions?limit=0")).isEqualTo("greater_than_equal");
    assertThat(detailType("/sessions?page=-1")).isEqualTo("greater_than_equal");
    assertThat(detailType("/sessions?sort_order=up")).isEqualTo("enum");
    assertThat(detailType("/sessions?type=robot")).isEqualTo("enum");
    assertThat(server.get("/sessions?sort_by=colour").statusCode()).isEqualTo(400);
    HttpResponse<String> unknown = server.get("/sessions?db_id=other");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).isEqualTo("{\"detail\":\"No database found with id 'other'\"}");
  }

  @Test
  void create_returns_201_with_the_detail_and_a_duplicate_is_a_409() {
    HttpResponse<String> created = create("{\"session_id\":\"new-1\",\"session_name\":\"First\",\"agent_id\":\"echo\","
        + "\"user_id\":\"u1\",\"session_state\":{\"cart\":[\"apple\"]},\"metadata\":{\"k\":\"v\"}}");
    assertThat(created.statusCode()).isEqualTo(201);
    JsonNode detail = TestServer.json(created);
    assertThat(detail.path("agent_session_id").asString()).isEqualTo("new-1");
    assertThat(detail.path("session_name").asString()).isEqualTo("First");
    assertThat(detail.path("session_state").path("cart").get(0).asString()).isEqualTo("apple");
    assertThat(detail.path("metadata").path("k").asString()).isEqualTo("v");
    assertThat(detail.path("agent_data").path("name").asString()).isEqualTo("Echo");

    HttpResponse<String> again = create("{\"session_id\":\"new-1\"}");
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(again.body()).isEqualTo("{\"detail\":\"Session with id 'new-1' already exists. "
        + "Use PATCH /sessions/new-1 to update it.\"}");

    HttpResponse<String> bare = server.send("POST", "/sessions",
        java.net.http.HttpRequest.BodyPublishers.noBody(), null);
    assertThat(bare.statusCode()).isEqualTo(201);
    assertThat(TestServer.json(bare).path("session_id").asString()).hasSize(36);
    assertThat(TestServer.json(bare).path("session_name").asString()).isEmpty();
    assertThat(create("{not json").statusCode()).isEqualTo(422);
  }

  @Test
  void get_returns_the_detail_with_chat_history_or_the_contracts_404() {
    run("detail-1", "hi", "detail-user");
    run("detail-1", "please add", "detail-user");
    JsonNode detail = TestServer.json(server.get("/sessions/detail-1"));
    assertThat(detail.path("session_id").asString()).isEqualTo("detail-1");
    assertThat(detail.path("agent_id").asString()).isEqualTo("echo");
    assertThat(detail.path("user_id").asString()).isEqualTo("detail-user");
    assertThat(detail.path("session_name").asString()).isEqualTo("hi");
    assertThat(detail.path("chat_history")).extracting(m -> m.path("role").asString())
        .contains("user", "assistant");
    assertThat(detail.path("chat_history")).filteredOn(m -> m.path("role").asString().equals("user"))
        .extracting(m -> m.path("content").asString()).containsExactly("hi", "please add");
    assertThat(detail.path("chat_history")).filteredOn(m -> m.path("role").asString().equals("assistant"))
        .anySatisfy(m -> assertThat(m.path("tool_calls").path(0).path("function").path("name").asString())
            .isEqualTo("add"));

    assertThat(server.get("/sessions/ghost").body()).isEqualTo("{\"detail\":\"Session with id 'ghost' not found\"}");
    assertThat(server.get("/sessions/detail-1?type=team").body())
        .isEqualTo("{\"detail\":\"Team Session with id 'detail-1' not found\"}");
    assertThat(server.get("/sessions/detail-1?user_id=someone-else").statusCode()).isEqualTo(404);
  }

  @Test
  void patch_changes_only_the_given_fields_and_keeps_the_runs() {
    run("patch-1", "hi", "patch-user");
    HttpResponse<String> patched = server.patchJson("/sessions/patch-1",
        "{\"session_state\":{\"step\":2},\"metadata\":{\"tag\":\"x\"},\"summary\":{\"summary\":\"greeting\"}}");
    assertThat(patched.statusCode()).isEqualTo(200);

    JsonNode detail = TestServer.json(server.get("/sessions/patch-1"));
    assertThat(detail.path("session_state").path("step").asInt()).isEqualTo(2);
    assertThat(detail.path("metadata").path("tag").asString()).isEqualTo("x");
    assertThat(detail.path("session_summary").path("summary").asString()).isEqualTo("greeting");
    assertThat(detail.path("session_name").asString()).isEqualTo("hi");
    assertThat(TestServer.json(server.get("/sessions/patch-1/runs"))).hasSize(1);

    assertThat(server.patchJson("/sessions/ghost", "{\"session_name\":\"x\"}").body())
        .isEqualTo("{\"detail\":\"Session with id 'ghost' not found\"}");
    assertThat(server.patchJson("/sessions/patch-1", "[1,2").statusCode()).isEqualTo(422);
  }

  @Test
  void rename_and_state_updates_made_at_once_are_all_kept() throws Exception {
    create("{\"session_id\":\"race-1\",\"user_id\":\"race-user\"}");
    List<Future<HttpResponse<String>>> replies = new ArrayList<>();
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      replies.add(pool.submit(() -> server.postJson("/sessions/race-1/rename", "{\"session_name\":\"Renamed\"}")));
      replies.add(pool.submit(() -> server.patchJson("/sessions/race-1", "{\"session_state\":{\"n\":1}}")));
      replies.add(pool.submit(() -> server.patchJson("/sessions/race-1", "{\"metadata\":{\"m\":true}}")));
    }
    for (Future<HttpResponse<String>> reply : replies) {
      assertThat(reply.get().statusCode()).isEqualTo(200);
    }
    JsonNode detail = TestServer.json(server.get("/sessions/race-1"));
    assertThat(detail.path("session_name").asString()).isEqualTo("Renamed");
    assertThat(detail.path("session_state").path("n").asInt()).isEqualTo(1);
    assertThat(detail.path("metadata").path("m").asBoolean()).isTrue();
    assertThat(item("/sessions?user_id=race-user", "race-1").path("session_name").asString()).isEqualTo("Renamed");

    HttpResponse<String> missing = server.postJson("/sessions/race-1/rename", "{}");
    assertThat(missing.statusCode()).isEqualTo(422);
    assertThat(TestServer.json(missing).path("detail").get(0).path("loc").toString())
        .isEqualTo("[\"body\",\"session_name\"]");
    assertThat(server.postJson("/sessions/ghost/rename", "{\"session_name\":\"x\"}").statusCode()).isEqualTo(404);
  }

  @Test
  void delete_one_is_a_204_and_the_session_and_its_runs_are_gone() {
    run("del-1", "hi", "del-user");
    HttpResponse<String> deleted = server.delete("/sessions/del-1?db_id=" + dbId);
    assertThat(deleted.statusCode()).isEqualTo(204);
    assertThat(deleted.body()).isEmpty();
    assertThat(server.get("/sessions/del-1").statusCode()).isEqualTo(404);
    assertThat(server.get("/sessions/del-1/runs").statusCode()).isEqualTo(404);
    assertThat(server.delete("/sessions/never-was").statusCode()).isEqualTo(204);
  }

  @Test
  void delete_many_needs_as_many_types_as_ids() {
    create("{\"session_id\":\"many-1\"}");
    create("{\"session_id\":\"many-2\"}");

    HttpResponse<String> uneven = server.delete("/sessions",
        "{\"session_ids\":[\"many-1\",\"many-2\"],\"session_types\":[\"agent\"]}");
    assertThat(uneven.statusCode()).isEqualTo(400);
    assertThat(uneven.body()).isEqualTo("{\"detail\":\"Session IDs and session types must have the same length\"}");
    assertThat(server.get("/sessions/many-1").statusCode()).isEqualTo(200);

    HttpResponse<String> deleted = server.delete("/sessions",
        "{\"session_ids\":[\"many-1\",\"many-2\"],\"session_types\":[\"agent\",\"agent\"]}");
    assertThat(deleted.statusCode()).isEqualTo(204);
    assertThat(server.get("/sessions/many-1").statusCode()).isEqualTo(404);
    assertThat(server.get("/sessions/many-2").statusCode()).isEqualTo(404);
    assertThat(server.delete("/sessions", "{\"session_ids\":[\"x\"],\"session_types\":[\"robot\"]}").statusCode())
        .isEqualTo(422);
    assertThat(server.delete("/sessions").statusCode()).isEqualTo(422);
  }

  private static List<String> ids(String path) {
    HttpResponse<String> response = server.get(path);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    TestServer.json(response).path("data").forEach(n -> ids.add(n.path("session_id").asString()));
    return ids;
  }

  private static JsonNode item(String path, String sessionId) {
    for (JsonNode n : TestServer.json(server.get(path)).path("data")) {
      if (n.path("session_id").asString().equals(sessionId)) {
        return n;
      }
    }
    throw new AssertionError(sessionId + " not listed by " + path);
  }

  private static String detailType(String path) {
    HttpResponse<String> response = server.get(path);
    assertThat(response.statusCode()).as(path).isEqualTo(422);
    return TestServer.json(response).path("detail").get(0).path("type").asString();
  }
}
