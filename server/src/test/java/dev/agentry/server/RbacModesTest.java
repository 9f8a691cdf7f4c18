package dev.agentry.server;

import static dev.agentry.server.RbacTokens.call;
import static dev.agentry.server.RbacTokens.token;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentry.server.auth.Access;
import dev.agentry.server.auth.Authentication;
import dev.agentry.server.http.Routes;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * When scopes are checked and who passes them all ({@code agentos-api.md} §5.4): only with {@code authorization:
 * true}; the security key and the configured admin scope pass every route; the public routes of the route table are
 * exactly the routes the authentication excludes.
 */
class RbacModesTest {
  @Test
  void the_public_marker_and_the_authentication_exclusions_agree() {
    try (TestServer server = TestServer.start(TestServer.SPECS)) {
      for (Routes.Route route : Routes.table(server.server().os())) {
        assertThat(route.access().contains(Access.PUBLIC)).as(route.method() + " " + route.path())
            .isEqualTo(Authentication.isExcluded(route.path()));
      }
    }
  }

  @Test
  void a_custom_admin_scope_passes_everything_and_the_default_one_is_then_an_ordinary_scope() {
    Map<String, String> files = new java.util.HashMap<>(RbacTokens.specs(false));
    files.put("os.yaml", files.get("os.yaml").replace("    algorithm: HS256\n",
        "    algorithm: HS256\n    admin_scope: ops:root\n"));
    try (TestServer server = TestServer.start(files)) {
      assertThat(call(server, "GET", "/sessions", token("u1", List.of("ops:root")), null).statusCode())
          .isEqualTo(200);
      assertThat(call(server, "POST", "/specs/reload", token("u1", List.of("ops:root")), null).statusCode())
          .isNotIn(401, 403);
      HttpResponse<String> created = call(server, "POST", "/sessions", token("u1", List.of("sessions:write")),
          "{\"session_id\":\"s-u1\",\"user_id\":\"someone\"}");
      assertThat(TestServer.json(created).path("user_id").asString()).as("the token's user").isEqualTo("u1");
      HttpResponse<String> old = call(server, "GET", "/sessions", token("u1", List.of("agent_os:admin")), null);
      assertThat(old.statusCode()).isEqualTo(403);
      assertThat(TestServer.json(old).path("detail").asString())
          .isEqualTo("Insufficient permissions. Required scope(s): sessions:read");
    }
  }

  @Test
  void the_security_key_beside_jwts_is_full_access() {
    Map<String, String> files = new java.util.HashMap<>(RbacTokens.specs(true));
    files.put("os.yaml", files.get("os.yaml").replace("  name: Test OS\n", "  name: Test OS\n  security_key: k3y\n"));
    try (TestServer server = TestServer.start(files)) {
      for (String path : List.of("/sessions", "/memories", "/agents/echo/runs?session_id=s", "/specs/status")) {
        assertThat(call(server, "GET", path, "k3y", null).statusCode()).as(path).isNotIn(401, 403);
      }
      assertThat(call(server, "GET", "/sessions", token("u1", List.of()), null).statusCode()).isEqualTo(403);
    }
  }

  @Test
  void without_authorization_true_scopes_are_not_checked() {
    Map<String, String> files = new java.util.HashMap<>(RbacTokens.specs(false));
    files.put("os.yaml", files.get("os.yaml").replace("  authorization: true\n", "  authorization: false\n"));
    try (TestServer server = TestServer.start(files)) {
      assertThat(call(server, "GET", "/sessions", token("u1", List.of()), null).statusCode()).isEqualTo(200);
      assertThat(call(server, "POST", "/specs/reload", token("u1", List.of()), null).statusCode()).isNotIn(401, 403);
    }
  }
}
