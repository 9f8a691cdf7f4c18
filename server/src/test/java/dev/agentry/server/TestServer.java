package dev.agentry.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentry.engine.compile.SpecCompiler;
import dev.agentry.server.config.ServerSettings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The black-box harness of the server tests (STYLE §33): the real server on port 0 over a temporary spec folder
 * (scripted models, an in-memory or temporary SQLite database), spoken to only over HTTP and SSE.
 *
 * <pre>{@code
 * try (TestServer server = TestServer.start(TestServer.SPECS)) {
 *   assertThat(server.get("/health").statusCode()).isEqualTo(200);
 * }
 * }</pre>
 */
public final class TestServer implements AutoCloseable {
  public static final JsonMapper JSON = JsonMapper.builder().build();

  /** A scripted agent {@code echo} (one tool call when asked to add, else a fixed answer) and {@code local-db}. */
  public static final Map<String, String> SPECS = Map.of(
      "agents.yaml", """
          apiVersion: agentry.dev/v1
          kind: Agent
          metadata: {name: echo}
          spec:
            name: Echo
            description: Answers from a script.
            model: echo-model
            tools:
              - builtin: calculator
                include_tools: [add]
            add_history_to_context: true
          ---
          apiVersion: agentry.dev/v1
          kind: Model
          metadata: {name: echo-model}
          spec:
            provider: scripted
            script:
              chunk_size: 5
              rules:
                - when: '(?i)add'
                  tool_calls: [{name: add, arguments: {a: 2, b: 3}}]
                  content: "The sum is {tool_result}."
              fallback: "Hello from the echo agent."
          """,
      "os.yaml", """
          apiVersion: agentry.dev/v1
          kind: AgentOS
          metadata: {name: test-os}
          spec:
            name: Test OS
            db: local-db
          ---
          apiVersion: agentry.dev/v1
          kind: Database
          metadata: {name: local-db}
          spec:
            url: "memory:"
          """);

  private final AgentServer server;
  private final Path specDir;
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final Map<String, String> headers = new LinkedHashMap<>();

  private TestServer(AgentServer server, Path specDir) {
    this.server = server;
    this.specDir = specDir;
  }

  /** Writes {@code files} (name → YAML) to a new temporary folder and serves it on port 0. */
  public static TestServer start(Map<String, String> files) {
    return start(files, s -> {});
  }

  /** As {@link #start(Map)}, with more settings (the spec folder and port are set here). */
  public static TestServer start(Map<String, String> files, Consumer<ServerSettings.Builder> settings) {
    return start(writeSpecs(files), settings, SpecCompiler.create());
  }

  /** As {@link #start(Map, Consumer)}, over a folder {@link #writeSpecs} filled, compiling with {@code compiler}. */
  public static TestServer start(Path dir, Consumer<ServerSettings.Builder> settings, SpecCompiler compiler) {
    AgentServer server = AgentServer.create(ServerSettings.create(s -> {
      s.port(0).reloadDebounce(Duration.ofMillis(50)).shutdownGrace(Duration.ofSeconds(2));
      settings.accept(s);
      s.specs(dir);
    }), compiler).start();
    return new TestServer(server, dir);
  }

  /**
   * As {@link #start(Map, Consumer)}, with engine settings applied after the server's own (e.g. a short instance
   * lease).
   */
  public static TestServer start(Map<String, String> files, Consumer<ServerSettings.Builder> settings,
      Consumer<dev.agentry.engine.run.EngineConfig.Builder> engine) {
    Path dir = writeSpecs(files);
    AgentServer server = AgentServer.create(ServerSettings.create(s -> {
      s.port(0).reloadDebounce(Duration.ofMillis(50)).shutdownGrace(Duration.ofSeconds(2));
      settings.accept(s);
      s.specs(dir);
    }), SpecCompiler.create(), dev.agentry.engine.tool.Extensions.defaults(), engine).start();
    return new TestServer(server, dir);
  }

  /** As {@link #start(Map)}, the engine opening Knowledge resources with {@code opener} (a test's fake). */
  public static TestServer startWithKnowledge(Map<String, String> files,
      dev.agentry.engine.knowledge.KnowledgeOpener opener) {
    Path dir = writeSpecs(files);
    AgentServer server = AgentServer.create(ServerSettings.create(s -> s.port(0).reloadDebounce(Duration.ofMillis(50))
        .shutdownGrace(Duration.ofSeconds(2)).specs(dir)), SpecCompiler.create(),
        dev.agentry.engine.tool.Extensions.defaults(), engine -> engine.knowledgeOpener(opener)).start();
    return new TestServer(server, dir);
  }

  /** The example spec folder, file by file (to serve a copy of it, on an in-memory database). */
  public static Map<String, String> examples() {
    Path root = Path.of("../specs");
    Map<String, String> files = new HashMap<>();
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.filter(Files::isRegularFile).toList()) {
        files.put(root.relativize(path).toString(), Files.readString(path));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  /** A new temporary folder holding {@code files}. */
  public static Path writeSpecs(Map<String, String> files) {
    try {
      Path dir = Files.createTempDirectory("agentry-specs-");
      for (Map.Entry<String, String> file : files.entrySet()) {
        Path path = dir.resolve(file.getKey());
        Files.createDirectories(path.getParent());
        Files.writeString(path, file.getValue());
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public AgentServer server() {
    return server;
  }

  /** The temporary spec folder, for tests that edit specs while the server runs. */
  public Path specDir() {
    return specDir;
  }

  public String url() {
    return server.url();
  }

  /** Adds a header to every later request (e.g. Authorization). */
  public TestServer header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  public HttpResponse<String> get(String path) {
    return send("GET", path, HttpRequest.BodyPublishers.noBody(), null);
  }

  public HttpResponse<String> delete(String path) {
    return send("DELETE", path, HttpRequest.BodyPublishers.noBody(), null);
  }

  public HttpResponse<String> delete(String path, String json) {
    return send("DELETE", path, HttpRequest.BodyPublishers.ofString(json), "application/json");
  }

  public HttpResponse<String> postJson(String path, String json) {
    return send("POST", path, HttpRequest.BodyPublishers.ofString(json), "application/json");
  }

  public HttpResponse<String> patchJson(String path, String json) {
    return send("PATCH", path, HttpRequest.BodyPublishers.ofString(json), "application/json");
  }

  /** POSTs {@code fields} as multipart/form-data, as Agent UI and Agno's client do. */
  public HttpResponse<String> postForm(String path, Map<String, String> fields) {
    Multipart body = Multipart.of(fields);
    return send("POST", path, HttpRequest.BodyPublishers.ofByteArray(body.bytes()), body.contentType());
  }

  /** POSTs {@code fields} as application/x-www-form-urlencoded. */
  public HttpResponse<String> postUrlencoded(String path, Map<String, String> fields) {
    String body = fields.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    return send("POST", path, HttpRequest.BodyPublishers.ofString(body), "application/x-www-form-urlencoded");
  }

  /** Any request, with raw body bytes and content type (null for none). */
  public HttpResponse<String> send(String method, String path, HttpRequest.BodyPublisher body, String contentType) {
    return send(method, path, body, contentType, Map.of());
  }

  /** Any request, with more headers for this request only (over those set by {@link #header}). */
  public HttpResponse<String> send(String method, String path, HttpRequest.BodyPublisher body, String contentType,
      Map<String, String> requestHeaders) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(30))
        .method(method, body);
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    headers.forEach((name, value) -> {
      if (!requestHeaders.containsKey(name)) {
        request.header(name, value);
      }
    });
    requestHeaders.forEach(request::header);
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** POSTs a multipart form and reads the whole SSE response, checking its framing (see {@link Sse}). */
  public Sse stream(String path, Map<String, String> fields) {
    Multipart body = Multipart.of(fields);
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(30))
        .header("Content-Type", body.contentType()).POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes()));
    headers.forEach(request::header);
    try {
      HttpResponse<InputStream> response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream in = response.body()) {
        return Sse.read(response.statusCode(), response.headers().firstValue("content-type").orElse(""), in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Sends a raw HTTP/1.1 request with any headers (Java's clients refuse to set Origin and the CORS request
   * headers) and returns the status line's code and the response headers, lower-cased names.
   */
  public RawResponse raw(String method, String path, Map<String, String> requestHeaders) {
    URI uri = URI.create(url());
    try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
      socket.setSoTimeout(10_000);
      StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: " + uri.getHost() + "\r\n"
          + "Connection: close\r\nContent-Length: 0\r\n");
      headers.forEach((k, v) -> request.append(k).append(": ").append(v).append("\r\n"));
      requestHeaders.forEach((k, v) -> request.append(k).append(": ").append(v).append("\r\n"));
      socket.getOutputStream().write(request.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
      BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      int status = Integer.parseInt(in.readLine().split(" ")[1]);
      Map<String, String> responseHeaders = new LinkedHashMap<>();
      String line;
      while ((line = in.readLine()) != null && !line.isEmpty()) {
        int colon = line.indexOf(':');
        responseHeaders.merge(line.substring(0, colon).strip().toLowerCase(java.util.Locale.ROOT),
            line.substring(colon + 1).strip(), (a, b) -> a + ", " + b);
      }
      return new RawResponse(status, responseHeaders);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The status and headers of a {@link #raw} request. */
  public record RawResponse(int status, Map<String, String> headers) {}

  /** Parses a JSON response body. */
  public static JsonNode json(HttpResponse<String> response) {
    return JSON.readTree(response.body());
  }

  @Override
  public void close() {
    server.close();
    try (Stream<Path> files = Files.walk(specDir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temp folder left behind is harmless
    }
  }

  /**
   * An SSE response read to its end. Parsing is strict, as the contract frames events: every event is exactly
   * {@code event: <Name>}, one {@code data: <json>} line and a blank line, the JSON's {@code event} equals the name
   * (for run events), and comment lines ({@code : heartbeat}) are allowed between events.
   */
  public record Sse(int status, String contentType, List<Event> events, String raw) {
    /** One event: its name and JSON. */
    public record Event(String name, JsonNode data) {}

    static Sse read(int status, String contentType, InputStream in) throws IOException {
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      StringBuilder raw = new StringBuilder();
      List<Event> events = new ArrayList<>();
      String line;
      List<String> block = new ArrayList<>();
      while ((line = reader.readLine()) != null) {
        raw.append(line).append('\n');
        if (line.isEmpty()) {
          if (!block.isEmpty()) {
            events.add(parse(block));
            block.clear();
          }
        } else if (!line.startsWith(":")) {
          block.add(line);
        }
      }
      assertThat(block).as("the stream ends with a blank line after its last event").isEmpty();
      return new Sse(status, contentType, List.copyOf(events), raw.toString());
    }

    private static Event parse(List<String> block) {
      assertThat(block).as("an event is one event: line and one data: line").hasSize(2);
      assertThat(block.get(0)).startsWith("event: ");
      assertThat(block.get(1)).startsWith("data: ");
      String name = block.get(0).substring("event: ".length());
      JsonNode data = JSON.readTree(block.get(1).substring("data: ".length()));
      assertThat(data.path("event").asString()).as("the data's event field names the event").isEqualTo(name);
      return new Event(name, data);
    }

    /** The event names, in order. */
    public List<String> names() {
      return events.stream().map(Event::name).toList();
    }

    /** The first event with this name. */
    public Event first(String name) {
      return events.stream().filter(e -> e.name().equals(name)).findFirst()
          .orElseThrow(() -> new AssertionError("no " + name + " event in " + names()));
    }
  }

  /** A multipart/form-data body. */
  public record Multipart(byte[] bytes, String contentType) {
    public static Multipart of(Map<String, String> fields) {
      String boundary = "----agentry" + UUID.randomUUID().toString().replace("-", "");
      StringBuilder body = new StringBuilder();
      fields.forEach((name, value) -> body.append("--").append(boundary).append("\r\n")
          .append("Content-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n")
          .append(value).append("\r\n"));
      body.append("--").append(boundary).append("--\r\n");
      return new Multipart(body.toString().getBytes(StandardCharsets.UTF_8),
          "multipart/form-data; boundary=" + boundary);
    }
  }
}
