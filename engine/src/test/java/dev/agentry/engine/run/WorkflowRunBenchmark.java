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
 * A workflow's overhead beyond its agent runs: a 5-step workflow (an agent step, a condition, a parallel block of two
 * agents, a loop of 2 iterations, a router) that runs {@link RunBenchmark}'s agent (a tool call, then an answer) 7
 * times, against those 7 agent runs made one after the other ({@link #sevenAgentRuns}); scripted models, no
 * storage. The benchmark threads are virtual threads, as the server's request handlers are: a parallel block's
 * branches then hand over to their caller without waking an OS thread. Run with {@code scripts/bench-workflow.sh}
 * ({@code -prof gc} for the bytes allocated per operation).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Djmh.executor=VIRTUAL", "--sun-misc-unsafe-memory-access=allow"})
public class WorkflowRunBenchmark {
  private static final String SPECS = """
      apiVersion: agentry.dev/v1
      kind: Agent
      metadata: {name: adder}
      spec:
        model: adder-model
        tools:
          - builtin: calculator
            include_tools: [add]
      ---
      apiVersion: agentry.dev/v1
      kind: Model
      metadata: {name: adder-model}
      spec:
        provider: scripted
        script:
          turns:
            - tool_calls: [{name: add, arguments: {a: 2, b: 3}}]
            - content: The sum is 5.
      ---
      apiVersion: agentry.dev/v1
      kind: Workflow
      metadata: {name: bench-workflow}
      spec:
        steps:
          - name: first
            agent: adder
          - name: check
            condition:
              evaluator: 'previous_step_content.contains("5")'
              steps:
                - {name: checked, agent: adder}
          - name: both
            parallel:
              steps:
                - {name: left, agent: adder}
                - {name: right, agent: adder}
          - name: twice
            loop:
              steps:
                - {name: again, agent: adder}
              end_condition: 'iteration >= 2'
              max_iterations: 3
          - name: route
            router:
              selector: 'size(input) > 3 ? "long" : "short"'
              choices:
                - {name: long, agent: adder}
                - {name: short, agent: adder}
      """;

  private Engine engine;
  private RunRequest request;

  @Setup
  public void setUp() throws IOException {
    Path dir = Files.createTempDirectory("agentry-bench");
    engine = Engine.create(Specs.compile(dir, SPECS), c -> c.store(RunBenchmark.noStore()));
    request = RunRequest.create(r -> r.input("What is 2 + 3?").sessionId("bench").stream(false));
    RunOutput out = engine.run(Target.workflow("bench-workflow"), request, e -> {}); // prepares the agent once
    if (out.memberResponses().size() != 7) {
      throw new IllegalStateException("expected 7 agent runs, got " + out.memberResponses().size() + ": " + out);
    }
  }

  /** One workflow run: its 5 steps, 7 agent runs (two of them at the same time), every event delivered. */
  @Benchmark
  public RunOutput workflow(Blackhole blackhole) {
    return engine.run(Target.workflow("bench-workflow"), request, blackhole::consume);
  }

  /** The workflow's 7 agent runs, one after the other, without the workflow. */
  @Benchmark
  public void sevenAgentRuns(Blackhole blackhole) {
    for (int i = 0; i < 7; i++) {
      blackhole.consume(engine.run(Target.agent("adder"), request, blackhole::consume));
    }
  }
}
