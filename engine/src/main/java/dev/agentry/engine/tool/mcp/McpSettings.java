package dev.agentry.engine.tool.mcp;

import dev.agentry.engine.tool.ToolkitException;
import dev.agentry.engine.tool.ToolkitSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The checked settings of one MCP toolkit (the object under {@code mcp:}).
 *
 * @param name the Toolkit resource's name, for messages and the log
 * @param command the program of a stdio server, resolved against {@code baseDir} when it is a relative path
 * @param url the endpoint of a remote server
 * @param timeout how long the server may take to start, and each call
 */
record McpSettings(
    String name,
    Transport transport,
    @Nullable String command,
    List<String> args,
    Map<String, String> env,
    @Nullable URI url,
    Map<String, String> headers,
    Duration timeout,
    Path baseDir) {

  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  /** How the client talks to the server. */
  enum Transport {
    STDIO("stdio"),
    SSE("sse"),
    STREAMABLE_HTTP("streamable-http");

    final String key;

    Transport(String key) {
      this.key = key;
    }
  }

  McpSettings {
    args = List.copyOf(args);
    env = Map.copyOf(env);
    headers = Map.copyOf(headers);
  }

  /** Reads and checks {@code settings.value()}; throws {@link ToolkitException} naming the wrong setting. */
  static McpSettings of(ToolkitSettings settings) {
    JsonNode value = settings.value();
    String name = settings.name();
    if (!value.isObject()) {
      throw problem(name, "'mcp' must be an object with a command or a url");
    }
    @Nullable String command = text(value, "command", name);
    @Nullable String url = text(value, "url", name);
    @Nullable String transportKey = text(value, "transport", name);
    Transport transport = transportKey == null
        ? (command != null ? Transport.STDIO : Transport.STREAMABLE_HTTP)
        : transport(transportKey, name);
    Duration timeout = DEFAULT_TIMEOUT;
    JsonNode seconds = value.get("timeout_seconds");
    if (seconds != null && !seconds.isNull()) {
      if (!seconds.canConvertToInt() || seconds.asInt() < 1) {
        throw problem(name, "'timeout_seconds' must be a whole number of seconds, at least 1");
      }
      timeout = Duration.ofSeconds(seconds.asInt());
    }
    @Nullable URI uri = null;
    if (transport == Transport.STDIO) {
      if (command == null || command.isBlank()) {
        throw problem(name, "transport stdio needs a 'command' (the program that starts the server)");
      }
      if (url != null) {
        throw problem(name, "transport stdio takes a 'command', not a 'url'");
      }
    } else {
      if (url == null || url.isBlank()) {
        throw problem(name, "transport " + transport.key + " needs a 'url'");
      }
      if (command != null) {
        throw problem(name, "transport " + transport.key + " takes a 'url', not a 'command'");
      }
      uri = uri(url, name);
    }
    return new McpSettings(name, transport, command, strings(value, "args", name), map(value, "env", name), uri,
        map(value, "headers", name), timeout, settings.baseDir());
  }

  private static Transport transport(String key, String name) {
    for (Transport transport : Transport.values()) {
      if (transport.key.equals(key)) {
        return transport;
      }
    }
    throw problem(name, "unknown transport '" + key + "' (stdio, sse or streamable-http)");
  }

  private static URI uri(String url, String name) {
    try {
      URI uri = new URI(url);
      if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())
          || uri.getHost() == null) {
        throw problem(name, "'url' must be an http or https URL, not '" + url + "'");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw problem(name, "'url' is not a URL: " + e.getMessage());
    }
  }

  private static @Nullable String text(JsonNode value, String field, String name) {
    JsonNode node = value.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isString()) {
      throw problem(name, "'" + field + "' must be a string");
    }
    return node.asString();
  }

  private static List<String> strings(JsonNode value, String field, String name) {
    JsonNode node = value.get(field);
    if (node == null || node.isNull()) {
      return List.of();
    }
    if (!node.isArray()) {
      throw problem(name, "'" + field + "' must be a list of strings");
    }
    List<String> strings = new ArrayList<>();
    for (JsonNode item : node) {
      if (!item.isString()) {
        throw problem(name, "'" + field + "' must be a list of strings");
      }
      strings.add(item.asString());
    }
    return strings;
  }

  private static Map<String, String> map(JsonNode value, String field, String name) {
    JsonNode node = value.get(field);
    if (node == null || node.isNull()) {
      return Map.of();
    }
    if (!node.isObject()) {
      throw problem(name, "'" + field + "' must map names to strings");
    }
    Map<String, String> map = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : node.properties()) {
      if (!entry.getValue().isString()) {
        throw problem(name, "'" + field + "." + entry.getKey() + "' must be a string");
      }
      map.put(entry.getKey(), entry.getValue().asString());
    }
    return map;
  }

  private static ToolkitException problem(String name, String message) {
    return new ToolkitException("mcp toolkit '" + name + "': " + message);
  }

  /** The program to start: a relative path (one with a slash) is taken from the spec folder, a bare name from PATH. */
  String program() {
    String program = Objects.requireNonNull(command);
    if (program.contains("/") && !Path.of(program).isAbsolute()) {
      return baseDir.resolve(program).normalize().toString();
    }
    return program;
  }

  /** What the log and messages call the server. */
  String describeServer() {
    return transport == Transport.STDIO ? "'" + command + "'" : String.valueOf(url);
  }
}
