package dev.agentry.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /}, {@code /info} and {@code /config} against Agno's contract ({@code agentos-api.md} §2.1) for an
 * {@code AgentOS} resource that serves only some of its spec set and configures the pages.
 */
class OsRoutesTest {
  static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start(Map.of("specs.yaml", """
        apiVersion: agentry.dev/v1
        kind: Model
        metadata: {name: m}
        spec: {provider: scripted, id: scripted-1, script: {turns: [{content: hello}]}}
        ---
        apiVersion: agentry.dev/v1
        kind: Agent
        metadata: {name: front}
        spec: {model: m, description: served}
        ---
        apiVersion: agentry.dev/v1
        kind: Agent
        metadata: {name: helper}
        spec: {model: m, role: helps}
        ---
        apiVersion: agentry.dev/v1
        kind: Team
        metadata: {name: crew}
        spec: {model: m, members: [{agent: helper}]}
        ---
        apiVersion: agentry.dev/v1
        kind: Database
        metadata: {name: main-db}
        spec: {url: "memory:"}
        ---
        apiVersion: agentry.dev/v1
        kind: Database
        metadata: {name: extra}
        spec: {url: "memory:"}
        ---
        apiVersion: agentry.dev/v1
        kind: AgentOS
        metadata: {name: os1}
        spec:
          name: OS one
          db: main-db
          version: "2.3.4"
          agents: [front]
          teams: [crew]
          workflows: []
          config:
            available_models: [m]
            chat: {quick_prompts: {front: [Hi]}}
            evals: {display_name: Checks, available_models: [m]}
            knowledge: {display_name: Docs}
            session: {display_name: Conversations, dbs: [{db_id: extra, domain_config: {display_name: Extra},
              tables: [s1]}]}
        """), s -> s.dbUrl("memory:"));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void the_root_reports_the_declared_version() {
    assertThat(TestServer.json(server.get("/")).path("version").asString()).isEqualTo("2.3.4");
  }

  @Test
  void only_the_listed_components_are_listed_and_counted() {
    assertThat(TestServer.json(server.get("/agents")).valueStream().map(a -> a.path("id").asString()))
        .containsExactly("front");
    assertThat(TestServer.json(server.get("/teams")).valueStream().map(t -> t.path("id").asString()))
        .containsExactly("crew");
    assertThat(TestServer.json(server.get("/workflows")).size()).isZero();
    JsonNode info = TestServer.json(server.get("/info"));
    assertThat(info.path("agent_count").asInt()).isEqualTo(1);
    assertThat(info.path("team_count").asInt()).isEqualTo(1);
    assertThat(info.path("workflow_count").asInt()).isZero();
  }

  @Test
  void a_component_not_served_is_not_found_by_its_own_id_but_runs_as_a_member() {
    var detail = server.get("/agents/helper");
    assertThat(detail.statusCode()).isEqualTo(404);
    assertThat(TestServer.json(detail).path("detail").asString()).isEqualTo("Agent not found");
    var run = server.postForm("/agents/helper/runs", Map.of("message", "hi", "stream", "false"));
    assertThat(run.statusCode()).isEqualTo(404);

    JsonNode team = TestServer.json(server.get("/teams/crew"));
    assertThat(team.path("members").get(0).path("id").asString()).isEqualTo("helper");
  }

  @Test
  void config_lists_the_served_components_and_every_configured_page() {
    JsonNode config = TestServer.json(server.get("/config"));

    assertThat(config.path("os_id").asString()).isEqualTo("os1");
    assertThat(config.path("agents").valueStream().map(a -> a.path("id").asString())).containsExactly("front");
    assertThat(config.path("teams").valueStream().map(a -> a.path("id").asString())).containsExactly("crew");
    assertThat(config.path("workflows").size()).isZero();
    assertThat(config.path("available_models").toString()).isEqualTo("[\"m\"]");
    assertThat(config.path("chat").path("quick_prompts").path("front").toString()).isEqualTo("[\"Hi\"]");
    JsonNode evals = config.path("evals");
    assertThat(evals.path("display_name").asString()).isEqualTo("Checks");
    assertThat(evals.path("available_models").toString()).isEqualTo("[\"m\"]");
    assertThat(evals.path("dbs").get(0).path("db_id").isString()).isTrue();
    assertThat(config.path("knowledge").path("display_name").asString()).isEqualTo("Docs");
    JsonNode sessionDbs = config.path("session").path("dbs");
    assertThat(sessionDbs.get(0).path("db_id").asString()).isEqualTo("extra");
    assertThat(sessionDbs.get(0).path("domain_config").path("display_name").asString()).isEqualTo("Extra");
    assertThat(sessionDbs.get(0).path("tables").toString()).isEqualTo("[\"s1\"]");
    assertThat(sessionDbs.size()).as("the served database is added to the listed ones").isEqualTo(2);
  }
}
