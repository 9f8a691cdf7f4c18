package dev.agentry.engine.tool;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What a {@link ToolkitKind} is given to check or open one toolkit.
 *
 * @param name the Toolkit resource's name, or the builtin's name for a builtin listed inline by an agent
 * @param value the value under the kind's YAML key, with {@code ${env:...}} resolved: a string for {@code builtin}
 *     and {@code plugin}, an object for {@code mcp}, {@code http} and {@code openapi}, an array for {@code functions}
 * @param options the toolkit's {@code options} with the using entry's own on top (an object, empty when none)
 * @param services what a toolkit may use of the engine's environment
 */
public record ToolkitSettings(String name, JsonNode value, JsonNode options, Services services) {

  /**
   * The engine's environment, for toolkits.
   *
   * @param baseDir the folder relative paths resolve against (the spec root)
   * @param http the HTTP client of the engine
   * @param env reads environment variables
   * @param extensions the registry (plugins and hooks by name)
   */
  public record Services(Path baseDir, HttpClient http, Function<String, @Nullable String> env,
      Extensions extensions) {}

  /** The text value (of {@code builtin} and {@code plugin}). */
  public String text() {
    return value.asString();
  }

  /** The folder relative paths resolve against. */
  public Path baseDir() {
    return services.baseDir();
  }
}
