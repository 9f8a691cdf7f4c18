package dev.agentry.engine.llm.http;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * A reader of a {@code text/event-stream} body that yields one {@link SseEvent} per blank-line-terminated block.
 *
 * <p>Follows the WHATWG event-stream rules that providers rely on: lines end in LF, CRLF or CR; {@code data:} lines
 * accumulate (joined with "\n"); {@code event:} names the event; lines starting with ':' are comments (keep-alives);
 * one space after the colon is dropped; {@code id:} and {@code retry:} are ignored because a model answer cannot be
 * resumed. A block without data is not dispatched, and an unterminated block at the end of the body is dropped,
 * since a body that stops mid-event was cut off. Not thread-safe: one reader per response.
 */
public final class SseReader {
  /** A single event larger than this is a broken or hostile server, not a model answer. */
  private static final int MAX_EVENT_CHARS = 32 * 1024 * 1024;

  private final BufferedReader lines;

  public SseReader(InputStream body) {
    // BufferedReader.readLine splits on LF, CR and CRLF without waiting for the byte after a lone CR.
    this.lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
  }

  /**
   * The next event, or null at the end of the body.
   *
   * @throws UncheckedIOException when reading fails (connection closed, stream closed by a cancellation)
   */
  public @Nullable SseEvent next() {
    try {
      return read();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private @Nullable SseEvent read() throws IOException {
    StringBuilder data = new StringBuilder();
    boolean hasData = false;
    String event = "message";
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      if (line.isEmpty()) {
        if (hasData) {
          return new SseEvent(event, data.toString());
        }
        event = "message";
        continue;
      }
      if (line.charAt(0) == ':') {
        continue;
      }
      int colon = line.indexOf(':');
      String field = colon < 0 ? line : line.substring(0, colon);
      String value = colon < 0 ? "" : line.substring(line.startsWith(" ", colon + 1) ? colon + 2 : colon + 1);
      if (field.equals("data")) {
        if (hasData) {
          data.append('\n');
        }
        data.append(value);
        hasData = true;
        if (data.length() > MAX_EVENT_CHARS) {
          throw new IOException("server-sent event larger than " + MAX_EVENT_CHARS + " characters");
        }
      } else if (field.equals("event")) {
        event = value.isEmpty() ? "message" : value;
      }
    }
    return null;
  }
}
