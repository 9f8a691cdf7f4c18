package dev.agentry.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every workflow of the example set ({@code specs/workflows/}) runs offline over HTTP, streamed and not: a new
 * example workflow is covered by being listed. A run ends COMPLETED, or PAUSED for a person (a human-in-the-loop
 * example), in which case the test answers its step requirements the way a client would (confirm, pick the first
 * route, fill every field) and continues it until it completes.
 */
class ExampleWorkflowsServeTest {
  private static final int MAX_PAUSES = 5;
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
  void every_example_workflow_runs_over_http_streamed_and_not() {
    List<String> workflows = TestServer.json(server.get("/workflows")).valueStream()
        .map(w -> w.path("id").asString()).toList();
    assertThat(workflows).contains("blog-pipeline").hasSizeGreaterThanOrEqualTo(6);
    for (String workflow : workflows) {
      String message = "Research the history of the tides and write it up.";
      String session = "example-" + workflow;
      HttpResponse<String> response = server.postForm("/workflows/" + workflow + "/runs",
          Map.of("message", message, "stream", "false", "session_id", session));
      assertThat(response.statusCode()).as(workflow + ": " + response.body()).isEqualTo(200);
      JsonNode run = completed(workflow, session, TestServer.json(response));
      assertThat(AgnoWorkflowShapes.WORKFLOW_RUN_OUTPUT.check(run, workflow, WorkflowRunsTest.EXTRAS)).isEmpty();
      assertThat(run.path("step_results").size()).as(workflow + " ran a step").isPositive();

      try (TimedSse sse = TimedSse.post(server, "/workflows/" + workflow + "/runs",
          Map.of("message", message, "session_id", session + "-sse"))) {
        List<TimedSse.Arrival> events = sse.rest();
        List<String> names = events.stream().map(TimedSse.Arrival::name).toList();
        assertThat(names).as(workflow).startsWith("WorkflowStarted").contains("StepStarted");
        assertThat(names.getLast()).as(workflow).isIn("WorkflowCompleted", "WorkflowRunOutput");
        if (names.getLast().equals("WorkflowRunOutput")) {
          assertThat(names).as(workflow + ": a paused stream").contains("WorkflowPaused");
          assertThat(events.getLast().data().path("status").asString()).isEqualTo("PAUSED");
        }
      }
    }
  }

  /** Continues {@code run} while it is paused, answering every requirement, and returns the completed run. */
  private static JsonNode completed(String workflow, String session, JsonNode run) {
    for (int pause = 0; pause < MAX_PAUSES && "PAUSED".equals(run.path("status").asString()); pause++) {
      ArrayNode answers = TestServer.JSON.createArrayNode();
      for (JsonNode requirement : run.path("step_requirements")) {
        answers.add(answer((ObjectNode) requirement.deepCopy()));
      }
      HttpResponse<String> response = server.postForm(
          "/workflows/" + workflow + "/runs/" + run.path("run_id").asString() + "/continue",
          Map.of("step_requirements", answers.toString(), "session_id", session, "stream", "false"));
      assertThat(response.statusCode()).as(workflow + " continue: " + response.body()).isEqualTo(200);
      run = TestServer.json(response);
    }
    assertThat(run.path("status").asString()).as(workflow + ": " + run.path("content")).isEqualTo("COMPLETED");
    assertThat(run.path("content").asString()).as(workflow).doesNotContain("No scripted reply matched");
    return run;
  }

  private static ObjectNode answer(ObjectNode requirement) {
    if (requirement.path("requires_confirmation").asBoolean()) {
      requirement.put("confirmed", true);
    }
    if (requirement.path("requires_route_selection").asBoolean()) {
      requirement.putArray("selected_choices").add(requirement.path("available_choices").path(0).asString());
    }
    if (requirement.path("requires_user_input").asBoolean()) {
      ObjectNode values = requirement.putObject("user_input");
      for (JsonNode field : requirement.path("user_input_schema")) {
        JsonNode allowed = field.path("allowed_values");
        String value = switch (field.path("field_type").asString("str")) {
          case "int" -> "3";
          case "float" -> "1.5";
          case "bool" -> "true";
          default -> allowed.isArray() && !allowed.isEmpty() ? allowed.path(0).asString() : "yes";
        };
        values.put(field.path("name").asString(), value);
      }
    }
    for (JsonNode waiting : requirement.path("executor_requirements")) {
      JsonNode tool = waiting.path("tool_execution");
      if (tool.isObject()) {
        ((ObjectNode) tool).put("confirmed", true);
      }
      ((ObjectNode) waiting).put("confirmation", true);
    }
    return requirement;
  }
}
