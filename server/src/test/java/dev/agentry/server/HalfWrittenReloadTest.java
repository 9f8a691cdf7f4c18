package dev.agentry.server;

import static dev.agentry.server.Reloads.answer;
import static dev.agentry.server.Reloads.await;
import static dev.agentry.server.Await.awaitTrue;
import static dev.agentry.server.Reloads.status;
import static dev.agentry.server.Reloads.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Reload while files are saved the unsafe ways: truncated and then written, written in two parts, broken and then
 * fixed, each with a pause longer than the settle window, under clients that use the agent all along. Black-box:
 * files on disk, HTTP only.
 */
class HalfWrittenReloadTest {
  private static final Logger LOG = LoggerFactory.getLogger(HalfWrittenReloadTest.class);
  /** Longer than the settle window (100 ms), shorter than the hold (5 s): the gap a slow writer leaves. */
  private static final Duration PAUSE = Duration.ofMillis(600);
  private static final Duration SETTLE = Duration.ofMillis(100);

  private final ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor();

  @AfterEach
  void stopWriter() {
    writer.shutdownNow();
  }

  @Test
  void truncated_split_and_broken_saves_under_load_fail_no_request_and_each_new_version_is_served()
      throws IOException {
    try (TestServer server = TestServer.start(specs("Hello v0."), s -> s.reloadDebounce(SETTLE));
        ClientLoad load = ClientLoad.start(server, "echo", 4)) {
      Path file = server.specDir().resolve("agents.yaml");
      load.awaitMore(20);
      int version = 0;
      for (int round = 0; round < 3; round++) {
        String next = echo("Hello v" + ++version + ".");
        truncateThenWrite(file, next);
        awaitAnswer(server, "Hello v" + version + ".");
        load.awaitMore(20);
      }
      for (String cut : List.of("---", "fallback: \"Hello v", "metadata: {na", "model: echo-mo")) {
        String next = echo("Hello v" + ++version + ".");
        writeInTwoParts(file, next, next.indexOf(cut) + cut.length());
        awaitAnswer(server, "Hello v" + version + ".");
        load.awaitMore(20);
      }
      for (int round = 0; round < 2; round++) {
        String good = status(server).path("version").asString();
        write(file, echo("Hello broken.").replace("model: echo-model", "modell: echo-model"));
        JsonNode failed = await(server, "the broken file's failure",
            s -> s.path("last_attempt").path("outcome").asString().equals("failed"));
        assertThat(failed.path("version").asString()).isEqualTo(good);
        load.awaitMore(20);
        write(file, echo("Hello v" + ++version + "."));
        awaitAnswer(server, "Hello v" + version + ".");
        load.awaitMore(20);
      }
      load.close();
      assertThat(load.failures()).as("failed requests of %d", load.requests()).isEmpty();
      LOG.info("{} requests during {} unsafe saves, none failed", load.requests(), version);
    }
  }

  @Test
  void an_emptied_file_and_a_deleted_file_take_effect_once_they_have_stayed_so_for_the_hold() throws IOException {
    Duration hold = Duration.ofSeconds(1);
    Map<String, String> files = new HashMap<>(specs("Hello v0."));
    files.put("extra.yaml", agent("extra"));
    files.put("more.yaml", agent("more"));
    try (TestServer server = TestServer.start(files, s -> s.reloadDebounce(SETTLE).reloadHold(hold))) {
      assertThat(answer(server, "extra")).isEqualTo("Hello v0.");

      Instant emptiedAt = Instant.now();
      long emptied = System.nanoTime();
      Files.write(server.specDir().resolve("extra.yaml"), new byte[0]);
      JsonNode waiting = await(server, "the emptied file held back", s -> s.has("waiting")).path("waiting");
      assertThat(waiting.path("reason").asString()).endsWith("extra.yaml is empty");
      assertThat(Instant.parse(waiting.path("since").asString())).isAfterOrEqualTo(emptiedAt);
      assertThat(answer(server, "extra")).as("still served while held").isEqualTo("Hello v0.");
      JsonNode status = await(server, "the emptied file's removal",
          s -> s.path("last_attempt").path("removed").toString().contains("Agent/extra"));
      assertThat(Duration.ofNanos(System.nanoTime() - emptied)).as("held for the hold first").isGreaterThan(hold);
      assertThat(status.path("last_attempt").path("outcome").asString()).isEqualTo("reloaded");
      assertThat(status.has("waiting")).as("nothing held back any more").isFalse();
      assertThat(server.get("/agents/extra").statusCode()).isEqualTo(404);
      assertThat(answer(server, "more")).isEqualTo("Hello v0.");

      long deleted = System.nanoTime();
      Files.delete(server.specDir().resolve("more.yaml"));
      assertThat(await(server, "the deletion held back", s -> s.has("waiting")).path("waiting").path("reason")
          .asString()).isEqualTo("the change would remove Agent/more");
      status = await(server, "the deleted file's removal",
          s -> s.path("last_attempt").path("removed").toString().contains("Agent/more"));
      assertThat(Duration.ofNanos(System.nanoTime() - deleted)).as("held for the hold first").isGreaterThan(hold);
      assertThat(server.get("/agents/more").statusCode()).isEqualTo(404);
      assertThat(answer(server, "echo")).isEqualTo("Hello v0.");
    }
  }

  /** What {@code > file} does: the file is emptied at once, its new text is written after the pause. */
  private void truncateThenWrite(Path file, String text) throws IOException {
    OutputStream out = Files.newOutputStream(file); // truncates
    writer.schedule(() -> finish(out, text), PAUSE.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** A writer that flushes the first {@code cut} bytes, pauses, then writes the rest to the same open file. */
  private void writeInTwoParts(Path file, String text, int cut) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    OutputStream out = Files.newOutputStream(file);
    out.write(bytes, 0, cut);
    out.flush();
    writer.schedule(() -> finish(out, text.substring(cut)), PAUSE.toMillis(), TimeUnit.MILLISECONDS);
  }

  private static void finish(OutputStream out, String rest) {
    try (out) {
      out.write(rest.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs echo until it answers {@code expected}: the edit has been served. */
  private static void awaitAnswer(TestServer server, String expected) {
    awaitTrue("echo answering \"" + expected + "\"", () -> answer(server, "echo").equals(expected));
  }

  /** The spec set: {@code agents.yaml} (see {@link #echo}) and the database. */
  private static Map<String, String> specs(String answer) {
    return Map.of("agents.yaml", echo(answer), "os.yaml", TestServer.SPECS.get("os.yaml"));
  }

  /**
   * The scripted model, then the agent that uses it: a file cut before the agent's document still compiles, but
   * without the agent, which is what a half-written file must not do to the clients.
   */
  private static String echo(String answer) {
    return """
        apiVersion: agentry.dev/v1
        kind: Model
        metadata: {name: echo-model}
        spec:
          provider: scripted
          script:
            fallback: "%s"
        ---
        apiVersion: agentry.dev/v1
        kind: Agent
        metadata: {name: echo}
        spec:
          name: Echo
          model: echo-model
        """.formatted(answer);
  }

  /** An agent of its own in a file of its own, on the echo model. */
  private static String agent(String name) {
    return """
        apiVersion: agentry.dev/v1
        kind: Agent
        metadata: {name: %s}
        spec:
          model: echo-model
        """.formatted(name);
  }
}
