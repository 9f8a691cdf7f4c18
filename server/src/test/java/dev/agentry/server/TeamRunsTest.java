package dev.agentry.server;

import static dev.agentry.server.Await.awaitTrue;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A team's run routes over HTTP ({@code agentos-api.md} §2.3): the non-streamed {@code TeamRunOutput} field by field
 * against Agno's shape, the streamed events in the contract's order with the team's and the members' envelopes,
 * background runs polled and resumed, listing, cancel reaching the member, and a member's confirmation answered
 * through the team's {@code requirements}.
 */
class TeamRunsTest {
  static final Set<String> EXTRAS = Set.of("spec_version");

  static final String TEAM = """
      apiVersion: agentry.dev/v1
      kind: Team
      metadata: {name: desk}
      spec:
        name: Desk
        model: desk-model
        members: [{agent: echo}, {agent: mailer}, {agent: sleeper}]
      ---
      apiVersion: agentry.dev/v1
      kind: Model
      metadata: {name: desk-model}
      spec:
        provider: scripted
        script:
          chunk_size: 4
          rules:
            - when: 'add'
              content: "Desk: {tool_result}"
              tool_calls: [{name: delegate_task_to_member, arguments: {member_id: echo, task: "please add 2 and 3"}}]
            - when: 'mail'
              content: "Desk: {tool_result}"
              tool_calls: [{name: delegate_task_to_member, arguments: {member_id: mailer, task: "send the mail"}}]
            - when: 'sleep'
              content: "Desk: {tool_result}"
              tool_calls: [{name: delegate_task_to_member, arguments: {member_id: sleeper, task: "sleep"}}]
          fallback: "Desk has nothing to do."
      ---
      apiVersion: agentry.dev/v1
      kind: Agent
      metadata: {name: sleeper}
      spec:
        name: Sleeper
        model: sleeper-model
      ---
      apiVersion: agentry.dev/v1
      kind: Model
      metadata: {name: sleeper-model}
      spec:
        provider: scripted
        script:
          chunk_size: 1
          chunk_delay_ms: 100
          fallback: "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"
      """;

  static TestServer server;

  @BeforeAll
  static void start() {
    Map<String, String> specs = new HashMap<>(TestServer.SPECS);
    specs.put("team.yaml", TEAM);
    specs.put("mailer.yaml", ContinueRunTest.MAILER); // the mailer whose e-mail needs a confirmation
    server = TestServer.start(specs);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void a_non_streamed_team_run_is_agnos_team_run_output_with_its_members_run() {
    JsonNode run = ok(server.postForm("/teams/desk/runs",
        Map.of("message", "please add", "stream", "false", "session_id", "team-json-1", "user_id", "ada")));

    assertThat(AgnoShapes.TEAM_RUN_OUTPUT.check(run, "$", EXTRAS)).isEmpty();
    assertThat(run.path("team_id").asString()).isEqualTo("desk");
    assertThat(run.path("team_name").asString()).isEqualTo("Desk");
    assertThat(run.has("agent_id")).isFalse();
    assertThat(run.path("content").asString()).isEqualTo("Desk: The sum is {\"operation\": \"addition\", "
        + "\"result\": 5}.");
    JsonNode member = run.path("member_responses").path(0);
    assertThat(member.path("agent_id").asString()).isEqualTo("echo");
    assertThat(member.path("parent_run_id").asString()).isEqualTo(run.path("run_id").asString());
    assertThat(member.path("session_id").asString()).isEqualTo("team-json-1");
    assertThat(member.path("tools").path(0).path("tool_name").asString()).isEqualTo("add");
    JsonNode delegation = run.path("tools").path(0);
    assertThat(delegation.path("tool_name").asString()).isEqualTo("delegate_task_to_member");
    assertThat(delegation.path("child_run_id").asString()).isEqualTo(member.path("run_id").asString());
    assertThat(run.path("metrics").path("total_tokens").asLong())
        .as("the team's tokens count its member's").isGreaterThan(member.path("metrics").path("total_tokens").asLong());
    Golden.assertMatches("golden/team-run-output.json", run);
  }

  @Test
  void a_streamed_team_run_interleaves_member_events_in_the_contracts_order_and_envelopes() {
    TestServer.Sse sse = server.stream("/teams/desk/runs", Map.of("message", "please add", "session_id", "team-sse-1"));

    assertThat(sse.status()).isEqualTo(200);
    assertThat(sse.names()).containsSubsequence("TeamRunStarted", "TeamModelRequestStarted",
        "TeamModelRequestCompleted", "TeamToolCallStarted", "RunStarted", "ToolCallStarted", "ToolCallCompleted",
        "RunCompleted", "TeamToolCallCompleted", "TeamModelRequestStarted", "TeamRunContent",
        "TeamModelRequestCompleted", "TeamRunContentCompleted", "TeamRunCompleted");
    assertThat(sse.names().getLast()).isEqualTo("TeamRunCompleted");
    String teamRun = sse.first("TeamRunStarted").data().path("run_id").asString();
    String memberRun = sse.first("RunStarted").data().path("run_id").asString();
    for (TestServer.Sse.Event event : sse.events()) {
      JsonNode data = event.data();
      assertThat(data.path("event").asString()).isEqualTo(event.name());
      if (event.name().startsWith("Team")) {
        assertThat(AgnoShapes.TEAM_EVENT.check(data, event.name(), Set.of())).isEmpty();
        assertThat(data.has("agent_id")).as(event.name()).isFalse();
        assertThat(data.path("run_id").asString()).isEqualTo(teamRun);
        assertThat(data.path("nested_depth").asInt()).isZero();
      } else {
        assertThat(AgnoShapes.EVENT.check(data, event.name(), Set.of())).isEmpty();
        assertThat(data.path("agent_id").asString()).as(event.name()).isEqualTo("echo");
        assertThat(data.path("run_id").asString()).isEqualTo(memberRun);
        assertThat(data.path("parent_run_id").asString()).isEqualTo(teamRun);
        assertThat(data.path("nested_depth").asInt()).isEqualTo(1);
      }
    }
    JsonNode delegated = sse.first("TeamToolCallCompleted").data().path("tool");
    assertThat(AgnoShapes.TOOL_EXECUTION.check(delegated, "tool", Set.of())).isEmpty();
    assertThat(delegated.path("child_run_id").asString()).isEqualTo(memberRun);
    JsonNode completed = sse.first("TeamRunCompleted").data();
    assertThat(completed.path("content").asString()).startsWith("Desk: The sum is");
    assertThat(completed.path("member_responses").path(0).path("run_id").asString()).isEqualTo(memberRun);
    assertThat(sse.events().stream().filter(e -> e.name().equals("TeamRunContent"))
        .map(e -> e.data().path("content").asString()).reduce("", String::concat))
        .isEqualTo(completed.path("content").asString());
  }

  @Test
  void a_background_team_run_is_polled_listed_and_resumed_and_its_session_is_a_team_session() {
    HttpResponse<String> accepted = server.postForm("/teams/desk/runs",
        Map.of("message", "please add", "stream", "false", "background", "true", "session_id", "team-bg-1"));
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    String runId = TestServer.json(accepted).path("run_id").asString();
    String poll = "/teams/desk/runs/" + runId + "?session_id=team-bg-1";
    awaitTrue("the background team run completed",
        () -> "COMPLETED".equals(TestServer.json(server.get(poll)).path("status").asString()));

    JsonNode run = ok(server.get(poll));
    assertThat(AgnoShapes.TEAM_RUN_OUTPUT.check(run, "$", EXTRAS)).isEmpty();
    assertThat(run.has("member_responses")).as("store_member_responses is off by default, as in Agno").isFalse();
    String memberRun = run.path("tools").path(0).path("child_run_id").asString();
    assertThat(ok(server.get("/sessions/team-bg-1/runs/" + memberRun + "?type=team")).path("agent_id").asString())
        .as("the member's run is stored on its own").isEqualTo("echo");
    JsonNode listed = ok(server.get("/teams/desk/runs?session_id=team-bg-1"));
    assertThat(listed.valueStream().map(r -> r.path("run_id").asString())).containsExactly(runId);
    assertThat(ok(server.get("/sessions?type=team&component_id=desk")).path("data").valueStream()
        .map(s -> s.path("session_id").asString())).contains("team-bg-1");
    JsonNode sessionRuns = ok(server.get("/sessions/team-bg-1/runs?type=team"));
    assertThat(sessionRuns.valueStream().map(r -> r.path("run_id").asString()))
        .as("the member's run is inside the team's, not a turn of its own").containsExactly(runId);
    assertThat(server.get("/agents/echo/runs/" + runId + "?session_id=team-bg-1").statusCode()).isEqualTo(404);

    TestServer.Sse resumed = server.stream("/teams/desk/runs/" + runId + "/resume",
        Map.of("last_event_index", "2", "session_id", "team-bg-1"));
    assertThat(resumed.names().getFirst()).isEqualTo("replay");
    assertThat(resumed.names()).contains("RunStarted").endsWith("TeamRunCompleted");
    assertThat(resumed.events().get(1).data().path("event_index").asLong()).isEqualTo(3);
    TestServer.Sse elsewhere = server.stream("/agents/echo/runs/" + runId + "/resume",
        Map.of("last_event_index", "2", "session_id", "team-bg-1"));
    assertThat(elsewhere.names()).as("a team's run is not resumed through an agent's route").containsExactly("error");
  }

  @Test
  void cancelling_a_team_run_cancels_the_member_it_waits_for() {
    try (TimedSse sse = TimedSse.post(server, "/teams/desk/runs",
        Map.of("message", "sleep", "session_id", "team-cancel-1"))) {
      String memberRun = sse.until("RunContent").data().path("run_id").asString();
      String teamRun = sse.seen().getFirst().data().path("run_id").asString();

      assertThat(server.postForm("/teams/desk/runs/" + teamRun + "/cancel", Map.of()).statusCode()).isEqualTo(200);
      List<String> rest = sse.rest().stream().map(TimedSse.Arrival::name).toList();

      assertThat(rest).containsSubsequence("RunCancelled", "TeamRunCancelled");
      assertThat(rest).doesNotContain("TeamRunCompleted", "TeamRunError");
      String member = "/sessions/team-cancel-1/runs/" + memberRun + "?type=team";
      awaitTrue("the member run is stored cancelled",
          () -> "CANCELLED".equals(TestServer.json(server.get(member)).path("status").asString()));
      awaitTrue("the team run is stored cancelled", () -> "CANCELLED".equals(TestServer.json(
          server.get("/teams/desk/runs/" + teamRun + "?session_id=team-cancel-1")).path("status").asString()));
    }
  }

  @Test
  void a_members_confirmation_pauses_the_team_and_the_teams_continue_with_requirements_finishes_it() {
    JsonNode paused = ok(server.postForm("/teams/desk/runs",
        Map.of("message", "mail Ada", "stream", "false", "session_id", "team-hitl-1")));
    assertThat(paused.path("status").asString()).isEqualTo("PAUSED");
    assertThat(AgnoShapes.TEAM_RUN_OUTPUT.check(paused, "$", EXTRAS)).isEmpty();
    JsonNode requirement = paused.path("requirements").path(0);
    assertThat(requirement.path("member_agent_id").asString()).isEqualTo("mailer");
    assertThat(requirement.path("member_agent_name").asString()).isEqualTo("mailer");
    assertThat(requirement.path("member_run_id").asString())
        .isEqualTo(paused.path("member_responses").path(0).path("run_id").asString());
    String runId = paused.path("run_id").asString();

    HttpResponse<String> badJson = server.postForm("/teams/desk/runs/" + runId + "/continue",
        Map.of("requirements", "[{", "session_id", "team-hitl-1"));
    assertThat(badJson.statusCode()).isEqualTo(400);
    assertThat(badJson.body()).isEqualTo("{\"detail\":\"Invalid JSON in requirements field\"}");

    ObjectNode answered = (ObjectNode) requirement.deepCopy();
    answered.put("confirmation", true); // as Agno's requirement.confirm() leaves it
    TestServer.Sse continued = server.stream("/teams/desk/runs/" + runId + "/continue",
        Map.of("requirements", "[" + answered + "]", "session_id", "team-hitl-1"));

    assertThat(continued.status()).isEqualTo(200);
    assertThat(continued.names()).containsSubsequence("TeamRunContinued", "RunContinued", "ToolCallCompleted",
        "RunCompleted", "TeamToolCallCompleted", "TeamRunCompleted");
    assertThat(continued.first("TeamRunCompleted").data().path("content").asString())
        .isEqualTo("Desk: Mail result: The user confirmed the call to send_email.");
    HttpResponse<String> again = server.postForm("/teams/desk/runs/" + runId + "/continue",
        Map.of("requirements", "[" + answered + "]", "session_id", "team-hitl-1", "stream", "false"));
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(again.body()).isEqualTo("{\"detail\":\"run is already completed\"}");
  }

  @Test
  void a_team_lists_its_delegation_tools_and_an_unknown_team_is_the_contracts_404() {
    JsonNode team = ok(server.get("/teams/desk"));
    assertThat(team.path("tools").path("tools").valueStream().map(t -> t.path("name").asString()))
        .contains("delegate_task_to_member");

    HttpResponse<String> missing = server.postForm("/teams/nobody/runs", Map.of("message", "hi"));
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body()).isEqualTo("{\"detail\":\"Team not found\"}");
    assertThat(server.get("/teams/nobody/runs?session_id=x").body()).isEqualTo("{\"detail\":\"Team not found\"}");
    assertThat(server.postForm("/teams/desk/runs", Map.of("stream", "false")).statusCode()).isEqualTo(422);
  }

  private static JsonNode ok(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return TestServer.json(response);
  }
}
