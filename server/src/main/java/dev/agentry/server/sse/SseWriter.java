package dev.agentry.server.sse;

import dev.agentry.engine.event.EventJson;
import dev.agentry.engine.event.RunEvent;
import io.javalin.http.Context;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes a run's events to one HTTP response as the contract frames them ({@code agentos-api.md} §3.1):
 * {@code event: <Name>}, one {@code data:} line of compact JSON, a blank line; background streams add
 * {@code event_index}. It reads from the run's {@link RunStream} at the client's pace.
 *
 * <p>Every batch of events is flushed through to the connection as soon as it is written (STYLE §42). It writes to
 * the servlet response's own stream, never to Javalin's {@code ctx.outputStream()}: that one is a compression wrapper
 * whose {@code flush()} is the no-op of {@link OutputStream} (Javalin 7.0), so events waited in Jetty's 32 KiB
 * response buffer and a short run arrived whole, at its end, with a {@code Content-Length}. Committing the headers
 * before the first event makes the response chunked; nothing compresses it, and the headers tell proxies not to
 * buffer or cache it.
 */
public final class SseWriter {
  /** The idle time after which a {@code /resume} stream sends a {@code : heartbeat} comment. */
  static final Duration HEARTBEAT = Duration.ofSeconds(30);

  private final OutputStream out;
  private final boolean withIndex;

  private SseWriter(OutputStream out, boolean withIndex) {
    this.out = out;
    this.withIndex = withIndex;
  }

  /**
   * Starts the SSE response and sends its headers at once: 200, {@code text/event-stream}, no caching, no proxy
   * buffering, chunked (no {@code Content-Length}).
   *
   * @throws IOException when the client has already gone away
   */
  public static SseWriter open(Context ctx, boolean withIndex) throws IOException {
    HttpServletResponse res = ctx.res();
    res.setStatus(200);
    res.setContentType("text/event-stream; charset=utf-8");
    res.setHeader("Cache-Control", "no-cache");
    res.setHeader("X-Accel-Buffering", "no");
    ServletOutputStream out = res.getOutputStream();
    res.flushBuffer();
    return new SseWriter(out, withIndex);
  }

  /**
   * Copies events from index {@code from} until the run ends. Returns false when the client went away or fell
   * behind the buffer, true when the stream was written to its end.
   */
  public boolean copy(RunStream stream, long from, boolean heartbeat) {
    long cursor = from;
    try {
      while (true) {
        RunStream.Batch batch = stream.await(cursor, HEARTBEAT);
        if (batch.gap()) {
          return false;
        }
        for (RunEvent event : batch.events()) {
          write(event, cursor++);
        }
        if (!batch.events().isEmpty()) {
          out.flush();
        } else if (batch.ended() != null) {
          return true;
        } else if (heartbeat) {
          out.write(": heartbeat\n\n".getBytes(StandardCharsets.UTF_8));
          out.flush();
        }
      }
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Writes one run event with its index (used when {@link #open} was asked for indices). */
  public void write(RunEvent event, long index) throws IOException {
    String json = EventJson.write(event);
    if (withIndex) {
      json = json.substring(0, json.length() - 1) + ",\"event_index\":" + index + "}";
    }
    frame(event.name(), json);
  }

  /**
   * Writes a meta event of {@code /resume} ({@code replay}, {@code catch_up}, {@code subscribed}, {@code error}),
   * with the separators Agno's Python serializer uses there ({@code ", "} and {@code ": "}).
   */
  public void meta(String name, Map<String, ?> fields) throws IOException {
    Map<String, Object> all = new LinkedHashMap<>();
    all.put("event", name);
    all.putAll(fields);
    StringBuilder json = new StringBuilder("{");
    for (Map.Entry<String, Object> field : all.entrySet()) {
      if (json.length() > 1) {
        json.append(", ");
      }
      json.append(EventJson.MAPPER.writeValueAsString(field.getKey())).append(": ")
          .append(EventJson.MAPPER.writeValueAsString(field.getValue()));
    }
    frame(name, json.append('}').toString());
    out.flush();
  }

  /** Writes one event frame whose data is {@code json} as is (the legacy {@code WorkflowRunOutput} event), flushed. */
  public void data(String name, String json) throws IOException {
    frame(name, json);
    out.flush();
  }

  public void flush() throws IOException {
    out.flush();
  }

  private void frame(String name, String json) throws IOException {
    out.write(("event: " + name + "\ndata: " + json + "\n\n").getBytes(StandardCharsets.UTF_8));
  }
}
