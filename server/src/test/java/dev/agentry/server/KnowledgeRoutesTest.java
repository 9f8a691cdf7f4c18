package dev.agentry.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentry.engine.knowledge.ContentUpload;
import dev.agentry.engine.knowledge.SearchType;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The knowledge routes ({@code agentos-api.md} §2.9) over HTTP on a fake Knowledge plugged in through the engine's
 * knowledge opener: every body is checked field by field against the pydantic model Agno's clients parse it with
 * ({@link AgnoKnowledgeShapes}), and the statuses and messages against Agno's router.
 */
class KnowledgeRoutesTest {
  static final String KB = """
      apiVersion: agentry.dev/v1
      kind: Knowledge
      metadata: {name: handbook}
      spec:
        description: The staff handbook.
        max_results: 7
      """;

  private final Map<String, FakeKnowledge> opened = new ConcurrentHashMap<>();
  private TestServer server;

  @BeforeEach
  void start() {
    server = serve(Map.of("knowledge.yaml", KB));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private TestServer serve(Map<String, String> extra) {
    Map<String, String> files = new HashMap<>(TestServer.SPECS);
    files.putAll(extra);
    return TestServer.startWithKnowledge(files, def -> opened.computeIfAbsent(def.id(), id -> new FakeKnowledge(def)));
  }

  private FakeKnowledge handbook() {
    return opened.get("handbook");
  }

  private static JsonNode json(String text) {
    return TestServer.JSON.readTree(text);
  }

  private static void assertShape(AgnoShape shape, JsonNode body) {
    assertThat(shape.check(body, "$", Set.of())).as(body.toString()).isEmpty();
  }

  private HttpResponse<String> uploadText(String text, Map<String, String> more) {
    Map<String, String> fields = new LinkedHashMap<>(more);
    fields.put("text_content", text);
    return server.postForm("/knowledge/content", fields);
  }

  private String uploadedId(String text) {
    HttpResponse<String> response = uploadText(text, Map.of());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    return TestServer.json(response).path("id").asString();
  }

  private String status(String id) {
    return TestServer.json(server.get("/knowledge/content/" + id + "/status")).path("status").asString();
  }

  @Test
  void uploaded_text_is_accepted_as_processing_then_completes() {
    handbook().hold();
    HttpResponse<String> response = uploadText("Holidays are 25 days a year.",
        Map.of("name", "holidays", "description", "leave policy", "metadata", "{\"team\": \"hr\", \"year\": 2026}"));

    assertThat(response.statusCode()).isEqualTo(202);
    JsonNode content = TestServer.json(response);
    assertShape(AgnoKnowledgeShapes.CONTENT, content);
    String id = content.path("id").asString();
    assertThat(content.path("name").asString()).isEqualTo("holidays");
    assertThat(content.path("description").asString()).isEqualTo("leave policy");
    assertThat(content.path("status").asString()).isEqualTo("processing");
    assertThat(content.path("metadata")).isEqualTo(json("{\"team\": \"hr\", \"year\": 2026}"));
    assertThat(content.path("size").asString()).isEqualTo("28");
    assertThat(content.path("linked_to").asString()).isEqualTo("handbook");
    assertThat(Instant.parse(content.path("created_at").asString())).isAfter(Instant.EPOCH);
    assertThat(handbook().lastUpload.get().text()).isEqualTo("Holidays are 25 days a year.");

    JsonNode status = TestServer.json(server.get("/knowledge/content/" + id + "/status"));
    assertShape(AgnoKnowledgeShapes.STATUS, status);
    assertThat(status.path("id").asString()).isEqualTo(id);
    assertThat(status.path("status").asString()).isEqualTo("processing");

    handbook().release();
    Await.awaitTrue("the content to complete", () -> status(id).equals("completed"));
    JsonNode got = TestServer.json(server.get("/knowledge/content/" + id));
    assertShape(AgnoKnowledgeShapes.CONTENT, got);
    assertThat(got.path("status").asString()).isEqualTo("completed");
    assertThat(got.path("status_message").asString()).isEmpty();
  }

  @Test
  void a_content_that_cannot_be_read_fails_with_its_message() {
    String id = uploadedId("FAIL on purpose");

    Await.awaitTrue("the content to fail", () -> status(id).equals("failed"));
    JsonNode status = TestServer.json(server.get("/knowledge/content/" + id + "/status"));
    assertThat(status.path("status_message").asString()).isEqualTo("could not read text");
  }

  @Test
  void a_file_is_uploaded_as_multipart_with_its_name_type_reader_and_chunking() {
    String boundary = "----kb" + UUID.randomUUID().toString().replace("-", "");
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"reader_id\"\r\n\r\nmarkdown\r\n");
    write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"chunker\"\r\n\r\nfixed\r\n");
    write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"chunk_size\"\r\n\r\n300\r\n");
    write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"chunk_overlap\"\r\n\r\n20\r\n");
    write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"guide.md\"\r\n"
        + "Content-Type: text/markdown\r\n\r\n# Guide\n\nParking is free.\r\n");
    write(body, "--" + boundary + "--\r\n");
    HttpResponse<String> response = server.send("POST", "/knowledge/content",
        HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()), "multipart/form-data; boundary=" + boundary);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    JsonNode content = TestServer.json(response);
    assertShape(AgnoKnowledgeShapes.CONTENT, content);
    assertThat(content.path("name").asString()).as("named after the file").isEqualTo("guide.md");
    assertThat(content.path("type").asString()).isEqualTo("md");
    ContentUpload upload = handbook().lastUpload.get();
    assertThat(new String(upload.file(), StandardCharsets.UTF_8)).isEqualTo("# Guide\n\nParking is free.");
    assertThat(upload.fileName()).isEqualTo("guide.md");
    assertThat(upload.contentType()).isEqualTo("text/markdown");
    assertThat(upload.readerId()).isEqualTo("markdown");
    assertThat(upload.chunker()).isEqualTo("fixed");
    assertThat(upload.chunkSize()).isEqualTo(300);
    assertThat(upload.overlap()).isEqualTo(20);
  }

  private static void write(ByteArrayOutputStream out, String text) {
    out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void metadata_that_is_not_a_json_object_is_kept_as_value() {
    JsonNode plain = TestServer.json(uploadText("one", Map.of("metadata", "draft")));
    assertThat(plain.path("metadata").toString()).isEqualTo("{\"value\":\"draft\"}");
    JsonNode broken = TestServer.json(uploadText("two", Map.of("metadata", "{\"a\": ")));
    assertThat(broken.path("metadata").toString()).isEqualTo("{\"value\":\"{\\\"a\\\": \"}");
    JsonNode none = TestServer.json(uploadText("three", Map.of()));
    assertThat(none.path("metadata").toString()).isEqualTo("{}");
  }

  @Test
  void a_url_is_a_plain_string_or_a_json_array_of_them() {
    HttpResponse<String> one = server.postForm("/knowledge/content", Map.of("url", "https://example.com/a.html"));
    assertThat(one.statusCode()).isEqualTo(202);
    assertThat(handbook().lastUpload.get().url()).isEqualTo("https://example.com/a.html");
    assertThat(TestServer.json(one).path("name").asString()).isEqualTo("https://example.com/a.html");

    HttpResponse<String> two = server.postForm("/knowledge/content",
        Map.of("url", "[\"https://example.com/b.html\", \"https://example.com/c.html\"]"));
    assertThat(two.statusCode()).isEqualTo(202);
    JsonNode listed = TestServer.json(server.get("/knowledge/content"));
    assertThat(listed.path("meta").path("total_count").asInt()).as("each url is a content").isEqualTo(3);
  }

  @Test
  void an_upload_without_content_or_with_two_or_a_bad_field_is_refused() {
    HttpResponse<String> empty = server.postForm("/knowledge/content", Map.of("name", "nothing"));
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(TestServer.json(empty).path("detail").asString()).contains("file", "url", "text_content");

    HttpResponse<String> both = server.postForm("/knowledge/content",
        Map.of("text_content", "x", "url", "https://example.com"));
    assertThat(both.statusCode()).isEqualTo(400);

    HttpResponse<String> size = uploadText("x", Map.of("chunk_size", "big"));
    assertThat(size.statusCode()).isEqualTo(422);
    JsonNode error = TestServer.json(size).path("detail").get(0);
    assertThat(error.path("type").asString()).isEqualTo("int_parsing");
    assertThat(error.path("loc").toString()).isEqualTo("[\"body\",\"chunk_size\"]");

    HttpResponse<String> reader = uploadText("x", Map.of("reader_id", FakeKnowledge.UNKNOWN));
    assertThat(reader.statusCode()).isEqualTo(400);
    assertThat(TestServer.json(reader).path("detail").asString()).contains("unknown reader");
  }

  @Test
  void unknown_content_is_a_404_and_its_status_is_failed() {
    for (String method : List.of("GET", "DELETE")) {
      HttpResponse<String> response = server.send(method, "/knowledge/content/missing",
          HttpRequest.BodyPublishers.noBody(), null);
      assertThat(response.statusCode()).as(method).isEqualTo(404);
      assertThat(response.body()).isEqualTo("{\"detail\":\"Content not found: missing\"}");
    }
    HttpResponse<String> patch = server.send("PATCH", "/knowledge/content/missing",
        HttpRequest.BodyPublishers.ofString("name=x"), "application/x-www-form-urlencoded");
    assertThat(patch.statusCode()).isEqualTo(404);
    assertThat(patch.body()).isEqualTo("{\"detail\":\"Content not found: missing\"}");

    JsonNode status = TestServer.json(server.get("/knowledge/content/missing/status"));
    assertShape(AgnoKnowledgeShapes.STATUS, status);
    assertThat(status.path("status").asString()).isEqualTo("failed");
    assertThat(status.path("status_message").asString()).isEqualTo("Content not found");
  }

  @Test
  void patch_changes_name_description_and_metadata_and_refuses_bad_metadata() {
    String id = uploadedId("Lunch is at noon.");
    HttpResponse<String> patched = server.send("PATCH", "/knowledge/content/" + id,
        HttpRequest.BodyPublishers.ofString("name=lunch&description=&metadata=%7B%22k%22%3A%201%7D"),
        "application/x-www-form-urlencoded");

    assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
    JsonNode content = TestServer.json(patched);
    assertShape(AgnoKnowledgeShapes.CONTENT, content);
    assertThat(content.path("name").asString()).isEqualTo("lunch");
    assertThat(content.path("description").asString()).as("a blank description leaves it").isEmpty();
    assertThat(content.path("metadata").toString()).isEqualTo("{\"k\":1}");

    HttpResponse<String> bad = server.send("PATCH", "/knowledge/content/" + id,
        HttpRequest.BodyPublishers.ofString("metadata=%7Bnot"), "application/x-www-form-urlencoded");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).isEqualTo("{\"detail\":\"Invalid JSON format for metadata\"}");
    HttpResponse<String> list = server.send("PATCH", "/knowledge/content/" + id,
        HttpRequest.BodyPublishers.ofString("metadata=%5B1%5D"), "application/x-www-form-urlencoded");
    assertThat(list.statusCode()).isEqualTo(400);
  }

  @Test
  void contents_are_listed_a_page_at_a_time() {
    for (int i = 1; i <= 5; i++) {
      uploadedId("note " + i);
    }
    JsonNode page = TestServer.json(server.get("/knowledge/content?limit=2&page=2&sort_order=asc"));

    assertShape(AgnoKnowledgeShapes.CONTENT_PAGE, page);
    assertThat(page.path("data").valueStream().map(c -> c.path("name").asString()))
        .as("oldest first, the second page").containsExactly("text", "text");
    assertThat(page.path("data").get(0).path("size").asString()).isEqualTo("6");
    JsonNode meta = page.path("meta");
    assertThat(meta.path("page").asInt()).isEqualTo(2);
    assertThat(meta.path("limit").asInt()).isEqualTo(2);
    assertThat(meta.path("total_pages").asInt()).isEqualTo(3);
    assertThat(meta.path("total_count").asInt()).isEqualTo(5);

    JsonNode defaults = TestServer.json(server.get("/knowledge/content"));
    assertThat(defaults.path("meta").path("limit").asInt()).isEqualTo(20);
    assertThat(defaults.path("data").size()).isEqualTo(5);

    assertThat(server.get("/knowledge/content?limit=0").statusCode()).isEqualTo(422);
    assertThat(server.get("/knowledge/content?sort_order=up").statusCode()).isEqualTo(422);
  }

  @Test
  void delete_removes_one_content_or_all() {
    String first = uploadedId("first");
    uploadedId("second");

    HttpResponse<String> one = server.delete("/knowledge/content/" + first);
    assertThat(one.statusCode()).isEqualTo(200);
    assertThat(one.body()).isEqualTo("{\"id\":\"" + first + "\"}");
    assertThat(server.get("/knowledge/content/" + first).statusCode()).isEqualTo(404);

    HttpResponse<String> all = server.delete("/knowledge/content");
    assertThat(all.statusCode()).isEqualTo(200);
    assertThat(all.body()).isEqualTo("\"success\"");
    assertThat(TestServer.json(server.get("/knowledge/content")).path("meta").path("total_count").asInt()).isZero();
  }

  @Test
  void search_pages_the_hits_and_reports_its_time() {
    for (String text : List.of("parking is free", "parking needs a permit", "the canteen opens at noon")) {
      String id = uploadedId(text);
      Await.awaitTrue("indexing", () -> status(id).equals("completed"));
    }
    HttpResponse<String> response = server.postJson("/knowledge/search",
        "{\"query\": \"parking permit\", \"max_results\": 5, \"search_type\": \"keyword\","
            + " \"filters\": {}, \"meta\": {\"limit\": 1, \"page\": 2}}");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode page = TestServer.json(response);
    assertShape(AgnoKnowledgeShapes.SEARCH_PAGE, page);
    JsonNode meta = page.path("meta");
    assertThat(meta.path("page").asInt()).isEqualTo(2);
    assertThat(meta.path("limit").asInt()).isEqualTo(1);
    assertThat(meta.path("total_count").asInt()).isEqualTo(2);
    assertThat(meta.path("total_pages").asInt()).isEqualTo(2);
    assertThat(meta.path("search_time_ms").isNumber()).isTrue();
    assertThat(meta.path("search_time_ms").asDouble()).isGreaterThanOrEqualTo(0);
    JsonNode hit = page.path("data").get(0);
    assertThat(hit.path("content").asString()).as("the weaker hit is on page 2").isEqualTo("parking is free");
    assertThat(hit.path("content_id").asString()).isNotEmpty();
    assertThat(hit.path("size").asInt()).isEqualTo(15);
    assertThat(handbook().lastSearch.get()).containsExactly("parking permit", SearchType.KEYWORD, Map.of(), 5);

    JsonNode defaults = TestServer.json(server.postJson("/knowledge/search", "{\"query\": \"noon\"}"));
    assertThat(defaults.path("meta").path("limit").asInt()).isEqualTo(20);
    assertThat(defaults.path("meta").path("page").asInt()).isEqualTo(1);
    assertThat(defaults.path("data").size()).isEqualTo(1);
    assertThat(handbook().lastSearch.get().get(3)).as("max_results left to the Knowledge").isNull();
  }

  @Test
  void search_requests_are_validated_as_agno_does() {
    HttpResponse<String> missing = server.postJson("/knowledge/search", "{\"max_results\": 0}");
    assertThat(missing.statusCode()).isEqualTo(422);
    JsonNode errors = TestServer.json(missing).path("detail");
    assertThat(errors.get(0).path("type").asString()).isEqualTo("missing");
    assertThat(errors.get(0).path("loc").toString()).isEqualTo("[\"body\",\"query\"]");
    assertThat(errors.get(1).path("loc").toString()).isEqualTo("[\"body\",\"max_results\"]");

    HttpResponse<String> page = server.postJson("/knowledge/search", "{\"query\": \"x\", \"meta\": {\"page\": 0}}");
    assertThat(page.statusCode()).isEqualTo(422);
    assertThat(TestServer.json(page).path("detail").get(0).path("loc").toString())
        .isEqualTo("[\"body\",\"meta\",\"page\"]");

    HttpResponse<String> vector = server.postJson("/knowledge/search",
        "{\"query\": \"x\", \"search_type\": \"vector\"}");
    assertThat(vector.statusCode()).isEqualTo(400);
    assertThat(TestServer.json(vector).path("detail").asString()).contains("needs an embedder");

    HttpResponse<String> db = server.postJson("/knowledge/search",
        "{\"query\": \"x\", \"vector_db_ids\": [\"other\"]}");
    assertThat(db.statusCode()).isEqualTo(400);
    assertThat(TestServer.json(db).path("detail").asString())
        .isEqualTo("None of the provided Vector DB IDs ['other'] match the knowledge base Vector DB ID handbook");
    assertThat(server.postJson("/knowledge/search", "{\"query\": \"x\", \"vector_db_ids\": [\"handbook\"]}")
        .statusCode()).isEqualTo(200);
  }

  @Test
  void remote_sources_are_none() {
    HttpResponse<String> missing = server.postUrlencoded("/knowledge/remote-content", Map.of());
    assertThat(missing.statusCode()).isEqualTo(422);
    JsonNode errors = TestServer.json(missing).path("detail");
    assertThat(errors.size()).isEqualTo(2);
    assertThat(errors.get(0).path("loc").toString()).isEqualTo("[\"body\",\"config_id\"]");
    assertThat(errors.get(1).path("loc").toString()).isEqualTo("[\"body\",\"path\"]");

    HttpResponse<String> unknown = server.postUrlencoded("/knowledge/remote-content",
        Map.of("config_id", "s3", "path", "docs/"));
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(TestServer.json(unknown).path("detail").asString())
        .isEqualTo("Unknown content source: s3. Check /knowledge/config for available sources.");

    HttpResponse<String> sources = server.get("/knowledge/handbook/sources");
    assertThat(sources.statusCode()).isEqualTo(200);
    assertThat(sources.body()).isEqualTo("[]");
    assertThat(server.get("/knowledge/nope/sources").statusCode()).isEqualTo(404);
    HttpResponse<String> files = server.get("/knowledge/handbook/sources/s3/files");
    assertThat(files.statusCode()).isEqualTo(404);
    assertThat(TestServer.json(files).path("detail").asString()).isEqualTo("Content source not found: s3");
    assertThat(server.get("/knowledge/handbook/sources/s3/files?limit=1001").statusCode()).isEqualTo(422);
  }

  @Test
  void knowledge_config_lists_readers_chunkers_filters_and_the_index() {
    uploadedId("tagged");
    server.send("PATCH", "/knowledge/content/" + TestServer.json(server.get("/knowledge/content")).path("data")
        .get(0).path("id").asString(), HttpRequest.BodyPublishers.ofString("metadata=%7B%22team%22%3A1%7D"),
        "application/x-www-form-urlencoded");
    HttpResponse<String> response = server.get("/knowledge/config");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode config = TestServer.json(response);
    assertShape(AgnoKnowledgeShapes.CONFIG, config);
    JsonNode text = config.path("readers").path("text");
    assertThat(text.path("id").asString()).isEqualTo("text");
    assertThat(text.path("name").asString()).isNotEmpty();
    assertThat(text.path("chunkers").size()).isPositive();
    assertThat(config.path("readersForType").path(".md").toString()).contains("markdown");
    JsonNode fixed = config.path("chunkers").path("FixedSizeChunker");
    assertThat(fixed.path("key").asString()).isEqualTo("FixedSizeChunker");
    assertThat(fixed.path("metadata").has("chunk_size")).isTrue();
    assertThat(config.path("filters").toString()).isEqualTo("[\"team\"]");
    JsonNode index = config.path("vector_dbs").get(0);
    assertThat(index.path("id").asString()).isEqualTo("handbook");
    assertThat(index.path("search_types").toString()).isEqualTo("[\"keyword\"]");
    assertThat(config.has("remote_content_sources")).isTrue();
    assertThat(config.path("remote_content_sources").isNull()).as("Agno's None: no remote sources").isTrue();
  }

  @Test
  void patch_refuses_an_unknown_reader() {
    String id = uploadedId("some text");
    HttpResponse<String> response = server.send("PATCH", "/knowledge/content/" + id,
        HttpRequest.BodyPublishers.ofString("reader_id=nope"), "application/x-www-form-urlencoded");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).isEqualTo("{\"detail\":\"Invalid reader_id: nope\"}");
    HttpResponse<String> known = server.send("PATCH", "/knowledge/content/" + id,
        HttpRequest.BodyPublishers.ofString("reader_id=text"), "application/x-www-form-urlencoded");
    assertThat(known.statusCode()).isEqualTo(200);
  }

  @Test
  void config_page_lists_the_knowledge_and_agents_show_theirs() {
    server.close();
    server = serve(Map.of("knowledge.yaml", KB, "agents.yaml", TestServer.SPECS.get("agents.yaml")
        .replace("add_history_to_context: true", "add_history_to_context: true\n  knowledge: handbook")));

    JsonNode page = TestServer.json(server.get("/config")).path("knowledge");
    assertShape(AgnoKnowledgeShapes.KNOWLEDGE_PAGE, page);
    JsonNode instance = page.path("knowledge_instances").get(0);
    assertThat(instance.path("id").asString()).isEqualTo("handbook");
    assertThat(instance.path("name").asString()).isEqualTo("handbook");
    assertThat(instance.path("description").asString()).isEqualTo("The staff handbook.");
    assertThat(instance.path("db_id").asString()).isEqualTo("local-db");
    assertThat(instance.path("table").asString()).isEqualTo("agno_knowledge");
    assertThat(page.path("dbs")).isEqualTo(json("[{\"db_id\": \"local-db\", "
        + "\"domain_config\": {\"display_name\": \"local-db\"}, \"tables\": [\"agno_knowledge\"]}]"));

    JsonNode agent = TestServer.json(server.get("/agents/echo")).path("knowledge");
    assertThat(agent.path("db_id").asString()).isEqualTo("local-db");
    assertThat(agent.path("knowledge_table").asString()).isEqualTo("agno_knowledge");
  }
}
