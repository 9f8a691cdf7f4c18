package dev.agentry.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The run as Agno's clients read it, field by field against {@link AgnoShapes} (names, JSON types, nesting): a
 * non-streamed run with a tool call, a run paused for confirmation (the {@code specs/agents/hitl.yaml} example), the
 * same run continued, and the stored runs read back through the agent and session routes. Ids and times are checked
 * by pattern.
 */
class RunOutputShapeTest {
  private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  private static final Pattern ISO_TIME = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z");
  /** Agentry's own additions, which Agno's {@code from_dict} and pydantic models drop. */
  private static final Set<String> RUN_OUTPUT_EXTRAS = Set.of("spec_version");
  private static final Set<String> RUN_SCHEMA_EXTRAS = Set.of("session_id", "metadata", "spec_version",
      "instance_id");

  static TestServer server;
  static long startedAt;

  @BeforeAll
  static void start() {
    startedAt = Instant.now().getEpochSecond();
    server = TestServer.start(Map.of(
        "calc.yaml", """
            apiVersion: agentry.dev/v1
            kind: Agent
            metadata: {name: calc}
            spec:
              name: Calc
              description: Adds numbers.
              model: calc-model
              tools:
                - builtin: calculator
                  include_tools: [add]
              store_events: true
            ---
            apiVersion: agentry.dev/v1
            kind: Model
            metadata: {name: calc-model}
            spec:
              provider: scripted
              script:
                rules:
                  - when: '(?i)add'
                    tool_calls: [{name: add, arguments: {a: 2, b: 3}}]
                    content: "The sum is {tool_result}."
                fallback: "Nothing to add."
            """,
        "hitl.yaml", example("agents/hitl.yaml"),
        "os.yaml", """
            apiVersion: agentry.dev/v1
            kind: AgentOS
            metadata: {name: shapes-os}
            spec:
              db: local-db
            ---
            apiVersion: agentry.dev/v1
            kind: Database
            metadata: {name: local-db}
            spec:
              url: "memory:"
            """));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void a_non_streamed_run_with_a_tool_call_is_agnos_run_output() {
    JsonNode run = ok(server.postForm("/agents/calc/runs",
        Map.of("message", "please add", "stream", "false", "session_id", "shape-1", "user_id", "ada")));

    assertThat(AgnoShapes.RUN_OUTPUT.check(run, "$", RUN_OUTPUT_EXTRAS)).isEmpty();
    assertIdsAndTimes(run);
    assertThat(run.path("status").asString()).isEqualTo("COMPLETED");
    assertThat(run.path("user_id").asString()).isEqualTo("ada");
    assertThat(run.path("input").path("input_content").asString()).isEqualTo("please add");
    assertThat(run.path("content").asString()).startsWith("The sum is ");
    assertThat(roles(run)).endsWith("user", "assistant", "tool", "assistant");

    JsonNode call = messages(run, "assistant").getFirst().path("tool_calls").path(0);
    assertThat(call.path("type").asString()).isEqualTo("function");
    assertThat(call.path("function").path("name").asString()).isEqualTo("add");
    assertThat(TestServer.JSON.readTree(call.path("function").path("arguments").asString()))
        .isEqualTo(TestServer.JSON.readTree("{\"a\": 2, \"b\": 3}"));
    JsonNode result = messages(run, "tool").getFirst();
    assertThat(result.path("tool_call_id").asString()).isEqualTo(call.path("id").asString());
    assertThat(result.path("tool_name").asString()).isEqualTo("add");
    assertThat(result.path("tool_call_error").asBoolean(true)).isFalse();
    assertThat(result.path("tool_args").path("b").asInt()).isEqualTo(3);
    assertThat(messages(run, "assistant").getFirst().path("metrics").path("total_tokens").asLong()).isPositive();

    JsonNode tool = run.path("tools").path(0);
    assertThat(tool.path("tool_call_id").asString()).isEqualTo(call.path("id").asString());
    assertThat(tool.path("tool_args").path("a").asInt()).isEqualTo(2);
    assertThat(tool.path("tool_call_error").asBoolean(true)).isFalse();

    JsonNode model = run.path("metrics").path("details").path("model").path(0);
    assertThat(model.path("id").asString()).isEqualTo(run.path("model").asString());
    assertThat(model.path("provider").asString()).isEqualTo(run.path("model_provider").asString());
    assertThat(model.path("total_tokens").asLong()).isEqualTo(run.path("metrics").path("total_tokens").asLong())
        .isPositive();
    assertThat(run.path("events")).extracting(e -> e.path("event").asString())
        .startsWith("RunStarted").contains("ToolCallCompleted").endsWith("RunCompleted");
    assertThat(run.has("requirements")).as("only a paused run has requirements").isFalse();
  }

  @Test
  void a_paused_run_lists_its_tools_and_requirements_and_continues_to_a_completed_run() {
    JsonNode paused = ok(server.postForm("/agents/office-assistant/runs",
        Map.of("message", "send an email to Ada", "stream", "false", "session_id", "shape-hitl")));

    assertThat(AgnoShapes.RUN_OUTPUT.check(paused, "$", RUN_OUTPUT_EXTRAS)).isEmpty();
    assertIdsAndTimes(paused);
    assertThat(paused.path("status").asString()).isEqualTo("PAUSED");
    JsonNode tool = paused.path("tools").path(0);
    assertThat(tool.path("tool_name").asString()).isEqualTo("send_email");
    assertThat(tool.path("requires_confirmation").asBoolean()).isTrue();
    assertThat(tool.path("confirmed").isNull()).isTrue();
    assertThat(tool.path("result").isNull()).isTrue();
    JsonNode requirement = paused.path("requirements").path(0);
    assertThat(paused.path("requirements")).hasSize(1);
    assertThat(requirement.path("tool_execution")).isEqualTo(tool);
    assertThat(requirement.path("created_at").asString()).matches(ISO_TIME);
    assertThat(messages(paused, "assistant").getLast().path("tool_calls").path(0).path("function").path("name")
        .asString()).isEqualTo("send_email");

    String runId = paused.path("run_id").asString();
    String answer = "[" + tool.toString().replace("\"confirmed\":null", "\"confirmed\":true") + "]";
    JsonNode continued = ok(server.postForm("/agents/office-assistant/runs/" + runId + "/continue",
        Map.of("tools", answer, "session_id", "shape-hitl", "stream", "false")));

    assertThat(AgnoShapes.RUN_OUTPUT.check(continued, "$", RUN_OUTPUT_EXTRAS)).isEmpty();
    assertIdsAndTimes(continued);
    assertThat(continued.path("run_id").asString()).isEqualTo(runId);
    assertThat(continued.path("status").asString()).isEqualTo("COMPLETED");
    assertThat(continued.has("requirements")).isFalse();
    assertThat(continued.path("tools").path(0).path("confirmed").asBoolean()).isTrue();
    assertThat(continued.path("tools").path(0).path("result").isString()).isTrue();
    assertThat(messages(continued, "tool").getFirst().path("tool_call_error").isBoolean()).isTrue();
    assertThat(roles(continued)).endsWith("assistant", "tool", "assistant");
    assertThat(ids(continued)).as("the paused part keeps its message ids").startsWith(ids(paused).toArray(String[]::new));
  }

  @Test
  void a_stored_run_reads_back_in_the_same_shapes_through_the_agent_and_session_routes() {
    JsonNode made = ok(server.postForm("/agents/calc/runs",
        Map.of("message", "add them", "stream", "false", "session_id", "shape-stored", "user_id", "ada")));
    String runId = made.path("run_id").asString();

    JsonNode polled = ok(server.get("/agents/calc/runs/" + runId + "?session_id=shape-stored"));
    assertThat(AgnoShapes.RUN_OUTPUT.check(polled, "$", RUN_OUTPUT_EXTRAS)).isEmpty();
    assertThat(polled.path("messages")).isEqualTo(made.path("messages"));
    assertThat(polled.path("tools")).isEqualTo(made.path("tools"));

    JsonNode listed = ok(server.get("/sessions/shape-stored/runs"));
    assertThat(listed).hasSize(1);
    JsonNode one = ok(server.get("/sessions/shape-stored/runs/" + runId));
    for (JsonNode schema : List.of(listed.path(0), one)) {
      assertThat(AgnoShapes.RUN_SCHEMA.check(schema, "$", RUN_SCHEMA_EXTRAS)).isEmpty();
      assertThat(schema.path("run_id").asString()).isEqualTo(runId);
      assertThat(schema.path("created_at").asString()).matches(ISO_TIME);
      assertThat(schema.path("run_input").asString()).isEqualTo("add them");
      assertThat(schema.path("run_response_format").asString()).isEqualTo("text");
      assertThat(schema.path("messages")).isEqualTo(made.path("messages"));
      assertThat(schema.path("events")).isEqualTo(made.path("events"));
    }

    JsonNode history = ok(server.get("/sessions/shape-stored")).path("chat_history");
    assertThat(history).isNotEmpty().allSatisfy(m ->
        assertThat(AgnoShapes.MESSAGE.check(m, "$.chat_history[]", Set.of())).isEmpty());
    assertThat(history).extracting(m -> m.path("role").asString())
        .as("Agno's chat history: user and assistant messages").containsExactly("user", "assistant", "assistant");
    assertThat(history).extracting(m -> m.path("id").asString())
        .isSubsetOf(ids(made)).doesNotHaveDuplicates();
  }

  /** Run, message and tool ids are UUIDs or provider ids; times are epoch seconds of this test's run. */
  private static void assertIdsAndTimes(JsonNode run) {
    long now = Instant.now().getEpochSecond();
    assertThat(run.path("run_id").asString()).matches(UUID);
    assertThat(run.path("created_at").asLong()).isBetween(startedAt - 5, now + 5);
    assertThat(ids(run)).allMatch(id -> UUID.matcher(id).matches()).doesNotHaveDuplicates();
    assertThat(run.path("messages")).allSatisfy(m ->
        assertThat(m.path("created_at").asLong()).isBetween(startedAt - 5, now + 5));
    assertThat(run.path("tools")).allSatisfy(t -> {
      assertThat(t.path("tool_call_id").asString()).isNotBlank();
      assertThat(t.path("created_at").asLong()).isBetween(startedAt - 5, now + 5);
    });
  }

  private static List<String> ids(JsonNode run) {
    return stream(run.path("messages")).map(m -> m.path("id").asString()).toList();
  }

  private static List<String> roles(JsonNode run) {
    return stream(run.path("messages")).map(m -> m.path("role").asString()).toList();
  }

  private static List<JsonNode> messages(JsonNode run, String role) {
    return stream(run.path("messages")).filter(m -> m.path("role").asString().equals(role)).toList();
  }

  private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false);
  }

  private static JsonNode ok(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return TestServer.json(response);
  }

  /** An example spec of the repository's {@code specs/} folder, as a user would serve it. */
  private static String example(String name) {
    try {
      return Files.readString(Path.of("..", "specs", name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
