package dev.agentry.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The summary that enable_session_summaries writes is served by the session routes as {@code session_summary}. */
class SessionSummaryRouteTest {
  private static final Map<String, String> SPECS = Map.of("agents.yaml", """
      apiVersion: agentry.dev/v1
      kind: Agent
      metadata: {name: noted}
      spec:
        model: talk
        enable_session_summaries: true
        session_summary_manager: {model: writer}
      ---
      apiVersion: agentry.dev/v1
      kind: Model
      metadata: {name: talk}
      spec:
        provider: scripted
        script: {fallback: 'ok: {input}'}
      ---
      apiVersion: agentry.dev/v1
      kind: Model
      metadata: {name: writer}
      spec:
        provider: scripted
        script:
          turns:
            - content: '{"summary": "The user said hello.", "topics": ["greeting"]}'
      """);

  @Test
  void the_session_detail_and_list_serve_the_summary() {
    String session = "sum-" + java.util.UUID.randomUUID();
    try (TestServer server = TestServer.start(SPECS)) {
      HttpResponse<String> run = server.postForm("/agents/noted/runs",
          Map.of("message", "hello", "stream", "false", "session_id", session, "user_id", "ada"));
      assertThat(run.statusCode()).isEqualTo(200);

      HttpResponse<String> got = server.get("/sessions/" + session + "?type=agent");
      assertThat(got.statusCode()).as(got.body() + " / " + run.body()).isEqualTo(200);
      JsonNode detail = TestServer.json(got);
      assertThat(detail.has("session_summary")).as(got.body()).isTrue();
      JsonNode summary = detail.path("session_summary");
      assertThat(summary.path("summary").asString()).isEqualTo("The user said hello.");
      assertThat(summary.path("topics").get(0).asString()).isEqualTo("greeting");
      assertThat(summary.path("updated_at").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*");
      JsonNode listed = TestServer.json(server.get("/sessions?type=agent")).path("data").get(0);
      assertThat(listed.path("session_id").asString()).isEqualTo(session);
      assertThat(listed.path("session_summary").path("summary").asString()).isEqualTo("The user said hello.");
    }
  }
}
