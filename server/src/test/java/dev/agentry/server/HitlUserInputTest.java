package dev.agentry.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeType;
import tools.jackson.databind.node.ObjectNode;

/**
 * Human in the loop with user input, over HTTP, on the example {@code specs/agents/hitl.yaml}: the run pauses
 * with the fields the user fills in, and {@code continue} with the filled-in values runs the call.
 */
class HitlUserInputTest {
  static TestServer server;

  @BeforeAll
  static void start() {
    Map<String, String> specs = new HashMap<>(TestServer.SPECS);
    try {
      specs.put("hitl.yaml", Files.readString(Path.of("../specs/agents/hitl.yaml")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server = TestServer.start(specs);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void booking_a_meeting_pauses_for_the_date_and_time_and_continues_with_them() {
    TestServer.Sse paused = server.stream("/agents/office-assistant/runs",
        Map.of("message", "book a meeting", "session_id", "book-1"));

    assertThat(paused.names()).endsWith("RunPaused").doesNotContain("ToolCallCompleted", "RunError");
    JsonNode event = paused.first("RunPaused").data();
    JsonNode call = event.path("tools").get(0);
    assertThat(call.path("tool_name").asString()).isEqualTo("book_meeting");
    assertThat(call.path("requires_user_input").getNodeType()).isEqualTo(JsonNodeType.BOOLEAN);
    assertThat(call.path("requires_user_input").booleanValue()).isTrue();
    assertThat(call.path("tool_call_error").isNull()).isTrue();
    assertThat(call.path("tool_args").path("title").asString()).isEqualTo("Demo meeting");
    assertSchema(call.path("user_input_schema"));
    assertSchema(event.path("requirements").get(0).path("user_input_schema"));
    assertThat(event.path("requirements").get(0).path("tool_execution").path("tool_call_id").asString())
        .isEqualTo(call.path("tool_call_id").asString());

    String runId = event.path("run_id").asString();
    ArrayNode tools = (ArrayNode) event.path("tools");
    fill(tools, Map.of("date", "2026-12-01", "time", "10:30"));
    TestServer.Sse continued = server.stream("/agents/office-assistant/runs/" + runId + "/continue",
        Map.of("tools", tools.toString(), "session_id", "book-1"));

    assertThat(continued.names()).startsWith("RunContinued").contains("ToolCallCompleted").endsWith("RunCompleted");
    JsonNode done = continued.first("ToolCallCompleted").data().path("tool");
    assertThat(done.path("tool_call_error").booleanValue()).isFalse();
    assertThat(done.path("tool_args").path("date").asString()).isEqualTo("2026-12-01");
    assertThat(done.path("tool_args").path("time").asString()).isEqualTo("10:30");
    assertThat(continued.first("RunCompleted").data().path("content").asString())
        .startsWith("(offline demo reply) Meeting handled: The user provided:")
        .contains("\"date\":\"2026-12-01\"").contains("\"time\":\"10:30\"").contains("\"title\":\"Demo meeting\"");
    JsonNode stored = TestServer.json(server.get("/agents/office-assistant/runs/" + runId + "?session_id=book-1"));
    assertThat(stored.path("status").asString()).isEqualTo("COMPLETED");
  }

  @Test
  void continue_without_a_field_the_user_fills_in_is_refused_and_the_run_stays_paused() {
    TestServer.Sse paused = server.stream("/agents/office-assistant/runs",
        Map.of("message", "book a meeting", "session_id", "book-2"));
    JsonNode event = paused.first("RunPaused").data();
    String runId = event.path("run_id").asString();
    ArrayNode tools = (ArrayNode) event.path("tools");
    fill(tools, Map.of("date", "2026-12-02"));

    HttpResponse<String> refused = server.postForm("/agents/office-assistant/runs/" + runId + "/continue",
        Map.of("tools", tools.toString(), "session_id", "book-2", "stream", "false"));

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(TestServer.json(refused).path("detail").asString()).contains("fill in the value of 'time'");
    JsonNode stored = TestServer.json(server.get("/agents/office-assistant/runs/" + runId + "?session_id=book-2"));
    assertThat(stored.path("status").asString()).isEqualTo("PAUSED");

    fill(tools, Map.of("time", "09:00"));
    HttpResponse<String> done = server.postForm("/agents/office-assistant/runs/" + runId + "/continue",
        Map.of("tools", tools.toString(), "session_id", "book-2", "stream", "false"));
    assertThat(done.statusCode()).isEqualTo(200);
    assertThat(TestServer.json(done).path("status").asString()).isEqualTo("COMPLETED");
    assertThat(TestServer.json(done).path("content").asString()).contains("\"time\":\"09:00\"");
  }

  /** Agno's {@code UserInputField} list: every parameter, the model's value given, the user's fields null. */
  private static void assertSchema(JsonNode schema) {
    assertThat(schema.isArray()).isTrue();
    List<String> names = schema.valueStream().map(f -> f.path("name").asString()).toList();
    assertThat(names).containsExactly("title", "date", "time");
    for (JsonNode field : schema) {
      assertThat(field.propertyNames()).containsExactlyInAnyOrder("name", "field_type", "description", "value");
      assertThat(field.path("field_type").asString()).isEqualTo("str");
    }
    assertThat(schema.get(0).path("value").asString()).isEqualTo("Demo meeting");
    assertThat(schema.get(1).path("value").isNull()).isTrue();
    assertThat(schema.get(1).path("description").isNull()).isTrue();
    assertThat(schema.get(2).path("value").isNull()).isTrue();
    assertThat(schema.get(2).path("description").asString()).isEqualTo("Start time, HH:MM.");
  }

  private static void fill(ArrayNode tools, Map<String, String> values) {
    for (JsonNode field : tools.get(0).path("user_input_schema")) {
      String value = values.get(field.path("name").asString());
      if (value != null) {
        ((ObjectNode) field).put("value", value);
      }
    }
  }
}
