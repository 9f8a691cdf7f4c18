package dev.agentry.engine.run;

import dev.agentry.engine.compile.SpecCompiler;
import dev.agentry.engine.event.EventSink;
import dev.agentry.engine.internal.Json;
import dev.agentry.engine.llm.ToolCall;
import dev.agentry.engine.store.memory.MemorySessionStore;
import dev.agentry.engine.tool.Extensions;
import dev.agentry.engine.tool.ToolContext;
import dev.agentry.engine.tool.ToolDefinition;
import dev.agentry.engine.tool.ToolHook;
import dev.agentry.engine.tool.ToolPlugin;
import dev.agentry.engine.tool.ToolResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.JsonNode;

/**
 * The engine's per-call overhead of a tool beyond the tool's own work, on the path every call of a run takes
 * ({@code ToolRunner.check}: known function, JSON arguments parsed and checked against the schema, call limit; then
 * {@code ToolRunner.invoke}: the context, the call, failures caught, timing): a builtin ({@code calculator.add}), a
 * plugin's no-op function, the same with one tool hook around it, and with {@code cache_results} (answered from the
 * cache). Run with {@code scripts/bench-tools.sh} ({@code -prof gc} gives the bytes allocated per call).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ToolCallBenchmark {
  private static final String SPECS = """
      apiVersion: agentry.dev/v1
      kind: Model
      metadata: {name: stub}
      spec: {provider: scripted, script: {fallback: ok}}
      ---
      apiVersion: agentry.dev/v1
      kind: Toolkit
      metadata: {name: noop}
      spec: {plugin: noop}
      ---
      apiVersion: agentry.dev/v1
      kind: Toolkit
      metadata: {name: noop-cached}
      spec: {plugin: noop, cache_results: true}
      ---
      apiVersion: agentry.dev/v1
      kind: Agent
      metadata: {name: plain}
      spec:
        model: stub
        tools: [{builtin: calculator, include_tools: [add]}, {toolkit: noop}]
      ---
      apiVersion: agentry.dev/v1
      kind: Agent
      metadata: {name: hooked}
      spec:
        model: stub
        tools: [{toolkit: noop}]
        tool_hooks: [pass]
      ---
      apiVersion: agentry.dev/v1
      kind: Agent
      metadata: {name: cached}
      spec:
        model: stub
        tools: [{toolkit: noop-cached}]
      """;

  /** A plugin whose one function returns a constant: what is measured is the engine's path around it. */
  public static final class Noop implements ToolPlugin {
    private static final ToolResult OK = ToolResult.of("ok");

    @Override
    public String name() {
      return "noop";
    }

    @Override
    public List<ToolDefinition> functions(JsonNode options) {
      return List.of(new ToolDefinition("noop", "Does nothing.", Json.MAPPER.readTree("""
          {"type": "object", "properties": {"a": {"type": "integer"}, "b": {"type": "integer"}}}""")));
    }

    @Override
    public ToolResult call(String function, JsonNode arguments, ToolContext context) {
      return OK;
    }
  }

  private static final ToolHook PASS = new ToolHook() {
    @Override
    public String name() {
      return "pass";
    }

    @Override
    public ToolResult around(String function, JsonNode arguments, ToolContext context, Next next) {
      return next.call(arguments);
    }
  };

  private ActiveRun plain;
  private ActiveRun hooked;
  private ActiveRun cached;
  private final ToolCall add = new ToolCall("call-1", "add", "{\"a\": 2, \"b\": 3}");
  private final ToolCall noop = new ToolCall("call-1", "noop", "{\"a\": 2, \"b\": 3}");

  @Setup
  public void setUp() throws IOException {
    Path dir = Files.createTempDirectory("agentry-bench");
    Files.writeString(dir.resolve("specs.yaml"), SPECS);
    Extensions extensions = Extensions.builder().plugin(Noop::new).hook(PASS).build();
    Engine engine = Engine.create(SpecCompiler.create(extensions).compile(dir).orThrow(),
        c -> c.store(MemorySessionStore.create()).extensions(extensions));
    RunRequest request = RunRequest.create(r -> r.input("go").sessionId("bench").stream(false));
    plain = engine.prepare(Target.agent("plain"), request, EventSink.NONE);
    hooked = engine.prepare(Target.agent("hooked"), request, EventSink.NONE);
    cached = engine.prepare(Target.agent("cached"), request, EventSink.NONE);
    for (ActiveRun run : List.of(plain, hooked, cached)) {
      if (run.runtime.failure() != null) {
        throw new IllegalStateException(run.runtime.failure());
      }
    }
  }

  private static ToolRunner.Timed call(ActiveRun run, ToolCall call) {
    run.toolCalls = 0;
    ToolRunner.Timed timed = ToolRunner.invoke(run, ToolRunner.check(run, call));
    if (timed.result().isError()) {
      throw new IllegalStateException(timed.result().content());
    }
    return timed;
  }

  /** {@code calculator.add}: a builtin that computes (its own work is a few nanoseconds). */
  @Benchmark
  public ToolRunner.Timed builtin() {
    return call(plain, add);
  }

  /** A plugin's no-op function. */
  @Benchmark
  public ToolRunner.Timed plugin() {
    return call(plain, noop);
  }

  /** The plugin's no-op function with one tool hook that passes the call on. */
  @Benchmark
  public ToolRunner.Timed pluginWithHook() {
    return call(hooked, noop);
  }

  /** The plugin's no-op function answered from the toolkit's cache ({@code cache_results}). */
  @Benchmark
  public ToolRunner.Timed pluginCached() {
    return call(cached, noop);
  }
}
