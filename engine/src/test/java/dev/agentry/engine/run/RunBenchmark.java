package dev.agentry.engine.run;

import dev.agentry.engine.event.EventSink;
import dev.agentry.engine.store.SessionStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Optional;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * The engine's own overhead, measured as the peers were: one agent with one tool, a scripted model that
 * returns one tool call and then a final answer, no storage. Run with {@code scripts/bench-run.sh} (adds
 * {@code -prof gc} for the bytes allocated per operation).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RunBenchmark {
  private static final String SPECS = """
      apiVersion: agentry.dev/v1
      kind: Agent
      metadata: {name: bench}
      spec:
        model: stub
        instructions: Use the add tool for arithmetic.
        tools:
          - builtin: calculator
            include_tools: [add]
      ---
      apiVersion: agentry.dev/v1
      kind: Model
      metadata: {name: stub}
      spec:
        provider: scripted
        script:
          turns:
            - tool_calls: [{name: add, arguments: {a: 2, b: 3}}]
            - content: The sum is 5.
      """;

  private Engine engine;
  private RunRequest request;

  @Setup
  public void setUp() throws IOException {
    Path dir = Files.createTempDirectory("agentry-bench");
    engine = Engine.create(Specs.compile(dir, SPECS), c -> c.store(noStore()));
    request = RunRequest.create(r -> r.input("What is 2 + 3?").sessionId("bench").stream(false));
    engine.run("bench", request); // prepares the agent once, as the first request of a catalog does
  }

  /** One run: context, model call, tool call, model call, final answer, every event delivered. */
  @Benchmark
  public RunOutput run(Blackhole blackhole) {
    return engine.run("bench", request, blackhole::consume);
  }

  /** Preparing the per-request agent from the compiled spec: the run's state, before any model call. */
  @Benchmark
  public ActiveRun prepare() {
    return engine.prepare(Target.agent("bench"), request, EventSink.NONE);
  }

  /** A store that keeps nothing (every lookup finds nothing): the benchmark measures the engine, not storage. */
  static SessionStore noStore() {
    return (SessionStore) Proxy.newProxyInstance(SessionStore.class.getClassLoader(),
        new Class<?>[] {SessionStore.class}, (proxy, method, args) -> {
          Class<?> type = method.getReturnType();
          return type == Optional.class ? Optional.empty() : type == List.class ? List.of()
              : type == boolean.class ? Boolean.TRUE : type == int.class ? 0 : null;
        });
  }
}
