package dev.agentry.engine.store;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.agentry.engine.Builtins;
import dev.agentry.engine.event.RunStatus;
import dev.agentry.engine.run.RunOutput;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What storage costs a run, per backend (run with {@code scripts/bench-store.sh}).
 *
 * <ul>
 *   <li>{@code runWrite}: the store calls of one run (saved RUNNING, saved COMPLETED, its state and metrics applied to
 *       the session), timed one run at a time, with 1 or 1,000 earlier runs in the same session. Appending a run must
 *       cost the same either way.
 *   <li>{@code sustainedRunWrites}: completed runs saved by 4 threads at once, as runs per second.
 * </ul>
 *
 * PostgreSQL is a real server (embedded binaries); MongoDB is mongo-java-server, an in-memory server speaking the wire
 * protocol, so its figures show the backend's own cost and the ratio, not a real mongod's speed.
 */
@Fork(1)
@State(Scope.Benchmark)
public class StoreBenchmark {
  @Param({"sqlite", "postgres", "mongo"})
  public String backend;

  @Param({"1", "1000"})
  public int earlierRuns;

  private Path dir;
  private EmbeddedPostgres postgres;
  private MongoServer mongo;
  private SessionStore store;
  private final AtomicLong ids = new AtomicLong();
  private String sessionId;

  @Setup(Level.Trial)
  public void open() throws IOException {
    dir = Files.createTempDirectory("agentry-bench");
    String url = switch (backend) {
      case "sqlite" -> "sqlite:" + dir.resolve("bench.db");
      case "postgres" -> {
        postgres = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("pg")).start();
        yield "postgresql://postgres:postgres@localhost:" + postgres.getPort() + "/postgres";
      }
      case "mongo" -> {
        mongo = new MongoServer(new MemoryBackend());
        InetSocketAddress address = mongo.bind();
        yield "mongodb://localhost:" + address.getPort() + "/agentry";
      }
      default -> throw new IllegalArgumentException(backend);
    };
    store = Builtins.openStore(StoreSettings.of(url));
    sessionId = newSession();
  }

  /** Before each measured run: a session with exactly one earlier run, or the session that holds 1,000 or more. */
  @Setup(Level.Iteration)
  public void session() {
    if (earlierRuns == 1) {
      sessionId = newSession();
    }
  }

  private String newSession() {
    String id = "s-" + ids.incrementAndGet();
    store.createSession(StoreFixtures.session(id, SessionType.AGENT, "agent-1", "u1", 1));
    for (int i = 0; i < earlierRuns; i++) {
      store.saveRun(StoreFixtures.run(id, "r-" + ids.incrementAndGet(), RunStatus.COMPLETED, 1, "earlier answer"));
    }
    return id;
  }

  @TearDown(Level.Trial)
  public void close() throws IOException {
    store.close();
    if (postgres != null) {
      postgres.close();
    }
    if (mongo != null) {
      mongo.shutdownNow();
    }
  }

  /** One run's store writes, timed alone (200 runs after 20 warm-up runs; JMH reports percentiles). */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @Warmup(iterations = 20)
  @Measurement(iterations = 200)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public Object runWrite() {
    String runId = "r-" + ids.incrementAndGet();
    store.saveRun(StoreFixtures.run(sessionId, runId, RunStatus.RUNNING, 2, ""));
    RunOutput done = StoreFixtures.run(sessionId, runId, RunStatus.COMPLETED, 2, "The answer is 5.");
    store.saveRun(done);
    return store.updateSession(sessionId, s -> s.afterRun(Map.of("count", 2), done.metrics(), "v1", 2));
  }

  /** Completed runs saved by 4 threads at once, each run its own record. */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @Threads(4)
  @Warmup(iterations = 2, time = 2)
  @Measurement(iterations = 5, time = 2)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public boolean sustainedRunWrites() {
    return store.saveRun(StoreFixtures.run(sessionId, "r-" + ids.incrementAndGet(), RunStatus.COMPLETED, 2,
        "The answer is 5."));
  }
}
