package dev.agentry.engine.run;

import dev.agentry.engine.hook.guardrail.PiiDetection;
import dev.agentry.engine.hook.guardrail.PromptInjection;
import dev.agentry.engine.internal.Json;
import dev.agentry.engine.store.SessionStore;
import dev.agentry.engine.store.memory.MemorySessionStore;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What the auxiliary work of issue 15 adds to a run (run with {@code scripts/bench-aux.sh}, which adds
 * {@code -prof gc}): {@code plain} is a one-turn agent run on an in-memory store; {@code full} is the same agent with
 * user memories, session summaries and both input guardrails on, its memory manager and summarizer scripted (the
 * manager reads the user's memories and changes none). Each run starts a new session, in both. And the
 * guardrails alone on a 10 KB input.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AuxiliaryRunBenchmark {
  private static final String SPECS = """
      apiVersion: agentry.dev/v1
      kind: Agent
      metadata: {name: plain}
      spec:
        model: answer
        instructions: Be brief.
      ---
      apiVersion: agentry.dev/v1
      kind: Agent
      metadata: {name: full}
      spec:
        model: answer
        instructions: Be brief.
        enable_user_memories: true
        memory_manager: {model: manager}
        enable_session_summaries: true
        session_summary_manager: {model: summarizer}
        pre_hooks:
          - guardrail: prompt_injection
          - guardrail: pii_detection
            options: {mask: true}
      ---
      apiVersion: agentry.dev/v1
      kind: Model
      metadata: {name: answer}
      spec:
        provider: scripted
        script: {fallback: "Noted: {input}"}
      ---
      apiVersion: agentry.dev/v1
      kind: Model
      metadata: {name: manager}
      spec:
        provider: scripted
        script: {fallback: "No memories to change."}
      ---
      apiVersion: agentry.dev/v1
      kind: Model
      metadata: {name: summarizer}
      spec:
        provider: scripted
        script: {fallback: '{"summary": "The user shares notes.", "topics": ["notes"]}'}
      """;

  private Engine engine;
  private long sessions;
  private PromptInjection injection;
  private PiiDetection pii;
  private String tenKilobytes;

  @Setup
  public void setUp() throws IOException {
    Path dir = Files.createTempDirectory("agentry-bench");
    SessionStore store = MemorySessionStore.create();
    engine = Engine.create(Specs.compile(dir, SPECS), c -> c.store(store));
    engine.run("plain", request());
    engine.run("full", request());
    injection = PromptInjection.of(Json.MAPPER.createObjectNode());
    pii = PiiDetection.of(Json.MAPPER.createObjectNode().put("mask", true));
    StringBuilder text = new StringBuilder();
    while (text.length() < 10_240) {
      text.append("Today I ran along the river and wrote down my pace, my heart rate and how the legs felt. ");
    }
    tenKilobytes = text.append("Reach me at ada@example.com or 555-123-4567.").toString();
  }

  @TearDown
  public void tearDown() {
    engine.close();
  }

  /** A one-turn run in a new session, stored: the baseline. */
  @Benchmark
  public RunOutput plain(Blackhole blackhole) {
    return engine.run("plain", request(), blackhole::consume);
  }

  /** The same run with memories, a summary and both input guardrails. */
  @Benchmark
  public RunOutput full(Blackhole blackhole) {
    return engine.run("full", request(), blackhole::consume);
  }

  /** A new session each time: a summary reads its whole session, which would otherwise grow with every iteration. */
  private RunRequest request() {
    String session = "bench-" + sessions++;
    return RunRequest.create(r -> r.input("I ran 10 km today, call me at ada@example.com").userId("ada")
        .sessionId(session).stream(false));
  }

  /** Both guardrails over a 10 KB input (masks the e-mail address and the phone number). */
  @Benchmark
  public String guardrails10k() {
    injection.check(tenKilobytes);
    return pii.check(tenKilobytes);
  }
}
