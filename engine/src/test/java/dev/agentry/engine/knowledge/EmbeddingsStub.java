package dev.agentry.engine.knowledge;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.agentry.engine.internal.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * An OpenAI-compatible embeddings endpoint on a loopback port ({@code POST /v1/embeddings}; any POST path ending in
 * {@code /embeddings}, as Azure's deployment paths), answering with
 * {@link StubVectors} so texts sharing words are close. It records every request, can require a bearer key, can
 * fail the next requests with 429 or 500, and can list the embeddings in reverse order (clients must sort by
 * {@code index}).
 */
public final class EmbeddingsStub implements AutoCloseable {
  /** One request as received. */
  public record Request(String method, String path, @Nullable String query, @Nullable String authorization,
      Map<String, String> headers, JsonNode body) {
    /** The value of a request header (name in lower case), or null. */
    public @Nullable String header(String name) {
      return headers.get(name);
    }

    /** The texts of {@code input}, a string or an array of strings. */
    public List<String> inputs() {
      JsonNode input = body.path("input");
      List<String> texts = new ArrayList<>();
      if (input.isArray()) {
        input.forEach(n -> texts.add(n.asString()));
      } else if (input.isString()) {
        texts.add(input.asString());
      }
      return texts;
    }
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final AtomicInteger failuresLeft = new AtomicInteger();
  private volatile int failureStatus = 500;
  private volatile @Nullable String key;
  private volatile int defaultDimensions;
  private volatile boolean reversed;
  private volatile boolean ignoreDimensions;

  private EmbeddingsStub(int defaultDimensions) {
    this.defaultDimensions = defaultDimensions;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /** Starts a stub answering with {@code defaultDimensions} floats unless a request sends {@code dimensions}. */
  public static EmbeddingsStub start(int defaultDimensions) {
    return new EmbeddingsStub(defaultDimensions);
  }

  /** The base URL as OpenAI clients take it: {@code http://127.0.0.1:port/v1}. */
  public String baseUrl() {
    return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort() + "/v1";
  }

  /** From now on, answers 401 unless the request carries {@code Authorization: Bearer <key>}. */
  public EmbeddingsStub requireKey(String bearerKey) {
    key = bearerKey;
    return this;
  }

  /** Answers the next {@code times} requests with {@code status} (429 or 5xx) and an OpenAI error body. */
  public EmbeddingsStub failNext(int times, int status) {
    failureStatus = status;
    failuresLeft.set(times);
    return this;
  }

  /** Lists the embeddings of a response in reverse order of their {@code index}. */
  public EmbeddingsStub reverseOrder() {
    reversed = true;
    return this;
  }

  /** Answers with the default size whatever {@code dimensions} a request sends, as some servers do. */
  public EmbeddingsStub ignoreDimensions() {
    ignoreDimensions = true;
    return this;
  }

  /** Every request received so far, in order. */
  public List<Request> requests() {
    return List.copyOf(requests);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      JsonNode json;
      try {
        json = Json.MAPPER.readTree(body.isBlank() ? "{}" : body);
      } catch (RuntimeException e) {
        send(exchange, 400, error("We could not parse the JSON body of your request.", "invalid_request_error"));
        return;
      }
      String authorization = exchange.getRequestHeaders().getFirst("Authorization");
      Map<String, String> headers = new LinkedHashMap<>();
      exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(java.util.Locale.ROOT),
          values.getFirst()));
      Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
          exchange.getRequestURI().getQuery(), authorization, headers, json);
      requests.add(request);
      if (!request.path().endsWith("/embeddings") || !request.method().equals("POST")) {
        send(exchange, 404, error("Invalid URL (" + request.method() + " " + request.path() + ")",
            "invalid_request_error"));
        return;
      }
      String expected = key;
      if (expected != null && !("Bearer " + expected).equals(authorization)) {
        send(exchange, 401, error("Incorrect API key provided.", "invalid_request_error"));
        return;
      }
      if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        int status = failureStatus;
        send(exchange, status, error(status == 429 ? "Rate limit reached for requests" : "The server had an error",
            status == 429 ? "requests" : "server_error"));
        return;
      }
      List<String> inputs = request.inputs();
      if (!json.path("model").isString() || inputs.isEmpty()) {
        send(exchange, 400, error("'model' and a non-empty 'input' are required", "invalid_request_error"));
        return;
      }
      int dimensions = json.path("dimensions").isInt() && !ignoreDimensions ? json.path("dimensions").asInt()
          : defaultDimensions;
      boolean base64 = "base64".equals(json.path("encoding_format").asString(""));
      List<Map<String, Object>> data = new ArrayList<>();
      int tokens = 0;
      for (int i = 0; i < inputs.size(); i++) {
        float[] vector = StubVectors.embed(inputs.get(i), dimensions);
        tokens += inputs.get(i).split("\\s+").length;
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("object", "embedding");
        item.put("index", i);
        item.put("embedding", base64 ? base64(vector) : vector);
        data.add(item);
      }
      if (reversed) {
        data = data.reversed();
      }
      Map<String, Object> response = new LinkedHashMap<>();
      response.put("object", "list");
      response.put("data", data);
      response.put("model", json.path("model").asString());
      response.put("usage", Map.of("prompt_tokens", tokens, "total_tokens", tokens));
      send(exchange, 200, response);
    }
  }

  private static String base64(float[] vector) {
    ByteBuffer buffer = ByteBuffer.allocate(vector.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (float v : vector) {
      buffer.putFloat(v);
    }
    return Base64.getEncoder().encodeToString(buffer.array());
  }

  private static Map<String, Object> error(String message, String type) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("message", message);
    error.put("type", type);
    error.put("param", null);
    error.put("code", null);
    return Map.of("error", error);
  }

  private static void send(HttpExchange exchange, int status, Object body) throws IOException {
    byte[] bytes = Json.MAPPER.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  @Override
  public void close() {
    server.stop(0);
    executor.close();
  }
}
