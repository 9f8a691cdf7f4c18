package dev.agentry.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentry.engine.Eventually;
import dev.agentry.engine.compile.SpecCompiler;
import dev.agentry.engine.event.EventSink;
import dev.agentry.engine.event.RunStatus;
import dev.agentry.engine.internal.Json;
import dev.agentry.engine.model.Catalog;
import dev.agentry.engine.spec.SpecLoader;
import dev.agentry.engine.tool.Extensions;
import dev.agentry.engine.tool.ToolContext;
import dev.agentry.engine.tool.ToolDefinition;
import dev.agentry.engine.tool.ToolPlugin;
import dev.agentry.engine.tool.ToolResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Toolkits are opened once per settings, shared by the agents of a catalog and across reloads, closed when the last
 * catalog and run holding them let go, opened in parallel, and a toolkit that fails to open fails only the runs of
 * the agents using it. Observed through a plugin that counts its opens and closes.
 */
class ToolkitLifecycleTest {
  @TempDir Path dir;

  /** What the plugins of a test did. */
  private final AtomicInteger opens = new AtomicInteger();
  private final AtomicInteger closes = new AtomicInteger();
  private final AtomicInteger failuresLeft = new AtomicInteger();
  private final CountDownLatch blocked = new CountDownLatch(1);
  private final CountDownLatch release = new CountDownLatch(1);
  private volatile CountDownLatch bothOpening = new CountDownLatch(0);
  private Engine engine;

  @AfterEach
  void close() {
    release.countDown();
    if (engine != null) {
      engine.close();
    }
  }

  /** A plugin whose open fails while failuresLeft > 0, and whose functions count, block or write session state. */
  private final class Counting implements ToolPlugin {
    private final String name;

    Counting(String name) {
      this.name = name;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public List<ToolDefinition> functions(JsonNode options) {
      JsonNode object = Json.MAPPER.readTree("{\"type\": \"object\"}");
      return List.of(new ToolDefinition(name + "_ping", "Answers pong.", object),
          new ToolDefinition(name + "_block", "Waits until the test lets it go.", object),
          new ToolDefinition(name + "_count", "Adds one to session_state.count.", object));
    }

    @Override
    public ToolResult call(String function, JsonNode arguments, ToolContext context) throws Exception {
      if (function.endsWith("_block")) {
        blocked.countDown();
        release.await();
      } else if (function.endsWith("_count")) {
        context.sessionState().compute("count", (k, v) -> v == null ? 1 : (Integer) v + 1);
      }
      return ToolResult.of("pong");
    }

    @Override
    public void open(JsonNode options) throws Exception {
      bothOpening.countDown();
      if (!bothOpening.await(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the other toolkit did not start opening meanwhile");
      }
      if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        throw new IllegalStateException("the service is down");
      }
      opens.incrementAndGet();
    }

    @Override
    public void close() {
      closes.incrementAndGet();
    }
  }

  private Extensions extensions() {
    return Extensions.builder().plugin(() -> new Counting("counting")).plugin(() -> new Counting("other")).build();
  }

  private Catalog compile(String yaml) throws IOException {
    Files.writeString(dir.resolve("specs.yaml"), yaml.endsWith("---\n") ? yaml.substring(0, yaml.length() - 4) : yaml);
    return SpecCompiler.create(SpecLoader.create(), extensions()).compile(dir).orThrow();
  }

  private static String toolkit(String name, String plugin) {
    return Specs.HEADER + "kind: Toolkit\nmetadata: {name: " + name + "}\nspec: {plugin: " + plugin + "}\n---\n";
  }

  private static String agent(String name, String toolkit, String calls) {
    return Specs.HEADER + "kind: Agent\nmetadata: {name: " + name + "}\nspec:\n  model: script-" + name + "\n"
        + (toolkit.isEmpty() ? "" : "  tools: [{toolkit: " + toolkit + "}]\n") + "---\n" + Specs.HEADER
        + "kind: Model\nmetadata: {name: script-" + name + "}\nspec:\n  provider: scripted\n  script:\n"
        + "    turns:\n      - tool_calls: [" + calls + "]\n      - content: done\n---\n";
  }

  private static String threeAgents() {
    return toolkit("counter", "counting") + agent("a1", "counter", "{name: counting_ping}")
        + agent("a2", "counter", "{name: counting_ping}") + agent("a3", "counter", "{name: counting_block}");
  }

  private Engine start(Catalog catalog) {
    engine = Engine.create(catalog, c -> c.baseDir(dir).extensions(extensions())
        .toolkitOpenTimeout(Duration.ofSeconds(5)));
    return engine;
  }

  @Test
  void a_toolkit_used_by_three_agents_is_opened_once_and_kept_across_a_reload_that_does_not_change_it()
      throws IOException {
    start(compile(threeAgents()));
    assertThat(opens).hasValue(1);
    assertThat(engine.run("a1", RunRequest.of("go")).content()).isEqualTo("done");
    assertThat(engine.run("a2", RunRequest.of("go")).status()).isEqualTo(RunStatus.COMPLETED);

    engine.reload(compile(threeAgents() + agent("a4", "", "")));

    assertThat(opens).hasValue(1);
    assertThat(closes).hasValue(0);
    assertThat(engine.run("a1", RunRequest.of("go")).status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(engine.toolkitStatus()).singleElement().satisfies(s -> {
      assertThat(s.name()).isEqualTo("counter");
      assertThat(s.isOpen()).isTrue();
      assertThat(s.functions()).containsExactly("counting_ping", "counting_block", "counting_count");
    });
  }

  @Test
  void a_removed_toolkit_is_closed_once_the_last_run_on_the_old_catalog_ends() throws Exception {
    start(compile(threeAgents()));
    RunHandle holding = engine.start("a3", RunRequest.of("go"), EventSink.NONE);
    assertThat(blocked.await(10, TimeUnit.SECONDS)).isTrue();

    engine.reload(compile(agent("a1", "", "")));

    assertThat(closes).as("a run still uses the toolkit").hasValue(0);
    release.countDown();
    assertThat(holding.await().status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(Eventually.until(Duration.ofSeconds(10), () -> closes.get() == 1)).isTrue();
    assertThat(engine.toolkitStatus()).isEmpty();
  }

  @Test
  void changed_settings_open_a_new_toolkit_and_close_the_old_one() throws IOException {
    start(compile(threeAgents()));

    engine.reload(compile(threeAgents().replace("{plugin: counting}", "{plugin: counting, options: {v: 2}}")));

    assertThat(opens).hasValue(2);
    assertThat(closes).hasValue(1);
  }

  @Test
  void toolkits_open_in_parallel() throws IOException {
    bothOpening = new CountDownLatch(2); // each open waits for the other to have started
    start(compile(toolkit("counter", "counting") + toolkit("second", "other")
        + agent("a1", "counter", "{name: counting_ping}") + agent("a2", "second", "{name: other_ping}")));

    assertThat(opens).hasValue(2);
  }

  @Test
  void a_toolkit_that_fails_to_open_fails_only_its_agents_and_is_opened_again_at_the_next_run() throws IOException {
    failuresLeft.set(1);
    start(compile(threeAgents() + agent("plain", "", "")));

    assertThat(engine.toolkitStatus()).singleElement()
        .satisfies(s -> assertThat(s.failure()).contains("the service is down"));
    assertThat(engine.run("plain", RunRequest.of("go")).status()).isEqualTo(RunStatus.COMPLETED);

    RunOutput retried = engine.run("a1", RunRequest.of("go"));

    assertThat(retried.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(retried.tools()).singleElement().satisfies(t -> assertThat(t.result()).isEqualTo("pong"));
    assertThat(engine.toolkitStatus()).singleElement().satisfies(s -> assertThat(s.isOpen()).isTrue());
  }

  @Test
  void an_agent_whose_toolkit_cannot_open_fails_with_the_reason() throws IOException {
    failuresLeft.set(Integer.MAX_VALUE);
    start(compile(threeAgents()));

    RunOutput failed = engine.run("a1", RunRequest.of("go"));

    assertThat(failed.status()).isEqualTo(RunStatus.ERROR);
    assertThat(String.valueOf(failed.content())).contains("toolkit 'counter' could not be opened").contains("the service is down");
  }

  @Test
  void parallel_tool_calls_update_the_session_state_without_losing_a_write() throws IOException {
    String calls = String.join(", ", java.util.Collections.nCopies(16, "{name: counting_count}"));
    start(compile(toolkit("counter", "counting") + agent("a1", "counter", calls)));

    RunOutput out = engine.run("a1", RunRequest.of("go"));

    assertThat(out.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(out.sessionState()).containsEntry("count", 16);
  }

  @Test
  void closing_the_engine_closes_its_toolkits() throws IOException {
    start(compile(threeAgents()));

    engine.close();

    assertThat(closes).hasValue(1);
  }
}
