package dev.agentry.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentry.engine.compile.SpecCompiler;
import dev.agentry.engine.event.RunStatus;
import dev.agentry.engine.event.ToolExecution;
import dev.agentry.engine.llm.Role;
import dev.agentry.engine.spec.Diagnostic;
import dev.agentry.engine.tool.Extensions;
import dev.agentry.engine.tool.ToolHook;
import dev.agentry.engine.tool.ToolResult;
import dev.agentry.engine.tool.plugin.GreeterPlugin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

/**
 * An agent declared in YAML calls a plugin loaded from a jar in a plugins folder, through the engine: options from
 * the Toolkit, Agno's StopAgentRun and RetryAgentRun from the plugin, tool hooks, cached results.
 */
class PluginToolsTest {
  @TempDir Path dir;
  private Path specs;
  private Extensions.Builder extensions;
  private final List<String> trace = new CopyOnWriteArrayList<>();

  private static final String TOOLKIT = Specs.HEADER + """
      kind: Toolkit
      metadata: {name: greetings}
      spec:
        plugin: greeter
        options: {greeting: Bonjour}
      """;

  @BeforeEach
  void plugins() throws IOException {
    GreeterPlugin.jar(dir.resolve("plugins"));
    specs = Files.createDirectories(dir.resolve("specs"));
    extensions = Extensions.builder();
    extensions.loadPlugins(dir.resolve("plugins"));
  }

  private SpecCompiler.Result compile(Extensions built, String agentSpec, String script, String extra)
      throws IOException {
    Files.writeString(specs.resolve("specs.yaml"), Specs.agent(agentSpec, script) + "---\n" + extra);
    return SpecCompiler.create(built).compile(specs);
  }

  private Engine engine(String agentSpec, String script, String extra) throws IOException {
    Extensions built = extensions.build();
    return Engine.create(compile(built, agentSpec, script, extra).orThrow(), c -> c.baseDir(specs).extensions(built));
  }

  @Test
  void an_agent_calls_a_plugin_from_the_plugins_folder_with_the_toolkits_options() throws IOException {
    Engine engine = engine("tools: [{toolkit: greetings}]", """
        turns:
          - tool_calls: [{name: greet, arguments: {name: Ada}}]
          - content: done
        """, TOOLKIT);

    RunOutput out = engine.run("agent", RunRequest.of("greet Ada"));

    assertThat(out.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(out.tools()).singleElement().satisfies(t -> {
      assertThat(t.toolName()).isEqualTo("greet");
      assertThat(t.result()).isEqualTo("Bonjour, Ada! (call 1)");
      assertThat(t.toolCallError()).isFalse();
    });
  }

  @Test
  void wrong_options_are_a_located_compile_error_naming_the_option() throws IOException {
    SpecCompiler.Result result = compile(extensions.build(), "tools: [{toolkit: greetings}]", "fallback: ok",
        TOOLKIT.replace("{greeting: Bonjour}", "{greeting: Bonjour, style: whisper}"));

    List<String> lines = Files.readAllLines(specs.resolve("specs.yaml"));
    int optionsLine = lines.indexOf("  options: {greeting: Bonjour, style: whisper}") + 1;
    assertThat(result.ok()).isFalse();
    assertThat(result.diagnostics()).filteredOn(d -> d.severity() == Diagnostic.Severity.ERROR).singleElement()
        .satisfies(d -> {
          assertThat(d.pointer()).isEqualTo("/spec/options");
          assertThat(d.message()).contains("options/style: must be one of plain, loud");
          assertThat(d.line()).isEqualTo(optionsLine);
        });
  }

  @Test
  void a_plugin_that_throws_is_the_calls_error_and_the_run_goes_on() throws IOException {
    Engine engine = engine("tools: [{toolkit: greetings}]", """
        turns:
          - tool_calls: [{name: fail, arguments: {}}]
          - content: sorry
        """, TOOLKIT);

    RunOutput out = engine.run("agent", RunRequest.of("go"));

    assertThat(out.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(out.content()).isEqualTo("sorry");
    assertThat(out.tools().getFirst().toolCallError()).isTrue();
    assertThat(out.tools().getFirst().result()).contains("the greeter is broken");
  }

  @Test
  void stop_ends_the_run_with_the_plugins_reason() throws IOException {
    Engine engine = engine("tools: [{toolkit: greetings}]", """
        turns:
          - tool_calls: [{name: stop, arguments: {}}]
          - content: never asked
        """, TOOLKIT);

    RunOutput out = engine.run("agent", RunRequest.of("go"));

    assertThat(out.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(out.tools()).singleElement().satisfies(t -> {
      assertThat(t.stopAfterToolCall()).isTrue();
      assertThat(t.result()).isEqualTo("Stopped by the greeter.");
    });
    assertThat(out.messages()).filteredOn(m -> m.message().role() == Role.ASSISTANT)
        .noneMatch(m -> "never asked".equals(m.message().content()));
  }

  @Test
  void retry_shows_the_model_the_instructions_as_an_error_and_the_loop_goes_on() throws IOException {
    Engine engine = engine("tools: [{toolkit: greetings}]", """
        turns:
          - tool_calls: [{name: retry, arguments: {}}]
          - tool_calls: [{name: greet, arguments: {name: Ada}}]
          - content: done
        """, TOOLKIT);

    RunOutput out = engine.run("agent", RunRequest.of("go"));

    assertThat(out.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(out.content()).isEqualTo("done");
    assertThat(out.tools()).extracting(ToolExecution::toolCallError).containsExactly(true, false);
    assertThat(out.messages()).filteredOn(m -> m.message().role() == Role.TOOL).first()
        .satisfies(m -> assertThat(m.message().content()).isEqualTo("Ask for the name first."));
  }

  @Test
  void hooks_run_around_each_call_in_list_order_and_may_change_arguments_and_results() throws IOException {
    extensions.hook(recording("first")).hook(new ToolHook() {
      @Override
      public String name() {
        return "rename";
      }

      @Override
      public ToolResult around(String function, tools.jackson.databind.JsonNode arguments,
          dev.agentry.engine.tool.ToolContext context, Next next) {
        trace.add("rename " + function);
        ObjectNode changed = ((ObjectNode) arguments.deepCopy()).put("name", "Grace");
        return next.call(changed);
      }
    });
    Engine engine = engine("""
        tools: [{toolkit: greetings}]
        tool_hooks: [first, rename, shout]
        """, """
        turns:
          - tool_calls: [{name: greet, arguments: {name: Ada}}]
          - content: done
        """, TOOLKIT);

    RunOutput out = engine.run("agent", RunRequest.of("go"));

    assertThat(trace).containsExactly("first before greet", "rename greet", "first after BONJOUR, GRACE! (CALL 1)");
    assertThat(out.tools().getFirst().result()).isEqualTo("BONJOUR, GRACE! (CALL 1)");
  }

  @Test
  void a_hook_that_throws_is_the_calls_error() throws IOException {
    extensions.hook(new ToolHook() {
      @Override
      public String name() {
        return "deny";
      }

      @Override
      public ToolResult around(String function, tools.jackson.databind.JsonNode arguments,
          dev.agentry.engine.tool.ToolContext context, Next next) throws Exception {
        throw new SecurityException("greeting is not allowed today");
      }
    });
    Engine engine = engine("""
        tools: [{toolkit: greetings}]
        tool_hooks: [deny]
        """, """
        turns:
          - tool_calls: [{name: greet, arguments: {name: Ada}}]
          - content: done
        """, TOOLKIT);

    RunOutput out = engine.run("agent", RunRequest.of("go"));

    assertThat(out.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(out.tools().getFirst().toolCallError()).isTrue();
    assertThat(out.tools().getFirst().result()).contains("greeting is not allowed today");
  }

  @Test
  void an_unknown_hook_is_a_located_compile_error_with_did_you_mean() throws IOException {
    SpecCompiler.Result result = compile(extensions.build(), """
        tools: [{toolkit: greetings}]
        tool_hooks: [shuot]
        """, "fallback: ok", TOOLKIT);

    assertThat(result.diagnostics()).filteredOn(d -> d.severity() == Diagnostic.Severity.ERROR).singleElement()
        .satisfies(d -> {
          assertThat(d.code()).isEqualTo("unknown-tool-hook");
          assertThat(d.pointer()).isEqualTo("/spec/tool_hooks/0");
          assertThat(d.message()).isEqualTo("no tool hook is named 'shuot'");
          assertThat(d.hint()).contains("shout");
        });
  }

  @Test
  void cached_results_answer_the_same_arguments_in_any_key_order_across_runs_and_errors_are_not_kept()
      throws IOException {
    Engine engine = engine("tools: [{toolkit: greetings}]", """
        turns:
          - tool_calls:
              - {name: greet, arguments: {name: Ada, extra: {a: 1, b: 2}}}
              - {name: fail, arguments: {}}
          - tool_calls:
              - {name: greet, arguments: {extra: {b: 2, a: 1}, name: Ada}}
              - {name: greet, arguments: {name: Grace}}
          - content: done
        """, TOOLKIT.replace("  plugin: greeter", "  plugin: greeter\n  cache_results: true\n  cache_ttl: 60"));

    RunOutput first = engine.run("agent", RunRequest.of("go"));
    RunOutput second = engine.run("agent", RunRequest.of("go"));

    assertThat(first.tools()).extracting(ToolExecution::result).containsExactly("Bonjour, Ada! (call 1)",
        "Error: fail failed: the greeter is broken", "Bonjour, Ada! (call 1)", "Bonjour, Grace! (call 2)");
    assertThat(second.tools()).extracting(ToolExecution::result).containsExactly("Bonjour, Ada! (call 1)",
        "Error: fail failed: the greeter is broken", "Bonjour, Ada! (call 1)", "Bonjour, Grace! (call 2)");
  }

  private ToolHook recording(String name) {
    return new ToolHook() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public ToolResult around(String function, tools.jackson.databind.JsonNode arguments,
          dev.agentry.engine.tool.ToolContext context, Next next) {
        trace.add(name + " before " + function);
        ToolResult result = next.call(arguments);
        trace.add(name + " after " + result.content());
        return result;
      }
    };
  }
}
