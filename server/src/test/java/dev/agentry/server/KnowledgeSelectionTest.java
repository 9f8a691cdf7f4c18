package dev.agentry.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Which Knowledge a knowledge route acts on, with none, one or two served ({@code agentos-api.md} §2.9, Agno's
 * {@code get_knowledge_instance}): the statuses and messages Agno answers, and the AgentOS {@code knowledge} list.
 */
class KnowledgeSelectionTest {
  private static String knowledge(String name, String db) {
    return """
        apiVersion: agentry.dev/v1
        kind: Knowledge
        metadata: {name: %s}
        spec:
          description: Knowledge %s.
          contents_db: %s
        """.formatted(name, name, db);
  }

  private static TestServer serve(Map<String, String> extra) {
    Map<String, String> files = new HashMap<>(TestServer.SPECS);
    files.putAll(extra);
    return TestServer.startWithKnowledge(files, FakeKnowledge::new);
  }

  private static String detail(HttpResponse<String> response) {
    return TestServer.json(response).path("detail").asString();
  }

  @Test
  void with_none_served_every_route_asks_for_an_id_and_lists_none() {
    try (TestServer server = serve(Map.of())) {
      HttpResponse<String> list = server.get("/knowledge/content");
      assertThat(list.statusCode()).isEqualTo(400);
      assertThat(detail(list)).isEqualTo("db_id or knowledge_id query parameter is required when using multiple "
          + "knowledge bases. Available IDs: []");
      HttpResponse<String> named = server.get("/knowledge/config?knowledge_id=kb");
      assertThat(named.statusCode()).isEqualTo(404);
      assertThat(detail(named)).isEqualTo("Knowledge base 'kb' not found");
      HttpResponse<String> db = server.postJson("/knowledge/search", "{\"query\": \"x\", \"db_id\": \"local-db\"}");
      assertThat(db.statusCode()).isEqualTo(404);
      assertThat(detail(db)).isEqualTo("Knowledge instance with db_id 'local-db' not found");
      JsonNode page = TestServer.json(server.get("/config")).path("knowledge");
      assertThat(page.path("knowledge_instances").size()).isZero();
      assertThat(page.path("dbs").size()).as("no database holds knowledge").isZero();
    }
  }

  @Test
  void with_one_served_it_is_used_unless_another_is_named() {
    try (TestServer server = serve(Map.of("kb.yaml", knowledge("alpha", "local-db")))) {
      assertThat(server.get("/knowledge/content").statusCode()).isEqualTo(200);
      assertThat(server.get("/knowledge/content?knowledge_id=alpha").statusCode()).isEqualTo(200);
      assertThat(server.get("/knowledge/content?db_id=local-db").statusCode()).isEqualTo(200);
      HttpResponse<String> other = server.get("/knowledge/content?db_id=elsewhere");
      assertThat(other.statusCode()).isEqualTo(404);
      assertThat(detail(other)).isEqualTo("Knowledge instance with db_id 'elsewhere' not found");
      HttpResponse<String> unknown = server.get("/knowledge/content/x/status?knowledge_id=beta");
      assertThat(unknown.statusCode()).isEqualTo(404);
      assertThat(detail(unknown)).isEqualTo("Knowledge base 'beta' not found");
    }
  }

  @Test
  void with_two_in_one_database_the_id_chooses() {
    try (TestServer server = serve(Map.of("kb.yaml", knowledge("alpha", "local-db") + "---\n"
        + knowledge("beta", "local-db")))) {
      HttpResponse<String> none = server.get("/knowledge/content");
      assertThat(none.statusCode()).isEqualTo(400);
      assertThat(detail(none)).isEqualTo("db_id or knowledge_id query parameter is required when using multiple "
          + "knowledge bases. Available IDs: ['alpha', 'beta']");
      HttpResponse<String> db = server.get("/knowledge/content?db_id=local-db");
      assertThat(db.statusCode()).isEqualTo(400);
      assertThat(detail(db)).isEqualTo("Multiple knowledge instances found for db_id 'local-db'. Please specify "
          + "knowledge_id parameter. Available IDs: ['alpha', 'beta']");

      HttpResponse<String> added = server.postForm("/knowledge/content?knowledge_id=beta",
          Map.of("text_content", "only in beta"));
      assertThat(added.statusCode()).isEqualTo(202);
      assertThat(TestServer.json(added).path("linked_to").asString()).isEqualTo("beta");
      JsonNode beta = TestServer.json(server.get("/knowledge/content?knowledge_id=beta&db_id=local-db"));
      assertThat(beta.path("meta").path("total_count").asInt()).isEqualTo(1);
      JsonNode alpha = TestServer.json(server.get("/knowledge/content?knowledge_id=alpha"));
      assertThat(alpha.path("meta").path("total_count").asInt()).isZero();

      JsonNode page = TestServer.json(server.get("/config")).path("knowledge");
      assertThat(page.path("knowledge_instances").valueStream().map(k -> k.path("id").asString()))
          .containsExactly("alpha", "beta");
      assertThat(page.path("dbs").size()).as("one entry per database").isEqualTo(1);
    }
  }

  @Test
  void a_knowledge_that_could_not_be_opened_is_a_503_saying_why_and_the_others_still_answer() {
    Map<String, String> files = new HashMap<>(TestServer.SPECS);
    files.put("kb.yaml", knowledge("alpha", "local-db") + "---\n" + knowledge("broken", "local-db"));
    try (TestServer server = TestServer.startWithKnowledge(files, def -> {
      if (def.id().equals("broken")) {
        throw new dev.agentry.engine.knowledge.KnowledgeException("the index folder is locked");
      }
      return new FakeKnowledge(def);
    })) {
      HttpResponse<String> broken = server.get("/knowledge/content?knowledge_id=broken");
      assertThat(broken.statusCode()).isEqualTo(503);
      assertThat(detail(broken)).isEqualTo("Knowledge 'broken' is not available: the index folder is locked");
      assertThat(server.get("/knowledge/content?knowledge_id=alpha").statusCode()).isEqualTo(200);
      HttpResponse<String> none = server.get("/knowledge/content");
      assertThat(detail(none)).as("a declared Knowledge is listed even when it failed").endsWith("['alpha', 'broken']");
    }
  }

  @Test
  void the_agentos_knowledge_list_says_which_are_served() {
    String os = TestServer.SPECS.get("os.yaml").replace("db: local-db", "db: local-db\n  knowledge: [beta]");
    try (TestServer server = serve(Map.of("os.yaml", os, "kb.yaml", knowledge("alpha", "local-db") + "---\n"
        + knowledge("beta", "local-db")))) {
      HttpResponse<String> added = server.postForm("/knowledge/content", Map.of("text_content", "x"));
      assertThat(added.statusCode()).as("the only one served needs no id").isEqualTo(202);
      assertThat(TestServer.json(added).path("linked_to").asString()).isEqualTo("beta");
      HttpResponse<String> alpha = server.get("/knowledge/content?knowledge_id=alpha");
      assertThat(alpha.statusCode()).isEqualTo(404);
      assertThat(TestServer.json(server.get("/config")).path("knowledge").path("knowledge_instances")
          .valueStream().map(k -> k.path("id").asString())).containsExactly("beta");
    }
  }
}
