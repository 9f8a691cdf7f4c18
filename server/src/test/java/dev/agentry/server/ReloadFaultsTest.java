package dev.agentry.server;

import static dev.agentry.server.Reloads.status;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentry.engine.compile.SpecCompiler;
import dev.agentry.engine.spec.SpecLoader;
import dev.agentry.engine.spec.YamlReader;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A compile that throws (here a secrets source that fails with a message naming its classes) is reported in plain,
 * fixed words by {@code POST /specs/reload} and {@code GET /specs/status}; the exception's own message stays in the
 * server log, and the last good version stays live.
 */
class ReloadFaultsTest {
  private static final String LEAK = "com.example.vault.VaultClient";

  @Test
  void a_compile_that_throws_is_reported_in_plain_words_without_the_exception_message() {
    AtomicBoolean broken = new AtomicBoolean();
    Map<String, String> files = new HashMap<>(TestServer.SPECS);
    files.put("secret.yaml", """
        apiVersion: agentry.dev/v1
        kind: Agent
        metadata: {name: secret}
        spec:
          model: echo-model
          description: "${env:VAULT_SECRET}"
        """);
    Path dir = TestServer.writeSpecs(files);
    SpecCompiler compiler = SpecCompiler.create(SpecLoader.create(name -> {
      if (!name.equals("VAULT_SECRET")) {
        return System.getenv(name);
      }
      if (broken.get()) {
        throw new IllegalStateException("Cannot invoke \"" + LEAK + ".read()\" because \"client\" is null");
      }
      return "a secret";
    }, YamlReader.Limits.DEFAULT));
    try (TestServer server = TestServer.start(dir, s -> {}, compiler)) {
      String good = status(server).path("version").asString();

      broken.set(true);
      HttpResponse<String> failed = server.postJson("/specs/reload", "");

      assertThat(failed.statusCode()).as(failed.body()).isEqualTo(422);
      assertThat(failed.body()).doesNotContain(LEAK, "IllegalStateException", "Cannot invoke");
      JsonNode body = TestServer.json(failed);
      assertThat(body.path("detail").asString())
          .isEqualTo("The specs are invalid (1 error); still serving version " + good);
      JsonNode diagnostic = body.path("diagnostics").get(0);
      assertThat(diagnostic.path("code").asString()).isEqualTo("unreadable");
      assertThat(diagnostic.path("message").asString())
          .isEqualTo("cannot load the specs: the compile failed unexpectedly (see the server log)");
      HttpResponse<String> shown = server.get("/specs/status");
      assertThat(shown.body()).doesNotContain(LEAK, "IllegalStateException", "Cannot invoke");
      JsonNode status = TestServer.json(shown);
      assertThat(status.path("version").asString()).isEqualTo(good);
      assertThat(status.path("last_attempt").path("outcome").asString()).isEqualTo("failed");
      assertThat(status.path("last_attempt").path("diagnostics").get(0).path("message").asString())
          .isEqualTo(diagnostic.path("message").asString());

      broken.set(false);
      HttpResponse<String> again = server.postJson("/specs/reload", "");
      assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
      assertThat(TestServer.json(again).path("outcome").asString()).isEqualTo("unchanged");
    }
  }
}
