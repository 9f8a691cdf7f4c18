package dev.agentry.engine.tool.plugin;

import java.nio.file.Path;
import java.util.Map;

/**
 * The source of a small plugin, {@code greeter}, compiled into a jar by tests: {@code greet(name)} answers
 * "GREETING, NAME! (call N)" where N counts the calls of every instance; {@code stop} and {@code retry} return
 * Agno's StopAgentRun and RetryAgentRun; {@code fail} throws. Its options: {@code greeting} (text) and
 * {@code style} (plain or loud). The jar also registers a tool hook, {@code shout}, that upper-cases results.
 */
public final class GreeterPlugin {
  private GreeterPlugin() {}

  static final String SOURCE = """
      package acme;

      import dev.agentry.engine.tool.*;
      import java.util.List;
      import java.util.concurrent.atomic.AtomicInteger;
      import tools.jackson.databind.JsonNode;
      import tools.jackson.databind.json.JsonMapper;

      public class Greeter implements ToolPlugin {
        static final AtomicInteger CALLS = new AtomicInteger();
        static final JsonMapper JSON = JsonMapper.builder().build();
        private String greeting = "Hello";

        @Override public String name() { return "greeter"; }

        @Override public String optionsSchema() {
          return \"""
              {"type": "object", "additionalProperties": false,
               "properties": {"greeting": {"type": "string"}, "style": {"enum": ["plain", "loud"]}}}
              \""";
        }

        @Override public List<ToolDefinition> functions(JsonNode options) {
          return List.of(
              new ToolDefinition("greet", "Greets someone.", JSON.readTree(
                  "{\\"type\\": \\"object\\", \\"properties\\": {\\"name\\": {\\"type\\": \\"string\\"}},"
                  + " \\"required\\": [\\"name\\"]}")),
              new ToolDefinition("stop", "Stops the run.", JSON.readTree("{\\"type\\": \\"object\\"}")),
              new ToolDefinition("retry", "Asks for another try.", JSON.readTree("{\\"type\\": \\"object\\"}")),
              new ToolDefinition("fail", "Always fails.", JSON.readTree("{\\"type\\": \\"object\\"}")));
        }

        @Override public void open(JsonNode options) {
          greeting = options.path("greeting").asString("Hello");
        }

        @Override public ToolResult call(String function, JsonNode arguments, ToolContext context) throws Exception {
          return switch (function) {
            case "greet" -> ToolResult.of(greeting + ", " + arguments.path("name").asString() + "! (call "
                + CALLS.incrementAndGet() + ")");
            case "stop" -> ToolResult.stop("Stopped by the greeter.");
            case "retry" -> ToolResult.retry("Ask for the name first.");
            default -> throw new java.io.IOException("the greeter is broken");
          };
        }
      }
      """;

  static final String HOOK = """
      package acme;

      import dev.agentry.engine.tool.*;
      import tools.jackson.databind.JsonNode;

      public class Shout implements ToolHook {
        @Override public String name() { return "shout"; }

        @Override public ToolResult around(String function, JsonNode arguments, ToolContext context, Next next) {
          ToolResult result = next.call(arguments);
          return new ToolResult(result.content().toUpperCase(), result.outcome());
        }
      }
      """;

  /** Writes {@code greeter.jar} into {@code dir}. */
  public static Path jar(Path dir) {
    return PluginJars.build(dir.resolve("greeter.jar"), Map.of("acme/Greeter.java", SOURCE, "acme/Shout.java", HOOK),
        Map.of("META-INF/services/dev.agentry.engine.tool.ToolPlugin", "acme.Greeter\n",
            "META-INF/services/dev.agentry.engine.tool.ToolHook", "# the hooks\nacme.Shout\n"));
  }
}
