package dev.agentry.engine.tool.http;

import static dev.agentry.engine.tool.http.Toolkits.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentry.engine.Eventually;
import dev.agentry.engine.internal.Json;
import dev.agentry.engine.llm.Cancellation;
import dev.agentry.engine.tool.Tool;
import dev.agentry.engine.tool.ToolDefinition;
import dev.agentry.engine.tool.ToolResult;
import dev.agentry.engine.tool.Toolkit;
import dev.agentry.engine.tool.ToolkitException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@code http:} toolkit against a real local server: templates, bodies, headers, auth, limits and the guard. */
class HttpKindTest {
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

  /** Opens an http toolkit whose settings are {@code json} with BASE replaced by the server's URL. */
  private List<Tool> open(String json) {
    open = new HttpKind().open(Toolkits.settings(json.replace("BASE", api.url()), Path.of(".")));
    return open.tools();
  }

  private static List<ToolDefinition> describe(String json) {
    return new HttpKind().describe(Toolkits.settings(json, Path.of(".")));
  }

  private static String local(String extra, String endpoints) {
    return "{\"base_url\": \"BASE/api\", \"allow_private_addresses\": true" + extra + ", \"endpoints\": ["
        + endpoints + "]}";
  }

  @Test
  void fills_path_placeholders_url_encoded_and_the_query_from_the_arguments() {
    List<Tool> tools = open(local("", "{\"name\": \"get_pet\", \"url\": \"/pets/{id}\", \"query\": [\"status\","
        + " \"tags\", \"limit\"]}"));

    ToolResult result = call(tools, "get_pet", "{\"id\": \"a b/..\", \"status\": \"sold out\", \"tags\": [\"x\","
        + " \"y&z\"]}");

    assertThat(result.outcome()).isEqualTo(ToolResult.Outcome.OK);
    assertThat(api.last().method()).isEqualTo("GET");
    assertThat(api.last().path()).isEqualTo("/api/pets/a%20b%2F..");
    assertThat(api.last().rawQuery()).isEqualTo("status=sold%20out&tags=x&tags=y%26z");
    assertThat(result.content()).isEqualTo("status: 200\n\n{\n  \"method\" : \"GET\",\n  \"ok\" : true\n}");
  }

  @Test
  void a_dot_dot_argument_cannot_climb_out_of_its_path_segment() {
    List<Tool> tools = open(local("", "{\"name\": \"get_pet\", \"url\": \"/pets/{id}/photo\"}"));
    call(tools, "get_pet", "{\"id\": \"..\"}");
    assertThat(api.last().path()).isEqualTo("/api/pets/%2E%2E/photo");
  }

  @Test
  void sends_the_other_arguments_as_a_json_body_for_post() {
    List<Tool> tools = open(local("", "{\"name\": \"add_pet\", \"method\": \"POST\", \"url\": \"/owners/{owner}/pets\""
        + ", \"query\": [\"dry_run\"]}"));

    ToolResult result = call(tools, "add_pet", "{\"owner\": \"7\", \"dry_run\": \"true\", \"name\": \"Rex\","
        + " \"age\": 3, \"toys\": [\"ball\"]}");

    assertThat(result.outcome()).isEqualTo(ToolResult.Outcome.OK);
    LocalApi.Request request = api.last();
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/api/owners/7/pets");
    assertThat(request.rawQuery()).isEqualTo("dry_run=true");
    assertThat(request.header("Content-Type")).isEqualTo("application/json");
    assertThat(Json.MAPPER.readTree(request.body()))
        .isEqualTo(Json.MAPPER.readTree("{\"name\": \"Rex\", \"age\": 3, \"toys\": [\"ball\"]}"));
  }

  @Test
  void sends_a_form_body_when_asked() {
    List<Tool> tools = open(local("", "{\"name\": \"login\", \"method\": \"POST\", \"url\": \"/login\","
        + " \"body\": \"form\"}"));
    call(tools, "login", "{\"user\": \"ann lee\", \"code\": 42}");
    assertThat(api.last().header("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
    assertThat(api.last().body()).isEqualTo("user=ann%20lee&code=42");
  }

  @Test
  void sends_the_toolkit_headers_with_the_endpoint_headers_on_top() {
    List<Tool> tools = open(local(", \"headers\": {\"X-Team\": \"blue\", \"X-Trace\": \"toolkit\"}",
        "{\"name\": \"ping\", \"url\": \"/ping\", \"headers\": {\"X-Trace\": \"endpoint\"}}"));
    call(tools, "ping", "{}");
    assertThat(api.last().header("X-Team")).isEqualTo("blue");
    assertThat(api.last().header("X-Trace")).isEqualTo("endpoint");
    assertThat(api.last().header("Authorization")).isNull();
  }

  @Test
  void authenticates_with_a_bearer_token() {
    call(open(local(", \"auth\": {\"type\": \"bearer\", \"token\": \"s3cret\"}",
        "{\"name\": \"ping\", \"url\": \"/ping\"}")), "ping", "{}");
    assertThat(api.last().header("Authorization")).isEqualTo("Bearer s3cret");
  }

  @Test
  void authenticates_with_basic_credentials() {
    call(open(local(", \"auth\": {\"type\": \"basic\", \"username\": \"ann\", \"password\": \"pa:ss\"}",
        "{\"name\": \"ping\", \"url\": \"/ping\"}")), "ping", "{}");
    assertThat(api.last().header("Authorization")).isEqualTo("Basic "
        + Base64.getEncoder().encodeToString("ann:pa:ss".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void authenticates_with_an_api_key_in_a_header_or_in_the_query() {
    call(open(local(", \"auth\": {\"type\": \"api_key\", \"token\": \"k1\", \"name\": \"X-API-Key\"}",
        "{\"name\": \"ping\", \"url\": \"/ping\"}")), "ping", "{}");
    assertThat(api.last().header("X-API-Key")).isEqualTo("k1");
    assertThat(api.last().rawQuery()).isNull();
    open.close();

    call(open(local(", \"auth\": {\"type\": \"api_key\", \"token\": \"k 2\", \"name\": \"key\", \"in\": \"query\"}",
        "{\"name\": \"ping\", \"url\": \"/ping\", \"query\": [\"q\"]}")), "ping", "{\"q\": \"x\"}");
    assertThat(api.last().rawQuery()).isEqualTo("q=x&key=k%202");
    assertThat(api.last().header("key")).isNull();
  }

  @Test
  void cuts_a_long_response_at_max_response_bytes_and_says_so() {
    ToolResult result = call(open(local(", \"max_response_bytes\": 100", "{\"name\": \"big\", \"url\": \"/big\"}")),
        "big", "{}");
    assertThat(result.outcome()).isEqualTo(ToolResult.Outcome.OK);
    assertThat(result.content()).startsWith("status: 200\n\n" + "a".repeat(100) + "\n[truncated: the body is longer"
        + " than 100 bytes");
    assertThat(result.content()).doesNotContain("a".repeat(101));
  }

  @Test
  void gives_up_after_timeout_seconds() {
    ToolResult result = call(open(local(", \"timeout_seconds\": 0.3", "{\"name\": \"slow\", \"url\": \"/slow\"}")),
        "slow", "{}");
    assertThat(result.outcome()).isEqualTo(ToolResult.Outcome.ERROR);
    assertThat(result.content()).isEqualTo("no response from 127.0.0.1 within 0.3s");
  }

  @Test
  void cancelling_the_run_stops_waiting_for_the_response() throws Exception {
    List<Tool> tools = open(local("", "{\"name\": \"slow\", \"url\": \"/slow\"}"));
    Cancellation cancellation = Cancellation.create();
    CompletableFuture<ToolResult> result = CompletableFuture.supplyAsync(
        () -> call(tools, "slow", "{}", cancellation), Executors.newVirtualThreadPerTaskExecutor());
    assertThat(Eventually.until(Duration.ofSeconds(10), () -> !api.requests.isEmpty())).isTrue();

    cancellation.cancel();

    ToolResult cancelled = result.get(10, TimeUnit.SECONDS);
    assertThat(cancelled.outcome()).isEqualTo(ToolResult.Outcome.ERROR);
    assertThat(cancelled.content()).isEqualTo("the request was cancelled");
  }

  @Test
  void an_error_status_is_an_error_result_with_the_status_and_the_body() {
    ToolResult result = call(open(local("", "{\"name\": \"missing\", \"url\": \"/missing\"}")), "missing", "{}");
    assertThat(result.outcome()).isEqualTo(ToolResult.Outcome.ERROR);
    assertThat(result.content()).isEqualTo("status: 404 (the request failed)\n\n{\"detail\": \"no such pet\"}");
  }

  @Test
  void refuses_a_private_address_unless_allowed() {
    List<Tool> tools = open("{\"endpoints\": [{\"name\": \"ping\", \"url\": \"BASE/ping\"}]}");
    ToolResult result = call(tools, "ping", "{}");
    assertThat(result.outcome()).isEqualTo(ToolResult.Outcome.ERROR);
    assertThat(result.content()).contains("'127.0.0.1'").contains("non-public address")
        .contains("allow_private_addresses: true");
    assertThat(api.requests).isEmpty();
  }

  @Test
  void refuses_a_redirect_to_another_host() {
    ToolResult result = call(open(local("", "{\"name\": \"out\", \"url\": \"/redirect-out\"}")), "out", "{}");
    assertThat(result.outcome()).isEqualTo(ToolResult.Outcome.ERROR);
    assertThat(result.content()).startsWith("host 'localhost' is not allowed; an http toolkit reaches only the hosts"
        + " of its declared URLs (allowed: 127.0.0.1)");
    assertThat(api.requests).as("the redirect was not followed").hasSize(1);
  }

  @Test
  void a_failed_request_shows_no_credential() throws Exception {
    int closed;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closed = socket.getLocalPort();
    }
    List<Tool> tools = open("{\"base_url\": \"http://127.0.0.1:" + closed + "\", \"allow_private_addresses\": true,"
        + " \"headers\": {\"X-Secret\": \"header-secret\"},"
        + " \"auth\": {\"type\": \"api_key\", \"token\": \"query-secret\", \"name\": \"key\", \"in\": \"query\"},"
        + " \"endpoints\": [{\"name\": \"ping\", \"url\": \"/ping\"}]}");

    ToolResult result = call(tools, "ping", "{}");

    assertThat(result.outcome()).isEqualTo(ToolResult.Outcome.ERROR);
    assertThat(result.content()).isEqualTo("could not connect to 127.0.0.1")
        .doesNotContain("query-secret").doesNotContain("header-secret");
  }

  @Test
  void a_missing_placeholder_argument_is_an_error_for_the_model() {
    ToolResult result = call(open(local("", "{\"name\": \"get_pet\", \"url\": \"/pets/{id}\"}")), "get_pet", "{}");
    assertThat(result.content()).isEqualTo("the argument 'id' is required: it fills {id} in the URL");
    assertThat(api.requests).isEmpty();
  }

  @Test
  void describes_the_functions_with_a_derived_or_declared_schema() {
    List<ToolDefinition> functions = describe("{\"base_url\": \"https://api.example.com/v1/\", \"endpoints\": ["
        + "{\"name\": \"get_pet\", \"description\": \"Finds a pet.\", \"url\": \"/pets/{id}\","
        + " \"query\": [\"fields\"]},"
        + "{\"name\": \"add_pet\", \"method\": \"post\", \"url\": \"https://other.example.com/pets\","
        + " \"parameters\": {\"type\": \"object\", \"properties\": {\"name\": {\"type\": \"string\"}}}}]}");

    assertThat(functions).extracting(ToolDefinition::name).containsExactly("get_pet", "add_pet");
    assertThat(functions.get(0).description()).isEqualTo("Finds a pet.");
    assertThat(functions.get(0).parameters()).isEqualTo(Json.MAPPER.readTree("""
        {"type": "object", "properties": {
          "id": {"type": "string", "description": "Fills {id} in the URL."},
          "fields": {"type": "string", "description": "Query parameter fields."}},
         "required": ["id"], "additionalProperties": false}"""));
    assertThat(functions.get(1).description()).isEqualTo("POST https://other.example.com/pets");
    assertThat(functions.get(1).parameters()).isEqualTo(Json.MAPPER.readTree(
        "{\"type\": \"object\", \"properties\": {\"name\": {\"type\": \"string\"}}}"));
  }

  @Test
  void bad_settings_are_refused_naming_the_field() {
    assertThatThrownBy(() -> describe("{\"endpoints\": [{\"name\": \"a\", \"url\": \"ftp://example.com/x\"}]}"))
        .isInstanceOf(ToolkitException.class)
        .hasMessage("endpoints[0].url 'ftp://example.com/x' is not an http or https URL");
    assertThatThrownBy(() -> describe("{\"endpoints\": [{\"name\": \"a\", \"url\": \"/x\"}]}"))
        .hasMessage("endpoints[0].url '/x' is relative, and the toolkit has no base_url");
    assertThatThrownBy(() -> describe(
        "{\"endpoints\": [{\"name\": \"a\", \"url\": \"https://{tenant}.example.com/\"}]}"))
        .hasMessageStartingWith("endpoints[0].url ").hasMessageContaining("placeholder in its host");
    assertThatThrownBy(() -> describe("{\"endpoints\": [{\"name\": \"a\", \"url\": \"https://a.com/pets/{id}\","
        + " \"parameters\": {\"type\": \"object\", \"properties\": {\"pet\": {\"type\": \"string\"}}}}]}"))
        .hasMessage("endpoints[0].url has the placeholder {id}, which parameters has no property 'id' for");
    assertThatThrownBy(() -> describe("{\"endpoints\": [{\"name\": \"a\", \"url\": \"https://a.com/\"},"
        + " {\"name\": \"a\", \"url\": \"https://a.com/b\"}]}"))
        .hasMessage("endpoints[1].name 'a' is used by another endpoint")
        .extracting(e -> ((ToolkitException) e).pointer()).isEqualTo("/endpoints/1/name");
    assertThatThrownBy(() -> describe("{\"base_url\": \"file:///etc\", \"endpoints\": [{\"name\": \"a\","
        + " \"url\": \"x\"}]}")).hasMessageStartingWith("base_url ");
    assertThatThrownBy(() -> describe("{\"auth\": {\"type\": \"api_key\", \"token\": \"hidden-value\"},"
        + " \"endpoints\": [{\"name\": \"a\", \"url\": \"https://a.com/\"}]}"))
        .hasMessageStartingWith("auth.name is required").hasMessageNotContaining("hidden-value");
    assertThatThrownBy(() -> describe("{\"auth\": {\"type\": \"basic\", \"username\": \"u\"},"
        + " \"endpoints\": [{\"name\": \"a\", \"url\": \"https://a.com/\"}]}"))
        .hasMessage("auth.password is required for type basic");
  }
}
