package dev.agentry.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Background runs ({@code agentos-api.md} §2.5.4) on a SQLite database, where a store write takes long enough for a
 * client to poll before a run stored only by its own thread would exist.
 */
class BackgroundRunTest {
  @TempDir
  Path tmp;

  @Test
  void a_background_run_is_stored_before_the_202_so_polling_never_misses_it() {
    try (TestServer server = TestServer.start(TestServer.SPECS, s -> s.dbUrl("sqlite:" + tmp.resolve("a.db")))) {
      for (int i = 0; i < 40; i++) {
        HttpResponse<String> accepted = server.postForm("/agents/echo/runs",
            Map.of("message", "hi", "stream", "false", "background", "true"));
        assertThat(accepted.statusCode()).isEqualTo(202);
        JsonNode body = TestServer.json(accepted);
        assertThat(body.path("status").asString()).isEqualTo("PENDING");
        String path = "/sessions/" + body.path("session_id").asString() + "/runs/" + body.path("run_id").asString();

        HttpResponse<String> polled = server.get(path);
        assertThat(polled.statusCode()).as("run %d polled right after its 202: %s", i, polled.body()).isEqualTo(200);
        JsonNode run = TestServer.json(polled);
        assertThat(run.path("run_id").asString()).isEqualTo(body.path("run_id").asString());
        assertThat(run.path("status").asString()).isIn("PENDING", "RUNNING", "COMPLETED");
        await(server, path, "COMPLETED");
      }
    }
  }

  private static void await(TestServer server, String path, String status) {
    String[] last = new String[1];
    try {
      Await.awaitTrue("the run reaching " + status, () -> { // polls with a deadline, as a client polls
        HttpResponse<String> response = server.get(path);
        last[0] = response.body();
        return response.statusCode() == 200 && status.equals(TestServer.json(response).path("status").asString());
      });
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + "; last seen " + last[0], e);
    }
  }
}
