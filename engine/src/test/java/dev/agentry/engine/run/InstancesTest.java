package dev.agentry.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.agentry.engine.Builtins;
import dev.agentry.engine.Eventually;
import dev.agentry.engine.event.EventSink;
import dev.agentry.engine.event.RunStatus;
import dev.agentry.engine.model.Catalog;
import dev.agentry.engine.run.internal.LeaseKeeper;
import dev.agentry.engine.store.InstanceLease;
import dev.agentry.engine.store.SessionStore;
import dev.agentry.engine.store.StoreSettings;
import dev.agentry.engine.store.TestPostgres;
import dev.agentry.engine.store.mongo.MongoTestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/**
 * Two engines (two instances) on one database, each with its own store object (its own pool or client), as two
 * servers behind a load balancer: a cancel through one reaches the run on the other, one starting leaves the other's
 * runs alone, and the runs of one that stops renewing ("crashes") are marked interrupted by the other once its lease
 * ended, not before; its real ending, arriving later, replaces that marking, with a WARN. Leases last one second.
 */
class InstancesTest {
  private static final Duration LEASE = Duration.ofSeconds(1);
  private static final Duration DEADLINE = Duration.ofSeconds(15);
  private static MongoTestServer mongo;

  @TempDir Path dir;
  private final List<AutoCloseable> opened = new ArrayList<>();

  @BeforeAll
  static void startMongo() {
    mongo = MongoTestServer.start();
  }

  @AfterAll
  static void stopMongo() {
    mongo.close();
  }

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable c : opened.reversed()) {
      c.close();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgresql", "mongodb"})
  void a_run_started_on_a_is_cancelled_through_b(String backend) throws Exception {
    Setup s = setUp(backend);
    Engine a = s.engine("a");
    Engine b = s.engine("b");
    RunHandle run = a.start("slow", RunRequest.of("take your time"), EventSink.NONE);
    awaitStored(s.storeB, run.runId(), RunStatus.RUNNING);

    assertThat(b.cancelRun(run.runId())).isEqualTo(CancelResult.REQUESTED);
    RunOutput out = run.future().get(DEADLINE.toSeconds(), TimeUnit.SECONDS);

    assertThat(out.status()).isEqualTo(RunStatus.CANCELLED);
    awaitStored(s.storeB, run.runId(), RunStatus.CANCELLED);
    RunOutput stored = s.storeB.findRun(run.runId()).orElseThrow();
    assertThat(stored.instanceId()).as("the owner").isEqualTo("a");
    assertThat(stored.specVersion()).isNotBlank();
    assertThat(s.storeB.cancelRequested(List.of(run.runId()))).as("forgotten once the run ended").isEmpty();
    assertThat(b.cancelRun(run.runId())).as("ended").isEqualTo(CancelResult.NOT_RUNNING);
    assertThat(b.cancel("no-such-run")).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgresql", "mongodb"})
  void b_starting_while_a_runs_leaves_a_run_running(String backend) throws Exception {
    Setup s = setUp(backend);
    Engine a = s.engine("a");
    RunHandle run = a.start("slow", RunRequest.of("take your time"), EventSink.NONE);
    awaitStored(s.storeA, run.runId(), RunStatus.RUNNING);

    Instant bStarted = Instant.now();
    s.engine("b"); // marks the runs of dead instances at start, then at each renewal
    // wait until b renewed (and marked) a few times, across more than one lease of a
    assertThat(Eventually.until(DEADLINE, () -> leaseOf(s.storeA, "b")
        .filter(l -> l.until().isAfter(bStarted.plus(LEASE.multipliedBy(3)))).isPresent())).isTrue();

    assertThat(s.storeA.findRun(run.runId()).orElseThrow().status()).isEqualTo(RunStatus.RUNNING);
    assertThat(run.isDone()).isFalse();
    a.cancel(run.runId());
    assertThat(run.future().get(DEADLINE.toSeconds(), TimeUnit.SECONDS).status()).isEqualTo(RunStatus.CANCELLED);
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgresql", "mongodb"})
  void a_crashed_instance_runs_are_marked_after_its_lease_and_its_late_ending_replaces_the_marking(String backend)
      throws Exception {
    Setup s = setUp(backend);
    Engine a = s.engine("a");
    s.engine("b");
    RunHandle run = a.start("slow", RunRequest.of("take your time"), EventSink.NONE);
    awaitStored(s.storeA, run.runId(), RunStatus.RUNNING);

    assertThat(LeaseKeeper.simulateCrash("a")).isTrue();
    Instant leaseEnd = leaseOf(s.storeB, "a").orElseThrow().until(); // it is not renewed any more
    Instant[] markedSeen = new Instant[1];
    assertThat(Eventually.until(DEADLINE, () -> {
      Instant before = Instant.now();
      RunOutput stored = s.storeB.findRun(run.runId()).orElseThrow();
      if (stored.status() == RunStatus.RUNNING) {
        return false;
      }
      markedSeen[0] = before;
      return true;
    })).as("marked by b").isTrue();
    RunOutput marked = s.storeB.findRun(run.runId()).orElseThrow();
    assertThat(marked.status()).isEqualTo(RunStatus.ERROR);
    assertThat(marked.content()).isEqualTo(RunOutput.INTERRUPTED);
    assertThat(markedSeen[0]).as("not before a's lease ended").isAfterOrEqualTo(leaseEnd.minusMillis(50));

    // a was only paused (say, by a long GC): its run goes on and its real ending replaces the presumption
    Logger storage = (Logger) LoggerFactory.getLogger(RunStorage.class);
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    log.start();
    storage.addAppender(log);
    try {
      assertThat(run.isDone()).isFalse();
      a.cancel(run.runId());
      assertThat(run.future().get(DEADLINE.toSeconds(), TimeUnit.SECONDS).status()).isEqualTo(RunStatus.CANCELLED);
      awaitStored(s.storeB, run.runId(), RunStatus.CANCELLED);
      assertThat(log.list).filteredOn(e -> e.getLevel() == Level.WARN).extracting(ILoggingEvent::getFormattedMessage)
          .anySatisfy(m -> assertThat(m).contains(run.runId(), "instance a", "marked interrupted", "CANCELLED"));
    } finally {
      storage.detachAppender(log);
    }
  }

  private static Optional<InstanceLease> leaseOf(SessionStore store, String instanceId) {
    return store.liveInstances(Instant.now()).stream().filter(l -> l.instanceId().equals(instanceId)).findFirst();
  }

  private static void awaitStored(SessionStore store, String runId, RunStatus status) {
    assertThat(Eventually.until(DEADLINE, () -> store.findRun(runId).map(r -> r.status() == status).orElse(false)))
        .as("run %s stored %s", runId, status).isTrue();
  }

  /** Two store objects on one database (same tables), and the engines made on them. */
  private final class Setup {
    final Catalog catalog;
    final SessionStore storeA;
    final SessionStore storeB;

    Setup(Catalog catalog, SessionStore storeA, SessionStore storeB) {
      this.catalog = catalog;
      this.storeA = storeA;
      this.storeB = storeB;
    }

    /** An engine named {@code id}, on store A for "a" and store B otherwise. */
    Engine engine(String id) {
      SessionStore store = id.equals("a") ? storeA : storeB;
      Engine engine = Engine.create(catalog, c -> c.store(store).instanceId(id).lease(LEASE));
      opened.add(engine);
      return engine;
    }
  }

  private Setup setUp(String backend) {
    Catalog catalog = Specs.compile(dir, Specs.HEADER + """
        kind: Model
        metadata: {name: slow-model}
        spec:
          provider: scripted
          script: {chunk_size: 1, chunk_delay_ms: 100, fallback: "%s"}
        ---
        """.formatted("x".repeat(300)) + Specs.HEADER + """
        kind: Agent
        metadata: {name: slow}
        spec: {model: slow-model}
        """);
    String prefix = "inst" + Long.toHexString(System.nanoTime()) + "_";
    String url = backend.equals("mongodb") ? mongo.url() : TestPostgres.url();
    StoreSettings settings = new StoreSettings(url, prefix, 4, Duration.ofSeconds(5));
    SessionStore a = Builtins.openStore(settings);
    opened.add(a);
    SessionStore b = Builtins.openStore(settings);
    opened.add(b);
    return new Setup(catalog, a, b);
  }
}
