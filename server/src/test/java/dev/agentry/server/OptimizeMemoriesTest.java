package dev.agentry.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /optimize-memories} ({@code agentos-api.md} §2.7) over HTTP: a user's memories merged into one by a
 * scripted model, previewed or applied, and its errors.
 */
class OptimizeMemoriesTest {
  static TestServer server;

  @BeforeAll
  static void start() {
    Map<String, String> files = new HashMap<>(TestServer.SPECS);
    files.put("coach.yaml", """
        apiVersion: agentry.dev/v1
        kind: Agent
        metadata: {name: coach}
        spec:
          model: echo-model
          enable_user_memories: true
          memory_manager: {model: summarizer}
        ---
        apiVersion: agentry.dev/v1
        kind: Model
        metadata: {name: summarizer}
        spec:
          provider: scripted
          script:
            fallback: "User likes tea."
        """);
    server = TestServer.start(files);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static void create(String memory, String userId, String topics) {
    HttpResponse<String> response = server.postJson("/memories",
        "{\"memory\":\"" + memory + "\",\"user_id\":\"" + userId + "\",\"topics\":[" + topics + "]}");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }

  private static JsonNode memories(String userId) {
    return TestServer.json(server.get("/memories?user_id=" + userId)).path("data");
  }

  @Test
  void applied_the_users_memories_become_one_written_by_the_memory_managers_model() {
    create("User likes green tea", "opt-ada", "\"drinks\"");
    create("User likes tea in the morning", "opt-ada", "\"drinks\",\"habits\"");
    create("User lives in Oslo", "opt-bob", "\"places\"");

    HttpResponse<String> response = server.postJson("/optimize-memories", "{\"user_id\":\"opt-ada\"}");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode body = TestServer.json(response);
    assertThat(body.propertyNames()).containsExactly("memories", "memories_before", "memories_after",
        "tokens_before", "tokens_after", "tokens_saved", "reduction_percentage");
    JsonNode merged = body.path("memories").get(0);
    assertThat(body.path("memories")).hasSize(1);
    assertThat(merged.propertyNames()).containsExactly("memory_id", "memory", "topics", "agent_id", "team_id",
        "user_id", "updated_at");
    assertThat(merged.path("memory").asString()).isEqualTo("User likes tea.");
    assertThat(merged.path("topics")).extracting(JsonNode::asString).containsExactlyInAnyOrder("drinks", "habits");
    assertThat(merged.path("user_id").asString()).isEqualTo("opt-ada");
    assertThat(body.path("memories_before").asInt()).isEqualTo(2);
    assertThat(body.path("memories_after").asInt()).isEqualTo(1);
    long before = (("User likes green tea".length() + 3) / 4) + (("User likes tea in the morning".length() + 3) / 4);
    long after = ("User likes tea.".length() + 3) / 4;
    assertThat(body.path("tokens_before").asLong()).isEqualTo(before);
    assertThat(body.path("tokens_after").asLong()).isEqualTo(after);
    assertThat(body.path("tokens_saved").asLong()).isEqualTo(before - after);
    assertThat(body.path("reduction_percentage").asDouble()).isEqualTo((before - after) * 100.0 / before);

    assertThat(memories("opt-ada")).singleElement().satisfies(m -> {
      assertThat(m.path("memory_id").asString()).isEqualTo(merged.path("memory_id").asString());
      assertThat(m.path("memory").asString()).isEqualTo("User likes tea.");
    });
    assertThat(memories("opt-bob")).singleElement()
        .satisfies(m -> assertThat(m.path("memory").asString()).isEqualTo("User lives in Oslo"));
  }

  @Test
  void apply_false_previews_with_the_named_model_and_changes_nothing() {
    create("User plays chess", "opt-cy", "");
    create("User plays go", "opt-cy", "");

    HttpResponse<String> response = server.postJson("/optimize-memories",
        "{\"user_id\":\"opt-cy\",\"model\":\"scripted:any\",\"apply\":false}");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(TestServer.json(response).path("memories").get(0).path("memory").asString())
        .isEqualTo("(scripted model) No scripted reply matched.");
    assertThat(memories("opt-cy")).hasSize(2);
  }

  @Test
  void a_bad_model_string_is_a_400_and_a_user_without_memories_a_404() {
    create("User sings", "opt-dee", "");

    HttpResponse<String> noColon = server.postJson("/optimize-memories", "{\"user_id\":\"opt-dee\",\"model\":\"gpt\"}");
    assertThat(noColon.statusCode()).isEqualTo(400);
    assertThat(TestServer.json(noColon).path("detail").asString()).contains("'provider:model_id'");
    HttpResponse<String> unknown = server.postJson("/optimize-memories",
        "{\"user_id\":\"opt-dee\",\"model\":\"nosuch:model\"}");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(TestServer.json(unknown).path("detail").asString()).contains("nosuch");

    HttpResponse<String> none = server.postJson("/optimize-memories", "{\"user_id\":\"nobody\"}");
    assertThat(none.statusCode()).isEqualTo(404);
    assertThat(none.body()).isEqualTo("{\"detail\":\"No memories found for user nobody\"}");
    assertThat(server.postJson("/optimize-memories", "{}").statusCode()).isEqualTo(422);
    assertThat(memories("opt-dee")).hasSize(1);
  }
}
