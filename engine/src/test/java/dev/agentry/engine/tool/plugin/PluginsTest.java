package dev.agentry.engine.tool.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentry.engine.internal.Json;
import dev.agentry.engine.tool.Extensions;
import dev.agentry.engine.tool.ToolDefinition;
import dev.agentry.engine.tool.ToolkitException;
import dev.agentry.engine.tool.ToolkitSettings;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plugins from the jars of a folder: found, isolated from broken neighbours, options checked by their schema. */
class PluginsTest {
  @TempDir Path dir;

  @Test
  void finds_the_plugins_and_hooks_of_the_jars_in_the_folder() {
    GreeterPlugin.jar(dir);
    Extensions.Builder builder = Extensions.builder();

    List<Plugins.Loaded> loaded = builder.loadPlugins(dir);
    Extensions extensions = builder.build();

    assertThat(loaded).extracting(Plugins.Loaded::toString)
        .containsExactly("greeter (greeter.jar)", "shout (tool hook, greeter.jar)");
    assertThat(extensions.pluginNames()).containsExactly("greeter");
    assertThat(extensions.hookNames()).containsExactly("shout");
    assertThat(extensions.newPlugin("greeter")).isNotSameAs(extensions.newPlugin("greeter")); // one per toolkit
  }

  @Test
  void a_missing_folder_means_no_plugins() {
    Extensions.Builder builder = Extensions.builder();

    assertThat(builder.loadPlugins(dir.resolve("plugins"))).isEmpty();
    assertThat(builder.build().pluginNames()).isEmpty();
  }

  @Test
  void a_broken_jar_a_missing_class_a_failing_constructor_and_a_second_name_are_skipped() throws Exception {
    GreeterPlugin.jar(dir);
    Files.write(dir.resolve("corrupt.jar"), new byte[] {1, 2, 3, 4});
    PluginJars.build(dir.resolve("missing.jar"), Map.of(),
        Map.of("META-INF/services/dev.agentry.engine.tool.ToolPlugin", "acme.NotThere\n"));
    PluginJars.build(dir.resolve("throws.jar"), Map.of("bad/Boom.java", """
        package bad;
        public class Boom implements dev.agentry.engine.tool.ToolPlugin {
          public Boom() { throw new IllegalStateException("no licence key"); }
          public String name() { return "boom"; }
          public java.util.List<dev.agentry.engine.tool.ToolDefinition> functions(tools.jackson.databind.JsonNode o) {
            return java.util.List.of();
          }
          public dev.agentry.engine.tool.ToolResult call(String f, tools.jackson.databind.JsonNode a,
              dev.agentry.engine.tool.ToolContext c) { return null; }
        }
        """), Map.of("META-INF/services/dev.agentry.engine.tool.ToolPlugin", "bad.Boom\n"));
    PluginJars.build(dir.resolve("twin.jar"), Map.of("twin/Greeter.java",
        GreeterPlugin.SOURCE.replace("package acme;", "package twin;")),
        Map.of("META-INF/services/dev.agentry.engine.tool.ToolPlugin", "twin.Greeter\n"));
    Extensions.Builder builder = Extensions.builder();

    List<Plugins.Loaded> loaded = builder.loadPlugins(dir);

    assertThat(loaded).extracting(Plugins.Loaded::toString)
        .containsExactly("greeter (greeter.jar)", "shout (tool hook, greeter.jar)");
    assertThat(builder.build().pluginNames()).containsExactly("greeter");
  }

  @Test
  void options_are_checked_against_the_plugins_schema_with_pointers_inside_options() {
    GreeterPlugin.jar(dir);
    Extensions.Builder builder = Extensions.builder();
    builder.loadPlugins(dir);
    Extensions extensions = builder.build();
    PluginKind kind = new PluginKind();

    assertThatThrownBy(() -> kind.describe(settings(extensions, "{\"style\": \"whisper\", \"colour\": 1}")))
        .isInstanceOf(ToolkitException.class)
        .hasMessageContaining("options/style: must be one of plain, loud")
        .hasMessageContaining("options: unknown option 'colour'");
    assertThatThrownBy(() -> kind.describe(settings(extensions, "{\"greeting\": 42}")))
        .hasMessageStartingWith("options/greeting: ");
    assertThat(kind.describe(settings(extensions, "{\"greeting\": \"Hi\"}"))).extracting(ToolDefinition::name)
        .containsExactly("greet", "stop", "retry", "fail");
  }

  private ToolkitSettings settings(Extensions extensions, String options) {
    return new ToolkitSettings("greetings", Json.MAPPER.readTree("\"greeter\""), Json.MAPPER.readTree(options),
        new ToolkitSettings.Services(dir, HttpClient.newHttpClient(), name -> null, extensions));
  }
}
