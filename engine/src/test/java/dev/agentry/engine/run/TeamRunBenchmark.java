package dev.agentry.engine.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * A team's overhead beside {@link RunBenchmark}'s single agent: a coordinate-mode leader that delegates to one
 * member, which makes the agent benchmark's tool call and answers, then the leader answers; scripted models, no
 * storage. Run with {@code scripts/bench-run.sh} ({@code -prof gc} for the bytes allocated per operation).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TeamRunBenchmark {
  private static final String SPECS = """
      apiVersion: agentry.dev/v1
      kind: Agent
      metadata: {name: adder}
      spec:
        model: member-model
        role: Adds numbers.
        tools:
          - builtin: calculator
            include_tools: [add]
      ---
      apiVersion: agentry.dev/v1
      kind: Model
      metadata: {name: member-model}
      spec:
        provider: scripted
        script:
          turns:
            - tool_calls: [{name: add, arguments: {a: 2, b: 3}}]
            - content: The sum is 5.
      ---
      apiVersion: agentry.dev/v1
      kind: Team
      metadata: {name: bench-team}
      spec:
        model: leader-model
        members: [{agent: adder}]
      ---
      apiVersion: agentry.dev/v1
      kind: Model
      metadata: {name: leader-model}
      spec:
        provider: scripted
        script:
          turns:
            - tool_calls: [{name: delegate_task_to_member, arguments: {member_id: adder, task: "Add 2 and 3."}}]
            - content: The team says the sum is 5.
      """;

  private Engine engine;
  private RunRequest request;

  @Setup
  public void setUp() throws IOException {
    Path dir = Files.createTempDirectory("agentry-bench");
    engine = Engine.create(Specs.compile(dir, SPECS), c -> c.store(RunBenchmark.noStore()));
    request = RunRequest.create(r -> r.input("What is 2 + 3?").sessionId("bench").stream(false));
    engine.run(Target.team("bench-team"), request, e -> {}); // prepares leader and member once
  }

  /** One team run: the leader's two model calls and its delegation, the member's run with its tool call. */
  @Benchmark
  public RunOutput run(Blackhole blackhole) {
    return engine.run(Target.team("bench-team"), request, blackhole::consume);
  }
}
