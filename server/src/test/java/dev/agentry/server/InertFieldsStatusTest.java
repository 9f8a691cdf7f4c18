package dev.agentry.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A field with no effect yet is not silently ignored by a running server either: {@code /specs/status} shows its
 * warning, at its position, from the first load on and after a reload.
 */
class InertFieldsStatusTest {
  static final String CACHE_SESSION = """
      apiVersion: agentry.dev/v1
      kind: Agent
      metadata: {name: thinker}
      spec:
        model: echo-model
        cache_session: true
      """;

  @Test
  void the_first_load_and_a_reload_show_the_warning_of_a_field_that_has_no_effect_yet() {
    Map<String, String> specs = new HashMap<>(TestServer.SPECS);
    specs.put("thinker.yaml", CACHE_SESSION);
    try (TestServer server = TestServer.start(specs)) {
      assertWarning(TestServer.json(server.get("/specs/status")));

      assertThat(server.postJson("/specs/reload", "{}").statusCode()).isEqualTo(200);
      assertWarning(TestServer.json(server.get("/specs/status")));
    }
  }

  private static void assertWarning(JsonNode status) {
    JsonNode diagnostic = status.path("last_attempt").path("diagnostics").get(0);
    assertThat(status.path("last_attempt").path("diagnostics").size()).isEqualTo(1);
    assertThat(diagnostic.path("severity").asString()).isEqualTo("warning");
    assertThat(diagnostic.path("code").asString()).isEqualTo("not-acted-on");
    assertThat(diagnostic.path("file").asString()).endsWith("thinker.yaml");
    assertThat(diagnostic.path("line").asInt()).isEqualTo(6);
    assertThat(diagnostic.path("column").asInt()).isEqualTo(3);
    assertThat(diagnostic.path("message").asString()).isEqualTo("'cache_session' is accepted but has no effect yet");
  }
}
