package dev.agentry.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class AgentRunsTest {
  static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start(TestServer.SPECS);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void streamed_run_is_framed_as_the_contract_says_and_ends_with_the_full_text() {
    TestServer.Sse sse = server.stream("/agents/echo/runs", Map.of("message", "please add", "stream", "true"));
    assertThat(sse.status()).isEqualTo(200);
    assertThat(sse.contentType()).startsWith("text/event-stream");
    assertThat(sse.names()).startsWith("RunStarted").contains("ToolCallStarted", "ToolCallCompleted", "RunContent")
        .endsWith("RunCompleted");
    assertThat(sse.first("RunCompleted").data().path("content").asString()).isEqualTo("The sum is {\"operation\": \"addition\", \"result\": 5}.");
    assertThat(sse.raw()).doesNotContain("event_index");
  }

  @Test
  void non_streamed_run_returns_the_run_output() {
    HttpResponse<String> response = server.postForm("/agents/echo/runs", Map.of("message", "hi", "stream", "false"));
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode run = TestServer.json(response);
    assertThat(run.path("status").asString()).isEqualTo("COMPLETED");
    assertThat(run.path("content").asString()).isEqualTo("Hello from the echo agent.");
    assertThat(run.path("agent_id").asString()).isEqualTo("echo");
  }

  @Test
  void missing_message_is_a_422_in_fastapi_shape() {
    HttpResponse<String> response = server.postForm("/agents/echo/runs", Map.of("stream", "false"));
    assertThat(response.statusCode()).isEqualTo(422);
    JsonNode detail = TestServer.json(response).path("detail").get(0);
    assertThat(detail.path("type").asString()).isEqualTo("missing");
    assertThat(detail.path("loc").toString()).isEqualTo("[\"body\",\"message\"]");
  }

  @Test
  void unknown_agent_is_404_agent_not_found() {
    HttpResponse<String> response = server.postForm("/agents/nope/runs", Map.of("message", "hi"));
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).isEqualTo("{\"detail\":\"Agent not found\"}");
  }
}
