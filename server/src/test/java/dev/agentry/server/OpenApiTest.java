package dev.agentry.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentry.server.http.OpenApi;
import dev.agentry.server.http.Routes;
import io.javalin.event.HandlerMetaInfo;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code /openapi.json} and {@code /docs}: the document lists every route Javalin actually registered (read from
 * Javalin's handler-added events, not from the route table, so a route added anywhere else fails this test).
 */
class OpenApiTest {
  private static final Pattern PATH_PARAM = Pattern.compile("[{<]([^}>]+)[}>]");

  static TestServer server;
  static JsonNode doc;

  @BeforeAll
  static void start() {
    server = TestServer.start(TestServer.SPECS);
    HttpResponse<String> response = server.get("/openapi.json");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(t -> assertThat(t)
        .startsWith("application/json"));
    doc = TestServer.json(response);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void every_route_javalin_registered_is_in_the_document() {
    List<HandlerMetaInfo> registered = routes(server.server().handlers());
    assertThat(registered).extracting(HandlerMetaInfo::getPath).contains("/agents/{agent_id}/runs", "/openapi.json",
        "/docs");
    assertThat(missing(registered, doc)).as("registered routes missing from /openapi.json").isEmpty();
  }

  @Test
  void every_documented_operation_is_a_registered_route() {
    Set<String> registered = new HashSet<>();
    routes(server.server().handlers()).forEach(h -> registered.add(key(h)));
    List<String> documented = new ArrayList<>();
    doc.path("paths").properties().forEach(path -> path.getValue().propertyNames()
        .forEach(method -> documented.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));
    assertThat(documented).isNotEmpty().allSatisfy(op -> assertThat(registered).contains(op));
  }

  @Test
  void the_check_above_catches_a_route_the_document_leaves_out() {
    List<Routes.Route> table = Routes.table(server.server().os());
    JsonNode partial = TestServer.JSON.valueToTree(OpenApi.document(server.server().os(),
        table.subList(1, table.size())));
    assertThat(missing(routes(server.server().handlers()), partial)).containsExactly("GET /");
  }

  @Test
  void document_is_openapi_3_1_titled_after_the_agentos() {
    assertThat(doc.path("openapi").asString()).isEqualTo("3.1.0");
    assertThat(doc.path("info").path("title").asString()).isEqualTo("Test OS");
    assertThat(doc.path("info").path("version").asString()).isEqualTo("1.0.0");
    assertThat(doc.path("tags").findValuesAsString("name")).contains("Core", "Agents", "Docs");
  }

  @Test
  void operations_have_unique_ids_tags_summaries_and_their_path_parameters() {
    Set<String> ids = new HashSet<>();
    doc.path("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
      JsonNode operation = op.getValue();
      String where = op.getKey() + " " + path.getKey();
      assertThat(ids.add(operation.path("operationId").asString())).as("unique operationId of " + where).isTrue();
      assertThat(operation.path("summary").asString()).as(where).isNotBlank();
      assertThat(operation.path("tags").size()).as(where).isEqualTo(1);
      Matcher names = PATH_PARAM.matcher(path.getKey());
      while (names.find()) {
        String name = names.group(1);
        assertThat(operation.path("parameters").valueStream()
            .filter(p -> p.path("name").asString().equals(name) && p.path("in").asString().equals("path")
                && p.path("required").asBoolean()))
            .as("path parameter " + name + " of " + where).hasSize(1);
      }
      assertThat(operation.path("responses").has("200")).as(where).isTrue();
    }));
  }

  @Test
  void run_routes_document_their_form_fields_and_event_streams() {
    JsonNode create = op("post", "/agents/{agent_id}/runs");
    for (String type : List.of("multipart/form-data", "application/x-www-form-urlencoded")) {
      JsonNode schema = create.path("requestBody").path("content").path(type).path("schema");
      assertThat(schema.path("properties").propertyNames()).as(type).contains("message", "stream", "session_id",
          "user_id", "background", "session_state", "dependencies", "metadata", "output_schema");
      assertThat(schema.path("required").get(0).asString()).isEqualTo("message");
      assertThat(schema.path("properties").path("stream").path("default").asBoolean()).isTrue();
    }
    assertThat(create.path("responses").path("200").path("content").propertyNames())
        .contains("application/json", "text/event-stream");
    assertThat(create.path("responses").has("202")).isTrue();

    JsonNode cont = op("post", "/agents/{agent_id}/runs/{run_id}/continue");
    assertThat(cont.path("requestBody").path("content").path("multipart/form-data").path("schema").path("properties")
        .propertyNames()).contains("tools", "session_id");
    assertThat(cont.path("responses").path("200").path("content").has("text/event-stream")).isTrue();
    JsonNode teamCreate = op("post", "/teams/{team_id}/runs");
    assertThat(teamCreate.path("requestBody").path("content").path("multipart/form-data").path("schema")
        .path("properties").propertyNames()).contains("message", "stream", "session_id", "background");
    assertThat(teamCreate.path("responses").has("202")).isTrue();
    JsonNode teamContinue = op("post", "/teams/{team_id}/runs/{run_id}/continue");
    assertThat(teamContinue.path("requestBody").path("content").path("multipart/form-data").path("schema")
        .path("properties").propertyNames()).as("a team's continue sends requirements, as Agno's")
        .contains("requirements", "session_id").doesNotContain("tools");

    JsonNode resume = op("post", "/agents/{agent_id}/runs/{run_id}/resume");
    JsonNode resumeFields = resume.path("requestBody").path("content").path("multipart/form-data").path("schema")
        .path("properties");
    assertThat(resumeFields.propertyNames()).contains("last_event_index", "session_id");
    assertThat(resumeFields.path("last_event_index").path("type").asString()).isEqualTo("integer");
    assertThat(resume.path("responses").path("200").path("content").propertyNames())
        .containsExactly("text/event-stream");

    JsonNode list = op("get", "/agents/{agent_id}/runs");
    assertThat(list.path("parameters").valueStream().filter(p -> p.path("in").asString().equals("query")
        && p.path("name").asString().equals("session_id") && p.path("required").asBoolean())).hasSize(1);
  }

  @Test
  void errors_are_documented_as_the_detail_body() {
    JsonNode responses = op("get", "/agents/{agent_id}").path("responses");
    for (String status : List.of("400", "401", "404", "422")) {
      String ref = responses.path(status).path("$ref").asString();
      assertThat(ref).as(status).startsWith("#/components/responses/");
      JsonNode response = doc.path("components").path("responses").path(ref.substring(ref.lastIndexOf('/') + 1));
      String schemaRef = response.path("content").path("application/json").path("schema").path("$ref").asString();
      JsonNode schema = doc.path("components").path("schemas").path(schemaRef.substring(schemaRef.lastIndexOf('/') + 1));
      assertThat(schema.path("required").get(0).asString()).as(status).isEqualTo("detail");
      assertThat(schema.path("properties").has("detail")).as(status).isTrue();
    }
    assertThat(op("get", "/health").path("responses").has("401")).isFalse();
  }

  @Test
  void docs_page_loads_swagger_ui_over_the_document() {
    HttpResponse<String> page = server.get("/docs");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("content-type")).hasValueSatisfying(t -> assertThat(t)
        .startsWith("text/html"));
    assertThat(page.body()).contains("swagger-ui", "\"/openapi.json\"", "<title>Test OS - Swagger UI</title>");
  }

  @Test
  void title_defaults_when_the_agentos_has_no_name() {
    try (TestServer plain = TestServer.start(Map.of("agents.yaml", TestServer.SPECS.get("agents.yaml")))) {
      JsonNode info = TestServer.json(plain.get("/openapi.json")).path("info");
      assertThat(info.path("title").asString()).isEqualTo("Agentry AgentOS");
      assertThat(info.path("version").asString()).isEqualTo("1.0.0");
    }
  }

  private static JsonNode op(String method, String path) {
    JsonNode operation = doc.path("paths").path(path).path(method);
    assertThat(operation.isObject()).as(method + " " + path).isTrue();
    return operation;
  }

  /** The HTTP routes among Javalin's handlers (before/after filters left out). */
  private static List<HandlerMetaInfo> routes(List<HandlerMetaInfo> handlers) {
    return handlers.stream().filter(h -> h.getHttpMethod().isHttpMethod()).toList();
  }

  /** The registered routes that {@code document} has no operation for, as {@code "METHOD path"}. */
  private static List<String> missing(List<HandlerMetaInfo> registered, JsonNode document) {
    return registered.stream().filter(h -> {
      String path = PATH_PARAM.matcher(h.getPath()).replaceAll("{$1}");
      return !document.path("paths").path(path).path(h.getHttpMethod().name().toLowerCase(Locale.ROOT)).isObject();
    }).map(OpenApiTest::key).toList();
  }

  private static String key(HandlerMetaInfo handler) {
    return handler.getHttpMethod().name() + " " + PATH_PARAM.matcher(handler.getPath()).replaceAll("{$1}");
  }
}
