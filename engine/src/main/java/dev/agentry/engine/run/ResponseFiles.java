package dev.agentry.engine.run;

import dev.agentry.engine.internal.Json;
import dev.agentry.engine.model.AnswerSettings.ResponseFile;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saves a completed run's answer to its {@code save_response_to_file}, as Agno does: the path's placeholders
 * {@code {name}}, {@code {session_id}}, {@code {user_id}}, {@code {message}} (the input, when it is text) and
 * {@code {run_id}} are filled with their values, each stripped of {@code /}, {@code \} and {@code ..} so that a value
 * cannot add folders; folders are created; text is written as it is and structured content as indented JSON. The
 * path is relative to the agent's YAML file and, as every path a spec names, must stay inside the spec root (the
 * compiler checks the path as written; here the filled path is checked again, links resolved, and the file is
 * written without following a link). A failure is logged and does not fail the run.
 */
final class ResponseFiles {
  private static final Logger LOG = LoggerFactory.getLogger(ResponseFiles.class);
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(name|session_id|user_id|message|run_id)}");

  private ResponseFiles() {}

  static void save(ActiveRun run, @Nullable Object content) {
    ResponseFile file = run.runtime.participant().answer().responseFile();
    if (file == null) {
      return;
    }
    Map<String, String> values = Map.of("name", run.runtime.name(), "session_id", run.scope.sessionId(),
        "user_id", run.userId == null ? "" : run.userId, "message", run.input instanceof String s ? s : "",
        "run_id", run.scope.runId());
    String path = PLACEHOLDER.matcher(file.template())
        .replaceAll(m -> Matcher.quoteReplacement(sanitized(values.get(m.group(1)))));
    try {
      write(file, path, content instanceof String s ? s : Json.MAPPER.writerWithDefaultPrettyPrinter()
          .writeValueAsString(content));
    } catch (IOException | RuntimeException e) {
      LOG.warn("run {}: the response was not saved to {}: {}", run.scope.runId(), path, e.getMessage());
    }
  }

  /** Agno's {@code _sanitize}: no value may climb out or add folders. */
  static String sanitized(@Nullable String value) {
    return value == null ? "" : value.replace("/", "_").replace("\\", "_").replace("..", "_");
  }

  private static void write(ResponseFile file, String path, String text) throws IOException {
    Path target = file.folder().resolve(path).normalize();
    if (!target.startsWith(file.root()) || target.equals(file.root())) {
      throw new IOException("the path leads out of the spec folder");
    }
    Files.createDirectories(target.getParent());
    if (!target.getParent().toRealPath().startsWith(file.root().toRealPath())) {
      throw new IOException("the path leads out of the spec folder through a link");
    }
    try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE,
        StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
  }
}
