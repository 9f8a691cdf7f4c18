package dev.agentry.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Event streams are streamed: each event reaches the client when the run emits it, not at the end (STYLE §42). The
 * scripted models pause between chunks, and the tests assert on when events arrive, with lower bounds only (a busy
 * machine can only spread arrivals further apart, never bunch up events a server really flushed).
 */
class StreamingTest {
  /** The pause between two chunks of the paced models. */
  static final long DELAY_MS = 250;
  /** The chunks of {@code paced}'s answer. */
  static final int CHUNKS = 8;
  /** The pause between two chunks of {@code long}'s answer, and its number of chunks. */
  static final long LONG_DELAY_MS = 100;
  static final int LONG_CHUNKS = 40;

  static final String SPECS = """
      apiVersion: agentry.dev/v1
      kind: Agent
      metadata: {name: paced}
      spec:
        model: paced-model
      ---
      apiVersion: agentry.dev/v1
      kind: Model
      metadata: {name: paced-model}
      spec:
        provider: scripted
        script:
          chunk_size: 5
          chunk_delay_ms: %d
          fallback: "%s"
      ---
      apiVersion: agentry.dev/v1
      kind: Agent
      metadata: {name: long}
      spec:
        model: long-model
      ---
      apiVersion: agentry.dev/v1
      kind: Model
      metadata: {name: long-model}
      spec:
        provider: scripted
        script:
          chunk_size: 2
          chunk_delay_ms: %d
          fallback: "%s"
      ---
      apiVersion: agentry.dev/v1
      kind: Team
      metadata: {name: paced-team}
      spec:
        model: paced-leader
        members: [{agent: paced}]
      ---
      apiVersion: agentry.dev/v1
      kind: Model
      metadata: {name: paced-leader}
      spec:
        provider: scripted
        script:
          chunk_size: 5
          chunk_delay_ms: %d
          turns:
            - tool_calls: [{name: delegate_task_to_member, arguments: {member_id: paced, task: "hi"}}]
            - content: "%s"
      """.formatted(DELAY_MS, "x".repeat(5 * CHUNKS), LONG_DELAY_MS, "y".repeat(2 * LONG_CHUNKS), DELAY_MS,
      "t".repeat(5 * CHUNKS));

  static TestServer server;

  @BeforeAll
  static void start() {
    Map<String, String> specs = new HashMap<>(TestServer.SPECS);
    specs.put("paced.yaml", SPECS);
    server = TestServer.start(specs);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void a_streamed_run_delivers_each_event_when_it_is_emitted_not_at_the_end() {
    try (TimedSse sse = TimedSse.post(server, "/agents/paced/runs", Map.of("message", "hi", "stream", "true"))) {
      assertStreamHeaders(sse);
      List<TimedSse.Arrival> events = sse.rest();
      assertThat(sse.names()).startsWith("RunStarted").endsWith("RunCompleted");
      List<TimedSse.Arrival> content = named(events, "RunContent");
      assertThat(content).hasSize(CHUNKS);

      long run = (CHUNKS - 1) * DELAY_MS;
      assertThat(events.getLast().millis() - events.getFirst().millis())
          .as("RunStarted arrives well before RunCompleted: arrival times %s", times(events))
          .isGreaterThanOrEqualTo(run * 6 / 10);
      assertThat(content.getLast().millis() - content.getFirst().millis())
          .as("the content events arrive spread over the run: %s", times(content))
          .isGreaterThanOrEqualTo(run / 2);
      assertThat(gapsOfAtLeast(content, DELAY_MS / 2))
          .as("most content events arrive on their own, a chunk delay after the one before: %s", times(content))
          .isGreaterThanOrEqualTo((CHUNKS - 1) / 2);
    }
  }

  @Test
  void a_streamed_team_run_delivers_its_members_and_its_own_events_as_they_happen() {
    try (TimedSse sse = TimedSse.post(server, "/teams/paced-team/runs", Map.of("message", "hi"))) {
      assertStreamHeaders(sse);
      List<TimedSse.Arrival> events = sse.rest();
      assertThat(sse.names()).startsWith("TeamRunStarted").endsWith("TeamRunCompleted");
      List<TimedSse.Arrival> member = named(events, "RunContent");
      List<TimedSse.Arrival> leader = named(events, "TeamRunContent");
      assertThat(member).hasSize(CHUNKS);
      assertThat(leader).hasSize(CHUNKS);

      long run = (CHUNKS - 1) * DELAY_MS;
      assertThat(member.getFirst().millis() - events.getFirst().millis())
          .as("the member streams after the team started, not with its end: %s", times(events))
          .isLessThan(events.getLast().millis() - events.getFirst().millis() - run);
      assertThat(gapsOfAtLeast(member, DELAY_MS / 2))
          .as("the member's content events arrive on their own: %s", times(member))
          .isGreaterThanOrEqualTo((CHUNKS - 1) / 2);
      assertThat(gapsOfAtLeast(leader, DELAY_MS / 2))
          .as("the leader's content events arrive on their own: %s", times(leader))
          .isGreaterThanOrEqualTo((CHUNKS - 1) / 2);
      assertThat(leader.getFirst().millis() - member.getLast().millis())
          .as("the leader answers after its member: %s", times(events)).isNotNegative();
    }
  }

  @Test
  void a_cancel_sent_from_inside_the_stream_ends_it_with_run_cancelled() {
    try (TimedSse sse = TimedSse.post(server, "/agents/long/runs", Map.of("message", "go", "session_id",
        "stream-cancel"))) {
      String runId = sse.until("RunStarted").data().path("run_id").asString();
      sse.until("RunContent");

      HttpResponse<String> cancel = server.postForm("/agents/long/runs/" + runId + "/cancel", Map.of());
      assertThat(cancel.statusCode()).isEqualTo(200);

      sse.rest();
      assertThat(sse.names()).endsWith("RunCancelled").doesNotContain("RunCompleted", "RunError");
      assertThat(named(sse.seen(), "RunContent")).as("the run stopped before its answer was whole")
          .hasSizeLessThan(LONG_CHUNKS);
      JsonNode stored = TestServer.json(server.get("/sessions/stream-cancel/runs/" + runId));
      assertThat(stored.path("status").asString()).isEqualTo("CANCELLED");
    }
  }

  @Test
  void resume_of_a_running_background_run_delivers_live_events_as_they_happen() {
    String runId;
    long last;
    try (TimedSse first = TimedSse.post(server, "/agents/long/runs", Map.of("message", "go", "background", "true",
        "session_id", "stream-resume"))) {
      runId = first.until("RunStarted").data().path("run_id").asString();
      last = first.until("RunContent").data().path("event_index").asLong();
    } // the client drops the connection; a background run goes on

    try (TimedSse sse = TimedSse.post(server, "/agents/long/runs/" + runId + "/resume",
        Map.of("session_id", "stream-resume", "last_event_index", Long.toString(last)))) {
      assertStreamHeaders(sse);
      TimedSse.Arrival subscribed = sse.until("subscribed");
      List<TimedSse.Arrival> live = sse.rest();
      assertThat(sse.names()).endsWith("RunCompleted");
      List<TimedSse.Arrival> content = named(live, "RunContent");
      assertThat(content).as("most of the answer is still to come when the client subscribes")
          .hasSizeGreaterThanOrEqualTo(LONG_CHUNKS / 4);

      long run = (content.size() - 1) * LONG_DELAY_MS;
      assertThat(live.getLast().millis() - subscribed.millis())
          .as("subscribed arrives well before RunCompleted: %s", times(sse.seen()))
          .isGreaterThanOrEqualTo(run / 2);
      assertThat(content.getLast().millis() - content.getFirst().millis())
          .as("live content events arrive spread over the run: %s", times(content))
          .isGreaterThanOrEqualTo(run / 2);
      List<Long> indices = sse.seen().stream().filter(a -> a.data().has("event_index"))
          .map(a -> a.data().path("event_index").asLong()).toList();
      assertThat(indices.getFirst()).as("the stream goes on after the last event the client saw").isEqualTo(last + 1);
      for (int i = 1; i < indices.size(); i++) {
        assertThat(indices.get(i)).as("event_index counts up by one").isEqualTo(indices.get(i - 1) + 1);
      }
    }
  }

  /** What every event stream sends: no length, no compression, chunked, not cached, not buffered by proxies. */
  private static void assertStreamHeaders(TimedSse sse) {
    assertThat(sse.status()).isEqualTo(200);
    assertThat(sse.headers())
        .containsEntry("content-type", "text/event-stream; charset=utf-8")
        .containsEntry("cache-control", "no-cache")
        .containsEntry("x-accel-buffering", "no")
        .containsEntry("transfer-encoding", "chunked")
        .doesNotContainKeys("content-length", "content-encoding");
  }

  private static List<TimedSse.Arrival> named(List<TimedSse.Arrival> events, String name) {
    return events.stream().filter(a -> a.name().equals(name)).toList();
  }

  private static int gapsOfAtLeast(List<TimedSse.Arrival> events, long millis) {
    int gaps = 0;
    for (int i = 1; i < events.size(); i++) {
      if (events.get(i).millis() - events.get(i - 1).millis() >= millis) {
        gaps++;
      }
    }
    return gaps;
  }

  private static List<String> times(List<TimedSse.Arrival> events) {
    return events.stream().map(a -> a.name() + "@" + a.millis()).toList();
  }
}
