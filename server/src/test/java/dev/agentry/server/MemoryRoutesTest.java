package dev.agentry.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The memory routes ({@code agentos-api.md} §2.7), spoken to over HTTP only. */
class MemoryRoutesTest {
  static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start(TestServer.SPECS);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static JsonNode create(String memory, String userId, String topics) {
    HttpResponse<String> response = server.postJson("/memories",
        "{\"memory\":\"" + memory + "\",\"user_id\":\"" + userId + "\",\"topics\":[" + topics + "]}");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return TestServer.json(response);
  }

  @Test
  void create_returns_the_memory_with_explicit_nulls_and_get_reads_it_back() {
    JsonNode made = create("Likes green tea", "create-user", "\"food\",\"drinks\"");
    assertThat(made.path("memory").asString()).isEqualTo("Likes green tea");
    assertThat(made.path("topics")).extracting(JsonNode::asString).containsExactly("food", "drinks");
    assertThat(made.path("user_id").asString()).isEqualTo("create-user");
    assertThat(made.has("agent_id")).isTrue();
    assertThat(made.path("agent_id").isNull()).isTrue();
    assertThat(made.path("updated_at").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");

    String id = made.path("memory_id").asString();
    assertThat(TestServer.json(server.get("/memories/" + id))).isEqualTo(made);
    assertThat(server.get("/memories/" + id + "?user_id=someone-else").statusCode()).isEqualTo(404);
    assertThat(server.get("/memories/nope").body()).isEqualTo("{\"detail\":\"Memory with ID nope not found\"}");
  }

  @Test
  void create_without_a_user_is_a_400_and_without_a_memory_a_422() {
    HttpResponse<String> noUser = server.postJson("/memories", "{\"memory\":\"x\"}");
    assertThat(noUser.statusCode()).isEqualTo(400);
    assertThat(noUser.body()).isEqualTo("{\"detail\":\"User ID is required\"}");
    HttpResponse<String> noMemory = server.postJson("/memories", "{\"user_id\":\"u\"}");
    assertThat(noMemory.statusCode()).isEqualTo(422);
    assertThat(TestServer.json(noMemory).path("detail").get(0).path("loc").toString())
        .isEqualTo("[\"body\",\"memory\"]");
    assertThat(server.postJson("/memories", "{\"memory\":").statusCode()).isEqualTo(422);
  }

  @Test
  void list_filters_by_user_topics_and_content_and_pages() {
    create("Lives in Lisbon", "list-user", "\"places\"");
    create("Works as a baker", "list-user", "\"work\"");
    create("Bakes sourdough on weekends", "list-user", "\"food\",\"hobbies\"");
    create("Lives in Oslo", "other-user", "\"places\"");

    assertThat(memories("/memories?user_id=list-user")).hasSize(3);
    assertThat(memories("/memories?user_id=list-user&topics=places")).containsExactly("Lives in Lisbon");
    assertThat(memories("/memories?user_id=list-user&topics=work,hobbies"))
        .containsExactlyInAnyOrder("Works as a baker", "Bakes sourdough on weekends");
    assertThat(memories("/memories?topics=places")).containsExactlyInAnyOrder("Lives in Lisbon", "Lives in Oslo");
    assertThat(memories("/memories?user_id=list-user&search_content=BAKE"))
        .containsExactlyInAnyOrder("Works as a baker", "Bakes sourdough on weekends");
    assertThat(memories("/memories?user_id=list-user&sort_by=memory&sort_order=asc"))
        .containsExactly("Bakes sourdough on weekends", "Lives in Lisbon", "Works as a baker");

    JsonNode page = TestServer.json(server.get("/memories?user_id=list-user&limit=2&page=2&sort_by=memory"
        + "&sort_order=desc"));
    assertThat(page.path("data")).extracting(n -> n.path("memory").asString())
        .containsExactly("Bakes sourdough on weekends");
    assertThat(page.path("meta").path("total_count").asInt()).isEqualTo(3);
    assertThat(page.path("meta").path("total_pages").asInt()).isEqualTo(2);
    assertThat(page.path("meta").path("page").asInt()).isEqualTo(2);

    assertThat(server.get("/memories?limit=many").statusCode()).isEqualTo(422);
    assertThat(server.get("/memories?sort_order=sideways").statusCode()).isEqualTo(422);
    assertThat(server.get("/memories?sort_by=colour").statusCode()).isEqualTo(400);
    assertThat(server.get("/memories?db_id=other").statusCode()).isEqualTo(404);
  }

  @Test
  void update_replaces_text_topics_and_user_or_is_the_contracts_error() {
    String id = create("Has a cat", "update-user", "\"pets\"").path("memory_id").asString();

    HttpResponse<String> updated = server.patchJson("/memories/" + id,
        "{\"memory\":\"Has two cats\",\"user_id\":\"update-user\",\"topics\":[\"pets\",\"family\"]}");
    assertThat(updated.statusCode()).isEqualTo(200);
    JsonNode read = TestServer.json(server.get("/memories/" + id));
    assertThat(read.path("memory").asString()).isEqualTo("Has two cats");
    assertThat(read.path("topics")).extracting(JsonNode::asString).containsExactly("pets", "family");

    assertThat(server.patchJson("/memories/" + id, "{\"memory\":\"x\"}").body())
        .isEqualTo("{\"detail\":\"User ID is required\"}");
    HttpResponse<String> missing = server.patchJson("/memories/nope", "{\"memory\":\"x\",\"user_id\":\"u\"}");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body()).isEqualTo("{\"detail\":\"Memory not found\"}");
  }

  @Test
  void delete_one_and_many_are_204s_and_an_empty_list_is_a_422() {
    String one = create("Plays chess", "delete-user", "").path("memory_id").asString();
    String two = create("Plays go", "delete-user", "").path("memory_id").asString();
    String three = create("Plays piano", "delete-user", "").path("memory_id").asString();

    assertThat(server.delete("/memories/" + one).statusCode()).isEqualTo(204);
    assertThat(server.get("/memories/" + one).statusCode()).isEqualTo(404);
    assertThat(server.delete("/memories/" + one).statusCode()).isEqualTo(204);

    HttpResponse<String> many = server.delete("/memories", "{\"memory_ids\":[\"" + two + "\",\"" + three + "\"]}");
    assertThat(many.statusCode()).isEqualTo(204);
    assertThat(memories("/memories?user_id=delete-user")).isEmpty();

    HttpResponse<String> empty = server.delete("/memories", "{\"memory_ids\":[]}");
    assertThat(empty.statusCode()).isEqualTo(422);
    assertThat(TestServer.json(empty).path("detail").get(0).path("type").asString()).isEqualTo("too_short");
    assertThat(server.delete("/memories", "{}").statusCode()).isEqualTo(422);
  }

  @Test
  void topics_are_sorted_without_repeats_and_stats_count_per_user() {
    create("Runs marathons", "stats-user", "\"sport\",\"health\"");
    create("Swims", "stats-user", "\"sport\"");
    create("Reads", "stats-other", "\"books\"");

    assertThat(TestServer.json(server.get("/memory_topics?user_id=stats-user")))
        .extracting(JsonNode::asString).containsExactly("health", "sport");

    JsonNode stats = TestServer.json(server.get("/user_memory_stats?user_id=stats-user"));
    assertThat(stats.path("data")).hasSize(1);
    assertThat(stats.path("data").get(0).path("user_id").asString()).isEqualTo("stats-user");
    assertThat(stats.path("data").get(0).path("total_memories").asInt()).isEqualTo(2);
    assertThat(stats.path("data").get(0).path("last_memory_updated_at").asString()).endsWith("Z");
    JsonNode all = TestServer.json(server.get("/user_memory_stats?limit=1"));
    assertThat(all.path("data")).hasSize(1);
    assertThat(all.path("meta").path("total_count").asInt()).isGreaterThanOrEqualTo(2);
    assertThat(server.get("/user_memory_stats?limit=0").statusCode()).isEqualTo(422);
  }

  private static List<String> memories(String path) {
    HttpResponse<String> response = server.get(path);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    List<String> texts = new ArrayList<>();
    TestServer.json(response).path("data").forEach(n -> texts.add(n.path("memory").asString()));
    return texts;
  }
}
