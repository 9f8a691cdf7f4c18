package dev.agentry.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The knowledge API on the built-in runtime (an in-memory Lucene index, keyword search, no embedder): text uploaded
 * through {@code POST /knowledge/content} is read, chunked and indexed in the background, then found by
 * {@code POST /knowledge/search}.
 */
class KnowledgeEndToEndTest {
  private static final String KB = """
      apiVersion: agentry.dev/v1
      kind: Knowledge
      metadata: {name: handbook}
      spec:
        description: The staff handbook.
        vector_db: {type: memory}
      """;

  @Test
  void uploaded_text_becomes_searchable() {
    Map<String, String> files = new HashMap<>(TestServer.SPECS);
    files.put("knowledge.yaml", KB);
    try (TestServer server = TestServer.start(files)) {
      HttpResponse<String> upload = server.postForm("/knowledge/content", Map.of("name", "parking",
          "text_content", "Parking in the north garage is free for cyclists on Fridays.",
          "metadata", "{\"topic\": \"parking\"}"));
      assertThat(upload.statusCode()).as(upload.body()).isEqualTo(202);
      JsonNode content = TestServer.json(upload);
      assertThat(AgnoKnowledgeShapes.CONTENT.check(content, "$", Set.of())).isEmpty();
      String id = content.path("id").asString();

      Await.awaitTrue("the upload to be indexed", () -> {
        String status = TestServer.json(server.get("/knowledge/content/" + id + "/status")).path("status").asString();
        assertThat(status).as("the upload does not fail").isNotEqualTo("failed");
        return status.equals("completed");
      });

      HttpResponse<String> search = server.postJson("/knowledge/search",
          "{\"query\": \"garage cyclists\", \"filters\": {\"topic\": \"parking\"}}");
      assertThat(search.statusCode()).as(search.body()).isEqualTo(200);
      JsonNode page = TestServer.json(search);
      assertThat(AgnoKnowledgeShapes.SEARCH_PAGE.check(page, "$", Set.of())).isEmpty();
      assertThat(page.path("meta").path("total_count").asInt()).isEqualTo(1);
      assertThat(page.path("meta").path("search_time_ms").isNumber()).isTrue();
      JsonNode hit = page.path("data").get(0);
      assertThat(hit.path("content_id").asString()).isEqualTo(id);
      assertThat(hit.path("content").asString()).contains("north garage");
      assertThat(hit.path("name").asString()).isEqualTo("parking");
      assertThat(hit.path("meta_data").path("topic").asString()).isEqualTo("parking");

      JsonNode other = TestServer.json(server.postJson("/knowledge/search",
          "{\"query\": \"garage\", \"filters\": {\"topic\": \"canteen\"}}"));
      assertThat(other.path("data").size()).as("the filter excludes it").isZero();

      JsonNode listed = TestServer.json(server.get("/knowledge/content"));
      assertThat(AgnoKnowledgeShapes.CONTENT_PAGE.check(listed, "$", Set.of())).isEmpty();
      assertThat(listed.path("data").get(0).path("status").asString()).isEqualTo("completed");
      JsonNode config = TestServer.json(server.get("/knowledge/config"));
      assertThat(AgnoKnowledgeShapes.CONFIG.check(config, "$", Set.of())).isEmpty();
      assertThat(config.path("filters").toString()).contains("topic");
      assertThat(config.path("vector_dbs").get(0).path("search_types").toString()).contains("keyword");

      assertThat(server.delete("/knowledge/content/" + id).statusCode()).isEqualTo(200);
      JsonNode gone = TestServer.json(server.postJson("/knowledge/search", "{\"query\": \"garage\"}"));
      assertThat(gone.path("data").size()).as("a deleted content is no longer found").isZero();
    }
  }
}
