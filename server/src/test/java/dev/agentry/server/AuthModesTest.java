package dev.agentry.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /info}'s {@code auth_mode} in the three modes ({@code agentos-api.md} §5.1), and the OpenAPI document
 * declaring bearer security on the protected routes (not on the excluded ones) whenever a credential is required.
 */
class AuthModesTest {
  private static Map<String, String> withSecurityKey() {
    Map<String, String> specs = new HashMap<>(TestServer.SPECS);
    specs.put("os.yaml", TestServer.SPECS.get("os.yaml").replace("  name: Test OS\n",
        "  name: Test OS\n  security_key: k\n"));
    return specs;
  }

  private static String mode(TestServer server) {
    return TestServer.json(server.get("/info")).path("auth_mode").asString();
  }

  @Test
  void none_security_key_and_jwt() {
    try (TestServer open = TestServer.start(TestServer.SPECS);
        TestServer key = TestServer.start(withSecurityKey());
        TestServer jwt = TestServer.start(Jwts.specs(Jwts.hs256Config()))) {
      assertThat(mode(open)).isEqualTo("none");
      assertThat(mode(key)).isEqualTo("security_key");
      assertThat(mode(jwt)).isEqualTo("jwt");

      for (TestServer secured : new TestServer[] {key, jwt}) {
        JsonNode paths = TestServer.json(secured.get("/openapi.json")).path("paths");
        // with authorization on (the JWT server), the operation names its scopes
        assertThat(paths.path("/agents").path("get").path("security").toString())
            .isEqualTo(secured == jwt ? "[{\"HTTPBearer\":[\"agents:read\"]}]" : "[{\"HTTPBearer\":[]}]");
        assertThat(paths.path("/health").path("get").has("security")).isFalse();
      }
      assertThat(TestServer.json(open.get("/openapi.json")).path("paths").path("/agents").path("get")
          .has("security")).isFalse();
    }
  }

  @Test
  void authorization_false_leaves_the_authorization_config_unused() {
    Map<String, String> specs = new HashMap<>(TestServer.SPECS);
    specs.put("os.yaml", TestServer.SPECS.get("os.yaml").replace("  name: Test OS\n",
        "  name: Test OS\n  authorization: false\n  authorization_config: {verification_keys: [not-a-key]}\n"));
    try (TestServer server = TestServer.start(specs)) {
      assertThat(mode(server)).isEqualTo("none");
      assertThat(server.get("/agents").statusCode()).isEqualTo(200);
    }
  }
}
