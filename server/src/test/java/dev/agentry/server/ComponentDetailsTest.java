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
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeType;

/**
 * {@code GET /agents}, {@code /teams}, {@code /workflows} and their details, field by field against Agno's
 * {@code AgentResponse}, {@code TeamResponse}, {@code WorkflowResponse} and {@code WorkflowSummaryResponse}
 * ({@code agentos-api.md} §2.2-2.4), on the example specs.
 */
class ComponentDetailsTest {
  private static final JsonNodeType STRING = JsonNodeType.STRING;
  private static final JsonNodeType BOOLEAN = JsonNodeType.BOOLEAN;
  private static final JsonNodeType OBJECT = JsonNodeType.OBJECT;
  private static final JsonNodeType ARRAY = JsonNodeType.ARRAY;
  /** Every field Agno's {@code AgentResponse} may carry; a response has no other. */
  private static final List<String> AGENT_FIELDS = List.of("id", "name", "db_id", "description", "role",
      "is_factory", "model", "tools", "sessions", "knowledge", "memory", "reasoning", "default_tools",
      "system_message", "extra_messages", "response_settings", "introduction", "streaming", "metadata",
      "input_schema", "factory_input_schema", "is_component", "current_version", "stage");
  private static final List<String> TEAM_FIELDS = List.of("id", "name", "db_id", "description", "role", "mode",
      "model", "tools", "sessions", "knowledge", "memory", "reasoning", "default_tools", "system_message",
      "response_settings", "introduction", "streaming", "members", "metadata", "input_schema", "is_factory",
      "factory_input_schema", "is_component", "current_version", "stage");
  private static final List<String> STEP_FIELDS = List.of("name", "description", "type", "agent", "team",
      "workflow_id", "steps", "else_steps");

  static TestServer server;

  @BeforeAll
  static void start() {
    Map<String, String> specs = new HashMap<>(TestServer.examples());
    specs.put("test-providers.yaml", """
        apiVersion: agentry.dev/v1
        kind: Agent
        metadata: {name: gpt-agent}
        spec: {model: openai-gpt}
        ---
        apiVersion: agentry.dev/v1
        kind: Agent
        metadata: {name: claude-agent}
        spec: {model: anthropic-claude}
        """);
    server = TestServer.start(specs, s -> s.dbUrl("memory:"));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void an_agent_lists_the_tools_its_model_sees_with_their_pause_flags() {
    JsonNode agent = get("/agents/office-assistant");

    assertAgent(agent);
    assertThat(agent.path("id").asString()).isEqualTo("office-assistant");
    assertThat(agent.path("name").asString()).isEqualTo("Office Assistant");
    JsonNode tools = field(agent, "tools", OBJECT);
    JsonNode functions = field(tools, "tools", ARRAY);
    assertThat(functions.valueStream().map(f -> f.path("name").asString()))
        .containsExactly("send_email", "book_meeting", "get_browser_location", "escalate_to_human");
    for (JsonNode function : functions) {
      field(function, "name", STRING);
      field(function, "description", STRING);
      assertThat(field(function, "parameters", OBJECT).path("type").asString()).isEqualTo("object");
      assertThat(function.propertyNames()).isSubsetOf("name", "description", "parameters", "strict",
          "requires_confirmation", "external_execution", "approval_type");
    }
    assertThat(field(functions.get(0), "requires_confirmation", BOOLEAN).booleanValue()).isTrue();
    assertThat(functions.get(0).has("external_execution")).isFalse();
    JsonNode book = functions.get(1);
    assertThat(book.path("parameters").path("properties").propertyNames()).containsExactly("title");
    assertThat(book.path("parameters").path("required").toString()).isEqualTo("[\"title\"]");
    assertThat(book.has("requires_confirmation")).isFalse();
    assertThat(field(functions.get(2), "external_execution", BOOLEAN).booleanValue()).isTrue();
    assertThat(field(agent, "streaming", OBJECT).toString()).isEqualTo("{\"stream_events\":true}");
  }

  @Test
  void an_agents_instructions_are_in_its_system_message_object() {
    JsonNode agent = get("/agents/writer");

    assertAgent(agent);
    assertThat(agent.has("instructions")).isFalse();
    JsonNode system = field(agent, "system_message", OBJECT);
    JsonNode instructions = field(system, "instructions", ARRAY);
    assertThat(instructions.valueStream().map(JsonNode::asString))
        .containsExactly("Write in plain English with short paragraphs.",
            "Keep every fact and source from the notes; add none of your own.");
    assertThat(field(system, "markdown", BOOLEAN).booleanValue()).isTrue();
    assertThat(system.has("system_message_role")).as("Agno's defaults are left out").isFalse();
    assertThat(field(agent, "role", STRING).asString()).startsWith("Turns research notes");
    assertThat(field(agent, "sessions", OBJECT).path("session_table").asString()).isEqualTo("agno_sessions");
    assertThat(agent.has("tools")).as("no tools, no limit: no tools object").isFalse();
  }

  @Test
  void models_are_named_with_agnos_classes_and_providers() {
    assertThat(get("/agents/gpt-agent").path("model").toString())
        .isEqualTo("{\"name\":\"OpenAIChat\",\"model\":\"gpt-4o-mini\",\"provider\":\"OpenAI\"}");
    assertThat(get("/agents/claude-agent").path("model").toString())
        .isEqualTo("{\"name\":\"Claude\",\"model\":\"claude-sonnet-4-5\",\"provider\":\"Anthropic\"}");
    JsonNode models = TestServer.json(server.get("/models"));
    assertThat(models.valueStream().map(m -> m.path("provider").asString())).contains("OpenAI", "Anthropic")
        .doesNotContain("openai", "anthropic");
  }

  @Test
  void the_agent_list_holds_each_agent_in_full() {
    JsonNode list = TestServer.json(server.get("/agents"));

    assertThat(list.getNodeType()).isEqualTo(ARRAY);
    list.forEach(ComponentDetailsTest::assertAgent);
    JsonNode office = list.valueStream().filter(a -> a.path("id").asString().equals("office-assistant"))
        .findFirst().orElseThrow();
    assertThat(office).isEqualTo(get("/agents/office-assistant"));
  }

  @Test
  void a_team_lists_its_members_in_full_nested_teams_included() {
    JsonNode team = get("/teams/editorial-board");

    assertTeam(team);
    assertThat(field(team, "mode", STRING).asString()).isEqualTo("coordinate");
    assertThat(field(team, "tools", OBJECT).path("tool_call_limit").intValue()).isEqualTo(10);
    assertThat(field(team, "system_message", OBJECT).path("instructions").size()).isEqualTo(2);
    JsonNode members = field(team, "members", ARRAY);
    assertThat(members).hasSize(2);
    JsonNode research = members.get(0);
    assertTeam(research);
    assertThat(research.path("id").asString()).isEqualTo("research-team");
    assertThat(field(research, "system_message", OBJECT).path("expected_output").asString())
        .startsWith("A short article");
    assertThat(research.path("default_tools").path("get_member_information_tool").booleanValue()).isTrue();
    JsonNode researchers = field(research, "members", ARRAY);
    assertThat(researchers.valueStream().map(m -> m.path("id").asString()))
        .containsExactly("web-researcher", "writer");
    researchers.forEach(ComponentDetailsTest::assertAgent);
    assertThat(researchers.get(0).path("tools").path("tools").size()).isPositive();
    JsonNode checker = members.get(1);
    assertAgent(checker);
    assertThat(checker.path("id").asString()).isEqualTo("fact-checker");
    assertThat(checker.has("mode")).isFalse();
    assertThat(checker.has("type")).isFalse();

    JsonNode list = TestServer.json(server.get("/teams"));
    list.forEach(ComponentDetailsTest::assertTeam);
    assertThat(list.valueStream().filter(t -> t.path("id").asString().equals("editorial-board")))
        .singleElement().isEqualTo(team);
  }

  @Test
  void a_workflow_lists_its_steps_nested_with_the_agents_and_teams_they_run() {
    JsonNode digest = get("/workflows/weekly-digest");

    assertWorkflow(digest);
    JsonNode steps = field(digest, "steps", ARRAY);
    assertThat(steps.valueStream().map(s -> s.path("type").asString()))
        .containsExactly("Workflow", "Step", "Step");
    JsonNode blog = steps.get(0);
    assertThat(field(blog, "workflow_id", STRING).asString()).isEqualTo("blog-pipeline");
    JsonNode blogSteps = field(blog, "steps", ARRAY);
    assertThat(blogSteps.valueStream().map(s -> s.path("name").asString()))
        .containsExactly("research", "write", "publish");
    assertThat(field(blogSteps.get(0), "description", STRING).asString()).isEqualTo("Collect facts and sources.");
    assertAgent(field(blogSteps.get(0), "agent", OBJECT));
    assertThat(blogSteps.get(2).path("type").asString()).isEqualTo("Steps");
    assertThat(field(blogSteps.get(2), "steps", ARRAY).get(0).path("agent").path("id").asString())
        .isEqualTo("fact-checker");
    JsonNode board = field(steps.get(1), "team", OBJECT);
    assertTeam(board);
    assertThat(board.path("members").get(0).path("members").size()).isEqualTo(2);
    assertThat(field(steps.get(2), "agent", OBJECT).path("id").asString()).isEqualTo("release-notes-writer");
    steps.forEach(ComponentDetailsTest::assertStep);
  }

  @Test
  void condition_loop_parallel_and_router_steps_nest_their_branches() {
    JsonNode condition = get("/workflows/answer-or-research").path("steps").get(0);
    assertThat(condition.path("type").asString()).isEqualTo("Condition");
    assertThat(field(condition, "steps", ARRAY).get(0).path("team").path("id").asString())
        .isEqualTo("research-team");
    assertThat(field(condition, "else_steps", ARRAY).get(0).path("agent").path("id").asString())
        .isEqualTo("assistant");
    assertThat(get("/workflows/answer-or-research").path("steps").get(1).has("else_steps")).isFalse();

    JsonNode loop = get("/workflows/draft-and-review").path("steps").get(1);
    assertThat(loop.path("type").asString()).isEqualTo("Loop");
    assertThat(field(loop, "steps", ARRAY).valueStream().map(s -> s.path("name").asString()))
        .containsExactly("review", "revise");

    JsonNode parallel = get("/workflows/parallel-research").path("steps").get(0);
    assertThat(parallel.path("type").asString()).isEqualTo("Parallel");
    assertThat(field(parallel, "steps", ARRAY)).hasSize(3);

    JsonNode router = get("/workflows/support-router").path("steps").get(0);
    assertThat(router.path("type").asString()).isEqualTo("Router");
    assertThat(field(router, "steps", ARRAY).valueStream().map(s -> s.path("name").asString()))
        .containsExactly("billing", "technical", "general");
    Stream.of("answer-or-research", "draft-and-review", "parallel-research", "support-router")
        .forEach(id -> get("/workflows/" + id).path("steps").forEach(ComponentDetailsTest::assertStep));
  }

  @Test
  void the_workflow_list_holds_summaries() {
    JsonNode list = TestServer.json(server.get("/workflows"));

    assertThat(list.size()).isGreaterThanOrEqualTo(6);
    for (JsonNode workflow : list) {
      assertThat(workflow.propertyNames()).containsExactlyInAnyOrder("id", "name", "description", "db_id",
          "is_factory", "is_component");
      field(workflow, "id", STRING);
      field(workflow, "db_id", STRING);
      assertThat(field(workflow, "is_factory", BOOLEAN).booleanValue()).isFalse();
    }
  }

  @Test
  void unknown_components_are_404_with_a_detail() {
    HttpResponse<String> team = server.get("/teams/no-such-team");
    assertThat(team.statusCode()).isEqualTo(404);
    assertThat(team.body()).isEqualTo("{\"detail\":\"Team not found\"}");
    HttpResponse<String> workflow = server.get("/workflows/no-such-workflow");
    assertThat(workflow.statusCode()).isEqualTo(404);
    assertThat(workflow.body()).isEqualTo("{\"detail\":\"Workflow not found\"}");
  }

  /** The fields every {@code AgentResponse} has, with their JSON types; no field outside the contract. */
  private static void assertAgent(JsonNode agent) {
    assertThat(agent.propertyNames()).isSubsetOf(AGENT_FIELDS);
    assertCommon(agent);
    assertThat(agent.has("members")).isFalse();
  }

  private static void assertTeam(JsonNode team) {
    assertThat(team.propertyNames()).isSubsetOf(TEAM_FIELDS);
    assertCommon(team);
    field(team, "mode", STRING);
  }

  private static void assertCommon(JsonNode component) {
    field(component, "id", STRING);
    field(component, "name", STRING);
    field(component, "db_id", STRING);
    assertThat(field(component, "is_factory", BOOLEAN).booleanValue()).isFalse();
    assertThat(field(component, "is_component", BOOLEAN).booleanValue()).isFalse();
    JsonNode model = field(component, "model", OBJECT);
    assertThat(model.propertyNames()).containsExactly("name", "model", "provider");
    model.forEach(v -> assertThat(v.getNodeType()).isEqualTo(STRING));
    for (String section : List.of("tools", "sessions", "knowledge", "memory", "reasoning", "default_tools",
        "system_message", "extra_messages", "response_settings", "streaming")) {
      if (component.has(section)) {
        assertThat(field(component, section, OBJECT).isEmpty()).as(section + " is left out when empty").isFalse();
      }
    }
  }

  private static void assertWorkflow(JsonNode workflow) {
    assertThat(workflow.propertyNames()).isSubsetOf("id", "name", "db_id", "description", "input_schema", "steps",
        "agent", "team", "metadata", "workflow_agent", "is_factory", "factory_input_schema", "is_component",
        "current_version", "stage");
    field(workflow, "id", STRING);
    field(workflow, "db_id", STRING);
    assertThat(field(workflow, "workflow_agent", BOOLEAN).booleanValue()).isFalse();
    assertThat(field(workflow, "is_factory", BOOLEAN).booleanValue()).isFalse();
    assertThat(field(workflow, "is_component", BOOLEAN).booleanValue()).isFalse();
  }

  /** A step (and its nested steps): Agno's keys, null ones left out, the type one of Agno's step types. */
  private static void assertStep(JsonNode step) {
    assertThat(step.propertyNames()).isSubsetOf(STEP_FIELDS);
    field(step, "name", STRING);
    assertThat(field(step, "type", STRING).asString())
        .isIn("Step", "Steps", "Loop", "Parallel", "Condition", "Router", "Workflow");
    step.path("steps").forEach(ComponentDetailsTest::assertStep);
    step.path("else_steps").forEach(ComponentDetailsTest::assertStep);
  }

  private static JsonNode field(JsonNode node, String name, JsonNodeType type) {
    assertThat(node.has(name)).as("has " + name + ": " + node).isTrue();
    assertThat(node.get(name).getNodeType()).as(name).isEqualTo(type);
    return node.get(name);
  }

  private static JsonNode get(String path) {
    HttpResponse<String> response = server.get(path);
    assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
    return TestServer.json(response);
  }
}
