package dev.agentry.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Step-by-step reasoning over HTTP as Agent UI reads it ({@code agent-ui.md}): {@code extra_data.reasoning_steps} on
 * ReasoningStep (one step, appended), ReasoningCompleted and RunCompleted (all of them, replacing), and on the stored
 * run of {@code GET /sessions/{id}/runs}; Agno's own {@code reasoning_steps} beside them.
 */
class ReasoningApiTest {
  static final String THINKER = """
      apiVersion: agentry.dev/v1
      kind: Agent
      metadata: {name: thinker}
      spec:
        model: echo-model
        reasoning: true
        reasoning_model: steps-model
      ---
      apiVersion: agentry.dev/v1
      kind: Model
      metadata: {name: steps-model}
      spec:
        provider: scripted
        script:
          fallback: '{"reasoning_steps": [{"title": "Look", "next_action": "continue"},
            {"title": "Answer", "next_action": "final_answer", "confidence": 0.9}]}'
      """;

  @Test
  void agent_ui_finds_the_steps_in_the_stream_and_in_the_stored_run() {
    Map<String, String> specs = new HashMap<>(TestServer.SPECS);
    specs.put("thinker.yaml", THINKER);
    try (TestServer server = TestServer.start(specs)) {
      HttpResponse<String> response = server.postForm("/agents/thinker/runs",
          Map.of("message", "hello", "stream", "true", "session_id", ""));
      assertThat(response.statusCode()).isEqualTo(200);
      List<JsonNode> events = response.body().lines().filter(l -> l.startsWith("data: "))
          .map(l -> dev.agentry.server.http.Json.MAPPER.readTree(l.substring(6))).toList();
      List<String> names = events.stream().map(e -> e.path("event").asString()).toList();
      assertThat(names).containsSubsequence("RunStarted", "ReasoningStarted", "ReasoningStep", "ReasoningStep",
          "ReasoningCompleted", "RunContent", "RunCompleted");
      assertThat(names.indexOf("ReasoningCompleted")).isLessThan(names.indexOf("RunContent"));

      JsonNode step = events.get(names.indexOf("ReasoningStep"));
      assertThat(step.path("content_type").asString()).isEqualTo("ReasoningStep");
      assertThat(step.path("content").path("title").asString()).isEqualTo("Look");
      assertThat(step.path("extra_data").path("reasoning_steps")).singleElement()
          .satisfies(s -> assertThat(s.path("title").asString()).isEqualTo("Look"));
      JsonNode completed = events.get(names.indexOf("ReasoningCompleted"));
      assertThat(completed.path("extra_data").path("reasoning_steps")).hasSize(2);
      JsonNode content = events.get(names.indexOf("RunContent"));
      assertThat(content.path("extra_data").path("reasoning_steps")).hasSize(2);
      JsonNode done = events.getLast();
      assertThat(done.path("event").asString()).isEqualTo("RunCompleted");
      assertThat(done.path("content").asString()).isEqualTo("Hello from the echo agent.");
      assertThat(done.path("reasoning_steps").get(1).path("title").asString()).isEqualTo("Answer");
      assertThat(done.path("extra_data").path("reasoning_steps").get(1).path("confidence").asDouble())
          .isEqualTo(0.9);

      String sessionId = done.path("session_id").asString();
      JsonNode runs = TestServer.json(server.get("/sessions/" + sessionId + "/runs?type=agent"));
      assertThat(runs).singleElement().satisfies(run -> {
        assertThat(run.path("extra_data").path("reasoning_steps")).hasSize(2);
        assertThat(run.path("extra_data").path("reasoning_steps").get(0).path("title").asString())
            .isEqualTo("Look");
        assertThat(run.path("reasoning_steps")).hasSize(2);
        assertThat(run.path("reasoning_content").asString()).startsWith("## Look");
        assertThat(run.path("reasoning_messages").get(0).path("role").asString()).isEqualTo("assistant");
      });
    }
  }
}
