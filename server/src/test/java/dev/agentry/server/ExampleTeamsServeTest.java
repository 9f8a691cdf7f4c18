package dev.agentry.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every team of the example set ({@code specs/}) runs offline over HTTP, streamed and not: a new example team is
 * covered by being listed. Its scripted leader must really delegate: the run ends with an answer (not a scripted
 * model's fallback) and at least one member ran.
 */
class ExampleTeamsServeTest {
  static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start(TestServer.examples(), s -> s.dbUrl("memory:"));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void every_example_team_answers_over_http_with_its_members_streamed_and_not() {
    List<String> teams = TestServer.json(server.get("/teams")).valueStream().map(t -> t.path("id").asString())
        .toList();
    assertThat(teams).contains("research-team", "help-desk", "review-panel", "article-planner", "editorial-board");
    for (String team : teams) {
      String message = "Research the history of the tides and write it up.";
      HttpResponse<String> response = server.postForm("/teams/" + team + "/runs",
          Map.of("message", message, "stream", "false"));
      assertThat(response.statusCode()).as(team + ": " + response.body()).isEqualTo(200);
      JsonNode run = TestServer.json(response);
      assertThat(run.path("status").asString()).as(team + ": " + run.path("content")).isEqualTo("COMPLETED");
      assertThat(run.path("content").asString()).as(team).isNotBlank().doesNotContain("No scripted reply matched");
      assertThat(run.path("member_responses").size()).as(team + " ran a member").isPositive();

      TestServer.Sse sse = server.stream("/teams/" + team + "/runs", Map.of("message", message));
      assertThat(sse.names()).as(team).startsWith("TeamRunStarted").contains("RunStarted")
          .endsWith("TeamRunCompleted");
    }
  }
}
