package dev.agentry.engine.tool.openapi;

import static dev.agentry.engine.tool.http.Toolkits.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentry.engine.internal.Json;
import dev.agentry.engine.tool.Tool;
import dev.agentry.engine.tool.ToolDefinition;
import dev.agentry.engine.tool.ToolResult;
import dev.agentry.engine.tool.Toolkit;
import dev.agentry.engine.tool.ToolkitException;
import dev.agentry.engine.tool.http.Endpoint;
import dev.agentry.engine.tool.http.Fields;
import dev.agentry.engine.tool.http.LocalApi;
import dev.agentry.engine.tool.http.Toolkits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The {@code openapi:} toolkit from petstore documents in the test resources (YAML 3.0, JSON 3.1). */
class OpenApiKindTest {
  private static final Path DOCS = Path.of("src/test/resources/openapi");

  private LocalApi api;
  private Toolkit open;

  @BeforeEach
  void start() throws Exception {
    api = new LocalApi();
  }

  @AfterEach
  void stop() {
    if (open != null) {
      open.close();
    }
    api.close();
  }

  private static List<ToolDefinition> describe(String json) {
    return new OpenApiKind().describe(Toolkits.settings(json, DOCS));
  }

  private List<Tool> open(String json) {
    open = new OpenApiKind().open(Toolkits.settings(json.replace("BASE", api.url()), DOCS));
    return open.tools();
  }

  private static JsonNode parameters(List<ToolDefinition> functions, String name) {
    return functions.stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow().parameters();
  }

  @Test
  void every_operation_of_a_yaml_3_0_document_is_a_function_named_by_its_operation_id() {
    List<ToolDefinition> functions = describe("{\"document\": \"petstore.yaml\"}");

    assertThat(functions).extracting(ToolDefinition::name)
        .containsExactly("listPets", "createPet", "showPetById", "delete_pets_petId", "getInventory");
    assertThat(functions.get(0).description()).isEqualTo("List all pets");
    assertThat(functions.get(3).description()).isEqualTo("Delete a pet");
    assertThat(functions.get(4).description()).isEqualTo("Returns pet inventories by status.");
    assertThat(parameters(functions, "listPets")).isEqualTo(Json.MAPPER.readTree("""
        {"type": "object", "properties": {
          "limit": {"type": "integer", "format": "int32",
                    "description": "How many items to return at one time (max 100)"},
          "status": {"type": "string", "enum": ["available", "pending", "sold"]}}}"""));
    assertThat(parameters(functions, "createPet")).isEqualTo(Json.MAPPER.readTree("""
        {"type": "object", "properties": {
          "body": {"type": "object", "required": ["name"], "properties": {
            "name": {"type": "string"}, "tag": {"type": "string"},
            "status": {"type": "string", "enum": ["available", "pending", "sold"]}}}},
         "required": ["body"]}"""));
    assertThat(parameters(functions, "showPetById")).isEqualTo(Json.MAPPER.readTree("""
        {"type": "object", "properties": {
          "petId": {"type": "string", "description": "The id of the pet to retrieve"},
          "X-Request-Id": {"type": "string"}},
         "required": ["petId"]}"""));
  }

  @Test
  void a_json_3_1_document_gives_its_schemas_as_written() {
    List<ToolDefinition> functions = describe("{\"document\": \"petstore-3.1.json\"}");

    assertThat(functions).extracting(ToolDefinition::name).containsExactly("showPetById", "updatePet", "placeOrder");
    assertThat(parameters(functions, "showPetById").at("/properties/fields/type"))
        .isEqualTo(Json.MAPPER.readTree("[\"string\", \"null\"]"));
    assertThat(parameters(functions, "updatePet")).isEqualTo(Json.MAPPER.readTree("""
        {"type": "object", "properties": {
          "petId": {"type": "string"},
          "body": {"type": "object", "required": ["name"], "properties": {
            "name": {"type": "string"}, "tag": {"type": ["string", "null"]}}}},
         "required": ["petId"]}"""));
  }

  @Test
  void a_recursive_schema_refers_to_its_own_defs_and_validates_nested_arguments() {
    JsonNode schema = parameters(describe("{\"document\": \"tree.json\"}"), "addNode");

    assertThat(schema.at("/properties/body/properties/children/items/$ref").asString()).isEqualTo("#/$defs/Node");
    assertThat(schema.at("/$defs/Node/properties/children/items/$ref").asString()).isEqualTo("#/$defs/Node");
    com.networknt.schema.Schema check = com.networknt.schema.SchemaRegistry
        .withDefaultDialect(com.networknt.schema.SpecificationVersion.DRAFT_2020_12).getSchema(schema);
    assertThat(check.validate(Json.MAPPER.readTree(
        "{\"body\": {\"name\": \"a\", \"children\": [{\"name\": \"b\", \"children\": []}]}}"))).isEmpty();
    assertThat(check.validate(Json.MAPPER.readTree(
        "{\"body\": {\"name\": \"a\", \"children\": [{\"children\": []}]}}"))).isNotEmpty();
  }

  @Test
  void a_call_reaches_the_server_with_its_path_query_header_body_and_the_documents_api_key_header() {
    List<Tool> tools = open("{\"document\": \"petstore.yaml\", \"server_url\": \"BASE/v1\","
        + " \"allow_private_addresses\": true, \"auth\": {\"type\": \"api_key\", \"token\": \"k-1\"}}");

    ToolResult listed = call(tools, "listPets", "{\"limit\": 2, \"status\": \"sold\"}");
    assertThat(listed.outcome()).isEqualTo(ToolResult.Outcome.OK);
    assertThat(api.last().method()).isEqualTo("GET");
    assertThat(api.last().path()).isEqualTo("/v1/pets");
    assertThat(api.last().rawQuery()).isEqualTo("limit=2&status=sold");
    assertThat(api.last().header("X-API-Key")).isEqualTo("k-1");

    call(tools, "showPetById", "{\"petId\": \"p 1\", \"X-Request-Id\": \"r-9\"}");
    assertThat(api.last().path()).isEqualTo("/v1/pets/p%201");
    assertThat(api.last().header("X-Request-Id")).isEqualTo("r-9");
    assertThat(api.last().header("X-API-Key")).as("the operation's security is empty").isNull();

    call(tools, "createPet", "{\"body\": {\"name\": \"Rex\", \"status\": \"available\"}}");
    assertThat(api.last().header("X-API-Key")).isEqualTo("k-1");
    assertThat(api.last().method()).isEqualTo("POST");
    assertThat(api.last().header("Content-Type")).isEqualTo("application/json");
    assertThat(Json.MAPPER.readTree(api.last().body()))
        .isEqualTo(Json.MAPPER.readTree("{\"name\": \"Rex\", \"status\": \"available\"}"));

    assertThat(call(tools, "delete_pets_petId", "{\"petId\": \"7\"}").outcome()).isEqualTo(ToolResult.Outcome.OK);
    assertThat(api.last().method()).isEqualTo("DELETE");
    assertThat(api.last().body()).isEmpty();
  }

  @Test
  void a_3_1_call_sends_a_bearer_token_and_a_form_body() {
    List<Tool> tools = open("{\"document\": \"petstore-3.1.json\", \"server_url\": \"BASE\","
        + " \"allow_private_addresses\": true, \"auth\": {\"type\": \"bearer\", \"token\": \"t-2\"}}");

    call(tools, "placeOrder", "{\"body\": {\"petId\": \"7\", \"quantity\": 2}}");

    assertThat(api.last().path()).isEqualTo("/orders");
    assertThat(api.last().header("Authorization")).isEqualTo("Bearer t-2");
    assertThat(api.last().header("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
    assertThat(api.last().body()).isEqualTo("petId=7&quantity=2");
  }

  @Test
  void the_documents_server_is_used_with_its_variables_and_is_guarded_like_the_http_toolkit() {
    Fields fields = Fields.of(Json.MAPPER.readTree("{}"), "openapi");
    List<Endpoint> endpoints = Operations.endpoints(OpenApiDocument.readFile(fields, "petstore-3.1.json", DOCS),
        fields, null, List.of(), List.of());
    assertThat(endpoints.get(0).url().template()).isEqualTo("https://eu.petstore.example.com/v2/pets/{petId}");
    assertThat(endpoints.get(0).url().host()).isEqualTo("eu.petstore.example.com");

    List<Tool> local = open("{\"document\": \"petstore.yaml\", \"server_url\": \"BASE/v1\"}");
    assertThat(call(local, "listPets", "{}").content()).contains("non-public address");
    assertThat(api.requests).isEmpty();
  }

  @Test
  void operations_and_tags_choose_the_functions() {
    assertThat(describe("{\"document\": \"petstore.yaml\", \"operations\": [\"showPetById\", \"delete_pets_petId\"]}"))
        .extracting(ToolDefinition::name).containsExactly("showPetById", "delete_pets_petId");
    assertThat(describe("{\"document\": \"petstore.yaml\", \"tags\": [\"store\"]}"))
        .extracting(ToolDefinition::name).containsExactly("getInventory");
    assertThat(describe("{\"document\": \"petstore-3.1.json\", \"tags\": [\"pets\"], \"operations\": [\"updatePet\","
        + " \"placeOrder\"]}")).extracting(ToolDefinition::name).containsExactly("updatePet");
  }

  @Test
  void a_document_at_a_url_is_fetched_when_the_toolkit_opens() throws Exception {
    api.serve("/openapi.json", Files.readString(DOCS.resolve("petstore-3.1.json"))
        .replace("https://{region}.petstore.example.com/v2", "/api"));
    String settings = "{\"document\": \"BASE/openapi.json\", \"allow_private_addresses\": true}";

    assertThat(describe(settings.replace("BASE", api.url()))).isNull();
    List<Tool> tools = open(settings);

    assertThat(tools).extracting(t -> t.definition().name()).containsExactly("showPetById", "updatePet", "placeOrder");
    call(tools, "showPetById", "{\"petId\": \"3\"}");
    assertThat(api.last().path()).as("the relative server resolves against the document's URL")
        .isEqualTo("/api/pets/3");
  }

  @Test
  void bad_settings_are_refused_naming_the_field() {
    assertThatThrownBy(() -> describe("{\"document\": \"nope.yaml\"}")).isInstanceOf(ToolkitException.class)
        .hasMessage("document 'nope.yaml' is not a file (paths are relative to the spec folder)");
    assertThatThrownBy(() -> describe("{\"document\": \"../../../../pom.xml\"}"))
        .hasMessageStartingWith("document is refused: document '../../../../pom.xml' is outside the spec folder");
    assertThatThrownBy(() -> describe("{\"document\": \"petstore.yaml\", \"operations\": [\"listPet\"]}"))
        .hasMessage("operations names 'listPet', which the document has no operation for; its operations are"
            + " listPets, createPet, showPetById, delete_pets_petId, getInventory");
    assertThatThrownBy(() -> describe("{\"document\": \"petstore.yaml\", \"server_url\": \"ftp://x\"}"))
        .hasMessage("server_url 'ftp://x' is not an http or https URL");
    assertThatThrownBy(() -> describe("{\"document\": \"petstore-3.1.json\", \"auth\": {\"type\": \"api_key\","
        + " \"token\": \"secret-value\"}}"))
        .hasMessageStartingWith("auth.name is required").hasMessageNotContaining("secret-value");
  }

  @Test
  void a_file_that_is_not_an_openapi_document_is_refused(@TempDir Path dir)
      throws Exception {
    Files.writeString(dir.resolve("doc.yaml"), "hello: world\n");
    assertThatThrownBy(() -> new OpenApiKind().describe(Toolkits.settings("{\"document\": \"doc.yaml\"}", dir)))
        .hasMessageStartingWith("document 'doc.yaml' is not an OpenAPI 3.0 or 3.1 document");
  }

  @Test
  void a_relative_server_of_a_file_document_needs_server_url(@TempDir Path dir)
      throws Exception {
    Files.writeString(dir.resolve("doc.yaml"), "openapi: 3.0.3\ninfo: {title: t, version: '1'}\n"
        + "servers: [{url: /api}]\n"
        + "paths:\n  /x:\n    get:\n      operationId: getX\n      responses: {'200': {description: ok}}\n");
    assertThatThrownBy(() -> new OpenApiKind().describe(Toolkits.settings("{\"document\": \"doc.yaml\"}", dir)))
        .hasMessage("server_url is required: the document's server '/api' is not an absolute http or https URL");
  }
}
