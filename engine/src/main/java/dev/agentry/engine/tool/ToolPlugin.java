package dev.agentry.engine.tool;

import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Tools written in Java or Kotlin, run on the server: the plugin SPI. A YAML {@code Toolkit} uses one with
 * {@code plugin: NAME} and {@code options}.
 *
 * <p>Found by {@link java.util.ServiceLoader} ({@code META-INF/services/dev.agentry.engine.tool.ToolPlugin}) in the
 * jars of the plugins folder, or registered by an embedding application through {@code EngineConfig}. Each Toolkit
 * that uses a plugin gets an instance of its own: {@link #open} with the toolkit's options, then any number of
 * {@link #call}s (possibly at once, from several runs), then {@link #close} when the toolkit is retired.
 *
 * <pre>{@code
 * class WeatherPlugin : ToolPlugin {
 *   override fun name() = "weather"
 *   override fun functions(options: JsonNode) = listOf(ToolDefinition("forecast", "...", schema))
 *   override fun call(function: String, arguments: JsonNode, context: ToolContext) = ToolResult.of("sunny")
 * }
 * }</pre>
 *
 * A call that throws is reported to the model as the tool's error; it never ends the run or the server.
 * {@link ToolResult#stop} and {@link ToolResult#retry} are Agno's {@code StopAgentRun} and {@code RetryAgentRun}.
 */
public interface ToolPlugin {
  /** The name YAML uses ({@code plugin: NAME}); unique among the plugins of a server. */
  String name();

  /**
   * The JSON Schema (as JSON text) the toolkit's {@code options} must match, checked when the specs are compiled with
   * located diagnostics; null when the plugin takes any options.
   */
  default @Nullable String optionsSchema() {
    return null;
  }

  /** The functions the plugin offers with {@code options}; called before {@link #open} too, to check names. */
  List<ToolDefinition> functions(JsonNode options);

  /** Calls {@code function} (one of {@link #functions}) with arguments that match its schema. */
  ToolResult call(String function, JsonNode arguments, ToolContext context) throws Exception;

  /** Prepares this instance for the toolkit's {@code options} (connections, clients); called once, first. */
  default void open(JsonNode options) throws Exception {}

  /** Releases what {@link #open} acquired; called once, last. */
  default void close() throws Exception {}
}
