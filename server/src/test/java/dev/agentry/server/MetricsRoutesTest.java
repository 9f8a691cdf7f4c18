package dev.agentry.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The metrics routes ({@code agentos-api.md} §2.11), each test on a fresh server and database. */
class MetricsRoutesTest {
  TestServer server;

  @BeforeEach
  void start() {
    server = TestServer.start(TestServer.SPECS);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /** Runs the echo agent and returns the UTC day the run was stored on. */
  private LocalDate run(String sessionId, String userId) {
    HttpResponse<String> response = server.postForm("/agents/echo/runs",
        Map.of("message", "hi", "stream", "false", "session_id", sessionId, "user_id", userId));
    assertThat(response.statusCode()).isEqualTo(200);
    long createdAt = TestServer.json(response).path("created_at").asLong();
    return LocalDate.ofInstant(Instant.ofEpochSecond(createdAt), ZoneOffset.UTC);
  }

  private HttpResponse<String> refresh(String query) {
    return server.send("POST", "/metrics/refresh" + query, HttpRequest.BodyPublishers.noBody(), null);
  }

  @Test
  void nothing_computed_yet_is_an_empty_list_with_a_null_updated_at() {
    HttpResponse<String> response = server.get("/metrics");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{\"metrics\":[],\"updated_at\":null}");
  }

  @Test
  void refresh_aggregates_the_stored_runs_of_each_day() {
    LocalDate day = run("m-1", "alice");
    run("m-1", "alice");
    run("m-2", "bob");

    HttpResponse<String> response = refresh("");
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode days = TestServer.json(response);
    assertThat(days.isArray()).isTrue();
    JsonNode metrics = days.get(days.size() - 1);
    assertThat(metrics.path("id").asString()).isEqualTo(day + "_daily");
    assertThat(metrics.path("date").asString()).isEqualTo(day + "T00:00:00Z");
    assertThat(metrics.path("agent_runs_count").asInt()).isEqualTo(3);
    assertThat(metrics.path("agent_sessions_count").asInt()).isEqualTo(2);
    assertThat(metrics.path("users_count").asInt()).isEqualTo(2);
    assertThat(metrics.path("team_runs_count").asInt()).isZero();
    assertThat(metrics.path("token_metrics").propertyNames()).contains("input_tokens", "output_tokens",
        "total_tokens", "audio_total_tokens", "audio_input_tokens", "audio_output_tokens", "cache_read_tokens",
        "cache_write_tokens", "reasoning_tokens");
    assertThat(metrics.path("token_metrics").path("total_tokens").asLong()).isPositive();
    assertThat(metrics.path("model_metrics").get(0).path("model_id").asString()).isEqualTo("echo-model");
    assertThat(metrics.path("model_metrics").get(0).path("count").asInt()).isEqualTo(3);
    assertThat(metrics.path("created_at").asString()).endsWith("Z");

    JsonNode listed = TestServer.json(server.get("/metrics?starting_date=" + day + "&ending_date=" + day));
    assertThat(listed.path("metrics")).hasSize(1);
    assertThat(listed.path("metrics").get(0)).isEqualTo(metrics);
    assertThat(listed.path("updated_at").asString()).isEqualTo(metrics.path("updated_at").asString());
    assertThat(TestServer.json(server.get("/metrics?starting_date=" + day.plusDays(1))).path("metrics")).isEmpty();
  }

  @Test
  void refresh_with_no_runs_computes_today_with_zero_counts() {
    JsonNode days = TestServer.json(refresh(""));
    assertThat(days).hasSize(1);
    assertThat(days.get(0).path("agent_runs_count").asInt()).isZero();
    assertThat(days.get(0).path("model_metrics")).isEmpty();
  }

  @Test
  void a_background_refresh_answers_202_and_its_result_shows_in_get() {
    LocalDate day = run("bg-1", "carol");

    HttpResponse<String> response = refresh("?background=true");
    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(response.body())
        .isEqualTo("{\"status\":\"started\",\"message\":\"Metrics refresh started in background\"}");

    Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
    JsonNode metrics = TestServer.json(server.get("/metrics")).path("metrics");
    while (metrics.isEmpty() && Instant.now().isBefore(deadline)) {
      LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
      metrics = TestServer.json(server.get("/metrics")).path("metrics");
    }
    assertThat(metrics).hasSize(1);
    assertThat(metrics.get(0).path("id").asString()).isEqualTo(day + "_daily");
    assertThat(metrics.get(0).path("agent_runs_count").asInt()).isEqualTo(1);
  }

  @Test
  void refresh_status_is_idle_until_a_refresh_then_says_how_the_latest_ended() {
    assertThat(server.get("/metrics/refresh/status").body())
        .isEqualTo("{\"status\":\"idle\",\"started_at\":null,\"finished_at\":null,\"error\":null}");

    assertThat(refresh("").statusCode()).isEqualTo(200);
    JsonNode done = TestServer.json(server.get("/metrics/refresh/status"));
    assertThat(done.propertyNames()).containsExactly("status", "started_at", "finished_at", "error");
    assertThat(done.path("status").asString()).isEqualTo("completed");
    Instant started = Instant.parse(done.path("started_at").asString());
    Instant finished = Instant.parse(done.path("finished_at").asString());
    assertThat(finished).isAfterOrEqualTo(started);
    assertThat(done.path("error").isNull()).isTrue();

    assertThat(refresh("?background=true").statusCode()).isEqualTo(202);
    Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
    JsonNode status = TestServer.json(server.get("/metrics/refresh/status"));
    while ((!status.path("status").asString().equals("completed")
        || status.path("started_at").asString().equals(done.path("started_at").asString()))
        && Instant.now().isBefore(deadline)) {
      assertThat(status.path("status").asString()).isIn("running", "completed");
      LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
      status = TestServer.json(server.get("/metrics/refresh/status"));
    }
    assertThat(status.path("status").asString()).isEqualTo("completed");
    assertThat(Instant.parse(status.path("started_at").asString())).as("the background refresh's own start")
        .isAfterOrEqualTo(finished);
    assertThat(server.get("/metrics/refresh/status?db_id=other").statusCode()).isEqualTo(404);
  }

  @Test
  void bad_dates_and_flags_are_422s_and_an_unknown_database_a_404() {
    HttpResponse<String> badDate = server.get("/metrics?starting_date=2024-13-01");
    assertThat(badDate.statusCode()).isEqualTo(422);
    JsonNode error = TestServer.json(badDate).path("detail").get(0);
    assertThat(error.path("loc").toString()).isEqualTo("[\"query\",\"starting_date\"]");
    assertThat(server.get("/metrics?ending_date=yesterday").statusCode()).isEqualTo(422);
    assertThat(refresh("?background=maybe").statusCode()).isEqualTo(422);
    assertThat(server.get("/metrics?db_id=other").body())
        .isEqualTo("{\"detail\":\"No database found with id 'other'\"}");
  }
}
