package dev.agentry.server;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * An SSE response read live over a raw socket, event by event, recording when each event arrived: what a test needs
 * to tell a stream that is really streamed from one delivered whole at the end (STYLE §42).
 *
 * <p>The socket shows the response exactly as sent (status line, headers, chunked framing), which Java's HTTP client
 * would hide. The request keeps the connection open, as browsers and Agno's client do, so that the server has to
 * choose chunked framing (with {@code Connection: close} it may end the body by closing instead). Each event's arrival time is taken when its closing blank line is read, counted from when the request
 * was sent.
 *
 * <pre>{@code
 * try (TimedSse sse = TimedSse.post(server, "/agents/slow/runs", Map.of("message", "hi"))) {
 *   TimedSse.Arrival started = sse.until("RunStarted");
 *   List<TimedSse.Arrival> rest = sse.rest();
 * }
 * }</pre>
 */
public final class TimedSse implements AutoCloseable {
  /** One event and when it arrived, since the request was sent. */
  public record Arrival(String name, JsonNode data, Duration at) {
    public long millis() {
      return at.toMillis();
    }
  }

  private final Socket socket;
  private final InputStream body;
  private final long sentAt;
  private final int status;
  private final Map<String, String> headers;
  private final List<Arrival> seen = new ArrayList<>();
  private boolean ended;

  private TimedSse(Socket socket, InputStream body, long sentAt, int status, Map<String, String> headers) {
    this.socket = socket;
    this.body = body;
    this.sentAt = sentAt;
    this.status = status;
    this.headers = headers;
  }

  /** POSTs {@code fields} form-encoded to {@code path} and reads the status line and headers. */
  public static TimedSse post(TestServer server, String path, Map<String, String> fields) {
    return post(server, path, fields, Map.of());
  }

  /** As {@link #post(TestServer, String, Map)}, with more request headers (e.g. Authorization). */
  public static TimedSse post(TestServer server, String path, Map<String, String> fields,
      Map<String, String> requestHeaders) {
    URI uri = URI.create(server.url());
    String form = fields.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    byte[] bytes = form.getBytes(StandardCharsets.UTF_8);
    try {
      Socket socket = new Socket(uri.getHost(), uri.getPort());
      socket.setSoTimeout(30_000);
      String request = "POST " + path + " HTTP/1.1\r\nHost: " + uri.getHost() + "\r\n"
          + "Accept: text/event-stream\r\nAccept-Encoding: gzip, deflate, br\r\n"
          + requestHeaders.entrySet().stream().map(h -> h.getKey() + ": " + h.getValue() + "\r\n")
              .collect(Collectors.joining())
          + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + bytes.length + "\r\n\r\n";
      long sentAt = System.nanoTime();
      socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
      socket.getOutputStream().write(bytes);
      InputStream in = socket.getInputStream();
      int status = Integer.parseInt(line(in).split(" ")[1]);
      Map<String, String> headers = new LinkedHashMap<>();
      for (String header = line(in); !header.isEmpty(); header = line(in)) {
        int colon = header.indexOf(':');
        headers.put(header.substring(0, colon).strip().toLowerCase(Locale.ROOT), header.substring(colon + 1).strip());
      }
      String length = headers.get("content-length");
      InputStream body = "chunked".equalsIgnoreCase(headers.get("transfer-encoding")) ? new Chunked(in)
          : length != null ? new ByteArrayInputStream(in.readNBytes(Integer.parseInt(length))) : in;
      return new TimedSse(socket, body, sentAt, status, headers);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public int status() {
    return status;
  }

  /** The response headers, names in lower case. */
  public Map<String, String> headers() {
    return headers;
  }

  /** The next event, or null when the stream has ended. Comment lines ({@code : heartbeat}) are skipped. */
  public @Nullable Arrival next() {
    String name = null;
    String data = null;
    try {
      while (!ended) {
        String line = line(body);
        if (line == null) {
          ended = true;
        } else if (line.isEmpty() && name != null) {
          Arrival arrival = new Arrival(name, TestServer.JSON.readTree(data),
              Duration.ofNanos(System.nanoTime() - sentAt));
          seen.add(arrival);
          return arrival;
        } else if (line.startsWith("event: ")) {
          name = line.substring("event: ".length());
        } else if (line.startsWith("data: ")) {
          data = line.substring("data: ".length());
        }
      }
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads up to and including the first event named {@code name}; fails if the stream ends first. */
  public Arrival until(String name) {
    for (Arrival arrival = next(); arrival != null; arrival = next()) {
      if (arrival.name().equals(name)) {
        return arrival;
      }
    }
    throw new AssertionError("the stream ended without " + name + "; it had " + names());
  }

  /** Reads the stream to its end and returns the events read by this call. */
  public List<Arrival> rest() {
    List<Arrival> rest = new ArrayList<>();
    for (Arrival arrival = next(); arrival != null; arrival = next()) {
      rest.add(arrival);
    }
    return rest;
  }

  /** Every event read so far, in order. */
  public List<Arrival> seen() {
    return List.copyOf(seen);
  }

  /** The names of the events read so far. */
  public List<String> names() {
    return seen.stream().map(Arrival::name).toList();
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      // closing a socket the server already closed
    }
  }

  /** One line without its CR LF, or null at the end of the stream. */
  private static @Nullable String line(InputStream in) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != -1 && b != '\n') {
      bytes.write(b);
    }
    if (b == -1 && bytes.size() == 0) {
      return null;
    }
    String text = bytes.toString(StandardCharsets.UTF_8);
    return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
  }

  /** The body of a chunked response (RFC 9112 §7.1), chunk by chunk as it arrives. */
  private static final class Chunked extends InputStream {
    private final InputStream in;
    private long left;
    private boolean done;

    Chunked(InputStream in) {
      this.in = in;
    }

    @Override
    public int read() throws IOException {
      if (done) {
        return -1;
      }
      if (left == 0) {
        String size = line(in);
        if (size != null && size.isEmpty()) {
          size = line(in); // the CR LF that ends the previous chunk
        }
        if (size == null) {
          throw new IOException("the connection closed inside a chunked body");
        }
        int semicolon = size.indexOf(';');
        left = Long.parseLong((semicolon < 0 ? size : size.substring(0, semicolon)).strip(), 16);
        if (left == 0) {
          done = true;
          return -1;
        }
      }
      int b = in.read();
      if (b == -1) {
        throw new IOException("the connection closed inside a chunk");
      }
      left--;
      return b;
    }
  }
}
