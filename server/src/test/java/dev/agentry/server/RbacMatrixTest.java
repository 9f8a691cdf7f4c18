package dev.agentry.server;

import static dev.agentry.server.RbacTokens.call;
import static dev.agentry.server.RbacTokens.token;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentry.server.auth.Access;
import dev.agentry.server.http.Routes;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The RBAC matrix, generated from the route table ({@code agentos-api.md} §5.4): for every route, a missing token is
 * 401, a token without scopes is 403 naming what the route needs, a token with exactly that is let through, and the
 * admin scope passes; a route that declares neither a scope nor {@link Access#PUBLIC} fails here, so a new route
 * cannot ship without one. Per-resource and wildcard scopes, list filtering and run access are tested below it.
 */
class RbacMatrixTest {
  private static final Pattern PARAM = Pattern.compile("\\{([a-z_]+)}");
  private static final Map<String, String> VALUES = Map.of("agent_id", "echo", "team_id", "desk",
      "workflow_id", "pipeline");
  private static final String ADMIN = token("root", List.of("agent_os:admin"));

  static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start(RbacTokens.specs(false));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void every_route_declares_a_scope_or_is_public() {
    List<String> undeclared = routes().stream().filter(r -> r.access().isEmpty())
        .map(r -> r.method() + " " + r.path()).toList();
    assertThat(undeclared).as("routes without a scope or the PUBLIC marker").isEmpty();
    assertThat(routes()).allSatisfy(r -> assertThat(r.access().contains(Access.PUBLIC) && r.access().size() > 1)
        .as("%s %s is public and scoped at once", r.method(), r.path()).isFalse());
  }

  @TestFactory
  Stream<DynamicTest> every_route_enforces_its_scopes() {
    return routes().stream().map(route -> DynamicTest.dynamicTest(route.method() + " " + route.path(), () -> {
      String method = route.method().name();
      String path = concrete(route.path());
      if (route.access().contains(Access.PUBLIC)) {
        assertThat(call(server, method, path, null, null).statusCode()).as("public").isNotIn(401, 403);
        return;
      }
      assertThat(call(server, method, path, null, null).statusCode()).as("no token").isEqualTo(401);
      HttpResponse<String> bare = call(server, method, path, token("u1", List.of()), null);
      assertThat(bare.statusCode()).as("no scopes: %s", bare.body()).isEqualTo(403);
      assertThat(TestServer.json(bare).path("detail").asString()).isEqualTo(expectedDenial(route));
      HttpResponse<String> exact = call(server, method, path, token("u1", granted(route)), null);
      assertThat(exact.statusCode()).as("with %s: %s", granted(route), exact.body()).isNotIn(401, 403);
      assertThat(call(server, method, path, ADMIN, null).statusCode()).as("admin").isNotIn(401, 403);
    }));
  }

  @Test
  void a_per_resource_scope_filters_the_list_and_opens_only_its_resource() {
    String echoOnly = token("u1", List.of("agents:echo:read"));
    HttpResponse<String> list = call(server, "GET", "/agents", echoOnly, null);
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(ids(list)).containsExactly("echo");
    assertThat(call(server, "GET", "/agents/echo", echoOnly, null).statusCode()).isEqualTo(200);
    HttpResponse<String> other = call(server, "GET", "/agents/other", echoOnly, null);
    assertThat(other.statusCode()).isEqualTo(403);
    assertThat(TestServer.json(other).path("detail").asString())
        .isEqualTo("Insufficient permissions. Required scope(s): agents:read");

    assertThat(ids(call(server, "GET", "/agents", token("u1", List.of("agents:*:read")), null)))
        .containsExactlyInAnyOrder("echo", "other");
    assertThat(ids(call(server, "GET", "/agents", token("u1", List.of("agents:read")), null)))
        .containsExactlyInAnyOrder("echo", "other");
    assertThat(ids(call(server, "GET", "/teams", token("u1", List.of("teams:desk:read")), null)))
        .containsExactly("desk");
    assertThat(ids(call(server, "GET", "/workflows", token("u1", List.of("workflows:*:read")), null)))
        .containsExactly("pipeline");
  }

  @Test
  void the_api_document_names_each_routes_scopes() {
    tools.jackson.databind.JsonNode doc = TestServer.json(call(server, "GET", "/openapi.json", null, null));
    assertThat(doc.path("paths").path("/agents/{agent_id}/runs").path("get").path("security").path(0)
        .path("HTTPBearer").toString()).isEqualTo("[\"agents:read\",\"agents:run\"]");
    assertThat(doc.path("paths").path("/specs/reload").path("post").path("security").path(0).path("HTTPBearer")
        .toString()).isEqualTo("[\"config:write\"]");
  }

  @Test
  void a_list_needs_read_access_to_at_least_one_resource() {
    HttpResponse<String> runOnly = call(server, "GET", "/agents", token("u1", List.of("agents:echo:run")), null);
    assertThat(runOnly.statusCode()).isEqualTo(403);
    assertThat(TestServer.json(runOnly).path("detail").asString())
        .isEqualTo("Insufficient permissions. Required scope(s): agents:read");
  }

  @Test
  void run_routes_need_run_access_to_their_agent() {
    String path = "/agents/echo/runs?session_id=s1";
    HttpResponse<String> readOnly = call(server, "GET", path, token("u1", List.of("agents:read")), null);
    assertThat(readOnly.statusCode()).isEqualTo(403);
    assertThat(TestServer.json(readOnly).path("detail").asString()).isEqualTo("Access denied to run this agent");
    assertThat(call(server, "GET", path, token("u1", List.of("agents:read", "agents:echo:run")), null).statusCode())
        .isNotIn(401, 403);
    assertThat(call(server, "GET", path, token("u1", List.of("agents:read", "agents:other:run")), null).statusCode())
        .isEqualTo(403);
    HttpResponse<String> resume = call(server, "POST", "/teams/desk/runs/r1/resume",
        token("u1", List.of("teams:desk:read")), null);
    assertThat(TestServer.json(resume).path("detail").asString()).isEqualTo("Access denied to run this team");
    assertThat(call(server, "POST", "/teams/desk/runs/r1/resume", token("u1", List.of("teams:*:run")), null)
        .statusCode()).isNotIn(401, 403);
  }

  @Test
  void a_per_resource_run_scope_runs_that_agent_only() {
    String echoRun = token("u1", List.of("agents:echo:run"));
    HttpResponse<String> run = RbacTokens.form(server, "/agents/echo/runs", echoRun,
        Map.of("message", "hi", "stream", "false"));
    assertThat(run.statusCode()).as(run.body()).isEqualTo(200);
    HttpResponse<String> other = RbacTokens.form(server, "/agents/other/runs", echoRun,
        Map.of("message", "hi", "stream", "false"));
    assertThat(other.statusCode()).isEqualTo(403);
    assertThat(TestServer.json(other).path("detail").asString())
        .isEqualTo("Insufficient permissions. Required scope(s): agents:run");
  }

  /** What a token without scopes is told: the route's scopes, or its resource check when it declares none. */
  static String expectedDenial(Routes.Route route) {
    List<String> scopes = route.access().stream().filter(a -> a instanceof Access.Scope)
        .map(a -> ((Access.Scope) a).value()).sorted().toList();
    if (!scopes.isEmpty()) {
      return "Insufficient permissions. Required scope(s): " + String.join(", ", scopes);
    }
    Access.Resource resource = (Access.Resource) route.access().getFirst();
    return "Access denied to " + resource.action() + " this "
        + resource.family().substring(0, resource.family().length() - 1);
  }

  /** Exactly what the route declares, as scopes: its scopes and {@code family:action} for each resource check. */
  static List<String> granted(Routes.Route route) {
    return Access.scopes(route.access());
  }

  static String concrete(String path) {
    Matcher m = PARAM.matcher(path);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, VALUES.getOrDefault(m.group(1), "none-" + m.group(1)));
    }
    return m.appendTail(out).toString();
  }

  static List<Routes.Route> routes() {
    return Routes.table(server.server().os());
  }

  private static List<String> ids(HttpResponse<String> response) {
    List<String> ids = new ArrayList<>();
    TestServer.json(response).forEach(n -> ids.add(n.path("id").asString()));
    return ids;
  }
}
