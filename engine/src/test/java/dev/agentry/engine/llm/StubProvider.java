package dev.agentry.engine.llm;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.agentry.engine.internal.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A stub model provider on a loopback port: records every request and answers with scripted {@link Reply}s in
 * order, speaking whatever wire format the replies hold. With no reply left it answers 418, which no client retries.
 */
public final class StubProvider implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final ReentrantLock lock = new ReentrantLock();
  private final Deque<Reply> replies = new ArrayDeque<>();
  private final List<Recorded> requests = new CopyOnWriteArrayList<>();
  private final CountDownLatch closing = new CountDownLatch(1);
  private final Condition received = lock.newCondition();

  private StubProvider() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  public static StubProvider start() {
    return new StubProvider();
  }

  /** The text of a test resource, such as "llm/openai/text.json". */
  public static String fixture(String path) {
    try (InputStream in = StubProvider.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The URL to use as base_url, without a trailing slash. */
  public String baseUrl() {
    return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort();
  }

  /** Queues replies, answered one per request in order. */
  public StubProvider reply(Reply... next) {
    lock.lock();
    try {
      replies.addAll(List.of(next));
    } finally {
      lock.unlock();
    }
    return this;
  }

  /** Every request received so far, in order. */
  public List<Recorded> requests() {
    return List.copyOf(requests);
  }

  /** Waits until at least {@code count} requests arrived; false when they did not within five seconds. */
  public boolean awaitRequests(int count) throws InterruptedException {
    long left = TimeUnit.SECONDS.toNanos(5);
    lock.lock();
    try {
      while (requests.size() < count && left > 0) {
        left = received.awaitNanos(left);
      }
      return requests.size() >= count;
    } finally {
      lock.unlock();
    }
  }

  public Recorded lastRequest() {
    return requests.getLast();
  }

  @Override
  public void close() {
    closing.countDown();
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    Map<String, String> headers = new LinkedHashMap<>();
    exchange.getRequestHeaders().forEach((name, values) ->
        headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
    requests.add(new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().toString(), headers,
        new String(body, StandardCharsets.UTF_8)));
    Reply reply;
    lock.lock();
    try {
      received.signalAll();
      reply = replies.isEmpty() ? Reply.json(418, "{\"error\":{\"message\":\"no scripted reply left\"}}")
          : replies.poll();
    } finally {
      lock.unlock();
    }
    reply.headers().forEach(exchange.getResponseHeaders()::add);
    byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
    OutputStream out = exchange.getResponseBody();
    switch (reply.mode()) {
      case WHOLE -> {
        exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
        out.write(bytes);
      }
      case EVENT_BY_EVENT -> {
        exchange.sendResponseHeaders(reply.status(), 0);
        for (String event : reply.body().split("(?<=\n\n)")) {
          out.write(event.getBytes(StandardCharsets.UTF_8));
          out.flush();
        }
      }
      case DROP_AFTER -> {
        exchange.sendResponseHeaders(reply.status(), 0);
        out.write(bytes);
        out.flush();
        // Leaving the handler by an exception makes the server close the socket, without the last chunk.
        throw new IOException("connection dropped as scripted");
      }
      case HANG_AFTER -> {
        exchange.sendResponseHeaders(reply.status(), 0);
        out.write(bytes);
        out.flush();
        try {
          closing.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
    try {
      out.close();
    } catch (IOException clientWentAway) {
      // A cancelled client closes first; nothing to answer any more.
    }
  }

  /** One request the stub received; header names are lower case. */
  public record Recorded(String method, String uri, Map<String, String> headers, String body) {
    public JsonNode json() {
      return Json.MAPPER.readTree(body);
    }

    public @Nullable String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  /** How the stub writes a reply. */
  public enum Mode {
    /** The whole body with its length. */
    WHOLE,
    /** Chunked, flushing after every blank-line-terminated event. */
    EVENT_BY_EVENT,
    /** The body, chunked, then the connection is cut before the last chunk. */
    DROP_AFTER,
    /** The body, then nothing until the stub closes: a stalled stream. */
    HANG_AFTER
  }

  /** One scripted answer. */
  public record Reply(int status, Map<String, String> headers, String body, Mode mode) {
    public static Reply json(String body) {
      return json(200, body);
    }

    public static Reply json(int status, String body) {
      return new Reply(status, Map.of("Content-Type", "application/json"), body, Mode.WHOLE);
    }

    /** A server-sent event stream, written event by event. */
    public static Reply sse(String body) {
      return new Reply(200, Map.of("Content-Type", "text/event-stream"), body, Mode.EVENT_BY_EVENT);
    }

    /** The start of an event stream, then a dropped connection. */
    public static Reply dropAfter(String partial) {
      return new Reply(200, Map.of("Content-Type", "text/event-stream"), partial, Mode.DROP_AFTER);
    }

    /** The start of an event stream, then silence. */
    public static Reply hangAfter(String partial) {
      return new Reply(200, Map.of("Content-Type", "text/event-stream"), partial, Mode.HANG_AFTER);
    }

    public Reply header(String name, String value) {
      Map<String, String> more = new LinkedHashMap<>(headers);
      more.put(name, value);
      return new Reply(status, more, body, mode);
    }
  }
}
