package dev.agentry.engine.bench;

import dev.agentry.engine.compile.SpecCompiler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Benchmark (not a test): validate and compile a generated set of 1,000 agents, 100 teams and 100 workflows, and
 * report the median of warm compilations. Run it with {@code scripts/bench-compile.sh}, which pins it to one core
 * and also times the cold command line on the same set.
 *
 * <p>Arguments: {@code [DIR] [ITERATIONS]}; the set is written to DIR (default: a temporary folder).
 */
public final class CompileBenchmark {
  private CompileBenchmark() {}

  public static void main(String[] args) throws IOException {
    Path dir = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("agentry-bench");
    int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 30;
    generate(dir, 1_000, 100, 100);
    SpecCompiler compiler = SpecCompiler.create();
    long coldStart = System.nanoTime();
    SpecCompiler.Result first = compiler.compile(dir);
    double cold = (System.nanoTime() - coldStart) / 1e6;
    if (!first.ok()) {
      throw new IllegalStateException("generated set is invalid: " + first.diagnostics().get(0));
    }
    double[] warm = new double[iterations];
    for (int i = 0; i < 10; i++) {
      compiler.compile(dir);
    }
    for (int i = 0; i < iterations; i++) {
      long start = System.nanoTime();
      compiler.compile(dir).orThrow();
      warm[i] = (System.nanoTime() - start) / 1e6;
    }
    Arrays.sort(warm);
    System.out.printf("set: %s (%s)%n", dir, first.catalog().summary());
    System.out.printf("first compile in this JVM: %.0f ms%n", cold);
    System.out.printf("warm compile: median %.0f ms, min %.0f ms, max %.0f ms over %d runs%n",
        warm[iterations / 2], warm[0], warm[iterations - 1], iterations);
  }

  /** Writes agents, teams and workflows, one resource per file, shaped like the examples. */
  static void generate(Path dir, int agents, int teams, int workflows) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("model.yaml"), """
        apiVersion: agentry.dev/v1
        kind: Model
        metadata: {name: bench-model}
        spec: {provider: openai, id: gpt-4o-mini, temperature: 0.2, max_tokens: 512}
        ---
        apiVersion: agentry.dev/v1
        kind: Toolkit
        metadata: {name: web}
        spec: {builtin: http_fetch, options: {allowed_hosts: [example.com]}}
        """);
    for (int i = 0; i < agents; i++) {
      Files.writeString(dir.resolve("agent-" + i + ".yaml"), """
          apiVersion: agentry.dev/v1
          kind: Agent
          metadata:
            name: agent-%1$d
            labels: {team: bench}
          spec:
            name: Agent %1$d
            model: %2$s
            description: Answers questions about topic %1$d.
            instructions:
              - Be brief.
              - Cite sources.
            tools:
              - builtin: calculator
              - toolkit: web
            add_history_to_context: true
            num_history_runs: 5
            markdown: true
          """.formatted(i, i % 2 == 0 ? "bench-model" : "openai:gpt-4o-mini"));
    }
    for (int i = 0; i < teams; i++) {
      Files.writeString(dir.resolve("team-" + i + ".yaml"), """
          apiVersion: agentry.dev/v1
          kind: Team
          metadata: {name: team-%1$d}
          spec:
            model: bench-model
            members:
              - agent: agent-%2$d
              - agent: agent-%3$d
              - agent: agent-%4$d
            respond_directly: false
          """.formatted(i, i * 3, i * 3 + 1, i * 3 + 2));
    }
    for (int i = 0; i < workflows; i++) {
      Files.writeString(dir.resolve("workflow-" + i + ".yaml"), """
          apiVersion: agentry.dev/v1
          kind: Workflow
          metadata: {name: workflow-%1$d}
          spec:
            steps:
              - {name: research, agent: agent-%2$d}
              - name: check
                condition:
                  evaluator: "previous_step_content.size() > 100"
                  steps: [{name: review, team: team-%1$d}]
              - name: refine
                loop:
                  end_condition: "iteration >= 2"
                  steps: [{name: rewrite, agent: agent-%3$d}]
          """.formatted(i, i, i + 1));
    }
  }
}
