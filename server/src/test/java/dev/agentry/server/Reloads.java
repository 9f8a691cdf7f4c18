package dev.agentry.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/** What the reload tests share: editing spec files and reading {@code /specs/status} (waiting: {@link Await}). */
final class Reloads {

  private Reloads() {}

  /** Saves a file the way editors do: a hidden temporary file renamed over the old one. */
  static void write(Path file, String text) {
    try {
      Path temporary = file.resolveSibling("." + file.getFileName() + ".tmp");
      Files.writeString(temporary, text);
      Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A non-streamed run of {@code agent}: its answer, checked to have been served. */
  static String answer(TestServer server, String agent) {
    HttpResponse<String> response = server.postForm("/agents/" + agent + "/runs", Map.of("message", "hi", "stream",
        "false"));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return TestServer.json(response).path("content").asString();
  }

  static JsonNode status(TestServer server) {
    HttpResponse<String> response = server.get("/specs/status");
    assertThat(response.statusCode()).isEqualTo(200);
    return TestServer.json(response);
  }

  /** Polls {@code GET /specs/status} until {@code done} holds, within the deadline. */
  static JsonNode await(TestServer server, String what, Predicate<JsonNode> done) {
    JsonNode[] last = new JsonNode[1];
    Await.awaitTrue(what, () -> done.test(last[0] = status(server)));
    return last[0];
  }
}
