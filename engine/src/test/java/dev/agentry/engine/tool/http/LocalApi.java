package dev.agentry.engine.tool.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A local HTTP API on 127.0.0.1 for toolkit tests: records every request, and answers by path:
 * (under {@code /} or {@code /api/}) {@code /big} 50,000 bytes, {@code /missing} 404 JSON, {@code /slow} only when
 * the test ends, {@code /redirect-out}
 * a redirect to {@code localhost} (another host name for the same server), anything else 200 with a JSON echo.
 */
public final class LocalApi implements AutoCloseable {
  /** One request as the server saw it. */
  public record Request(String method, String path, @Nullable String rawQuery, Map<String, List<String>> headers,
      String body) {
    public @Nullable String header(String name) {
      for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
        if (entry.getKey().equalsIgnoreCase(name)) {
          return entry.getValue().get(0);
        }
      }
      return null;
    }
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final CountDownLatch release = new CountDownLatch(1);
  private final Map<String, String> documents = new java.util.concurrent.ConcurrentHashMap<>();
  public final List<Request> requests = new CopyOnWriteArrayList<>();

  public LocalApi() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(executor);
    server.createContext("/", exchange -> {
      try (exchange) {
        handle(exchange);
      }
    });
    server.start();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** The base URL, {@code http://127.0.0.1:PORT}. */
  public String url() {
    return "http://127.0.0.1:" + port();
  }

  /** Serves {@code body} as JSON at {@code path} (an OpenAPI document). */
  public void serve(String path, String body) {
    documents.put(path, body);
  }

  /** The last request. */
  public Request last() {
    if (requests.isEmpty()) {
      throw new AssertionError("the server got no request");
    }
    return requests.get(requests.size() - 1);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
        exchange.getRequestURI().getRawQuery(), Map.copyOf(exchange.getRequestHeaders()), body);
    requests.add(request);
    String path = request.path();
    if (documents.containsKey(path)) {
      send(exchange, 200, "application/json", documents.get(path));
      return;
    }
    switch (path.startsWith("/api/") ? path.substring(4) : path) {
      case "/big" -> send(exchange, 200, "text/plain", "a".repeat(50_000));
      case "/missing" -> send(exchange, 404, "application/json", "{\"detail\": \"no such pet\"}");
      case "/slow" -> {
        try {
          release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        send(exchange, 200, "text/plain", "late");
      }
      case "/redirect-out" -> {
        exchange.getResponseHeaders().set("Location", "http://localhost:" + port() + "/echo");
        exchange.sendResponseHeaders(302, -1);
      }
      default -> send(exchange, 200, "application/json", "{\"method\":\"" + request.method() + "\",\"ok\":true}");
    }
  }

  private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    } catch (IOException e) {
      // The client stopped reading (a size limit or a timeout): expected.
    }
  }

  @Override
  public void close() {
    release.countDown();
    server.stop(0);
    executor.shutdownNow();
  }
}
