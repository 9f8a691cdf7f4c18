package dev.agentry.examples.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.agentry.engine.tool.Extensions;
import dev.agentry.engine.tool.plugin.Plugins;
import dev.agentry.server.AgentServer;
import dev.agentry.server.config.ServerSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The example specs ({@code examples/kotlin-plugin/specs}) served with the plugin's jar in a plugins folder: the
 * agent declared in YAML calls the Kotlin plugin over the HTTP API.
 */
class UnitsPluginServeTest {
  /** Where the build puts the plugin's jar (this test runs after packaging). */
  private static final Path PLUGINS = Path.of("target/plugins");

  @BeforeEach
  void onlyAfterPackaging() {
    // run by the build's serve-test execution, whose classpath lacks the plugin's own classes
    assumeTrue(getClass().getClassLoader().getResource("dev/agentry/examples/units/UnitsPlugin.class") == null,
        "the plugin's classes are on the classpath: this test runs after packaging (mvn verify)");
  }

  @Test
  void the_plugin_comes_from_the_jar_alone() {
    assertThat(Extensions.builder().loadPlugins(PLUGINS)).extracting(Plugins.Loaded::toString)
        .containsExactly("units (units-plugin.jar)");
  }

  @Test
  void the_example_agent_calls_the_kotlin_plugin_from_the_plugins_folder() throws Exception {
    Path plugins = PLUGINS;
    try (AgentServer server = AgentServer.create(ServerSettings.create(s -> s.specs(Path.of("specs")).port(0)
        .dbUrl("memory:").watch(false).plugins(plugins))).start()) {
      HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
              URI.create(server.url() + "/agents/unit-converter/runs"))
          .header("Content-Type", "application/x-www-form-urlencoded").timeout(Duration.ofSeconds(30))
          .POST(HttpRequest.BodyPublishers.ofString("message=451+F+in+C%3F&stream=false")).build(),
          HttpResponse.BodyHandlers.ofString());

      assertThat(response.statusCode()).isEqualTo(200);
      JsonNode run = JsonMapper.builder().build().readTree(response.body());
      assertThat(run.path("status").asString()).isEqualTo("COMPLETED");
      assertThat(run.path("tools").size()).isEqualTo(1);
      JsonNode tool = run.path("tools").get(0);
      assertThat(tool.path("tool_name").asString()).isEqualTo("convert_temperature");
      assertThat(tool.path("result").asString()).isEqualTo("232.8 C"); // precision 1, from the Toolkit's options
      assertThat(tool.path("tool_call_error").asBoolean()).isFalse();
    }
  }

  @Test
  void agentry_validate_checks_the_example_against_the_plugins_folder() {
    assertThat(dev.agentry.server.cli.Main.run("validate", "--plugins", PLUGINS.toString(), "specs")).isZero();
    assertThat(dev.agentry.server.cli.Main.run("validate", "--plugins", "no-such-folder", "specs")).isEqualTo(1);
  }

  @Test
  void without_the_plugin_the_example_does_not_compile() {
    assertThat(dev.agentry.engine.compile.SpecCompiler.create().compile(Path.of("specs")).diagnostics())
        .anySatisfy(d -> assertThat(d.message()).contains("no plugin is named 'units'"));
  }
}
