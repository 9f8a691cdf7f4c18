package dev.agentry.engine.store;

import static dev.agentry.engine.store.StoreFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentry.engine.event.RunStatus;
import dev.agentry.engine.run.RunOutput;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The part of the conformance suite about several instances on one database: leases, marking only the runs of
 * instances whose lease ended, the owner's ending replacing that presumption, cancel requests, and two store objects
 * opened on one database (two connection pools, two clients). Every backend runs it through
 * {@link SessionStoreContract}.
 */
interface InstancesContract {
  Instant NOW = Instant.parse("2026-12-06T00:00:00Z");

  /** The store under test, empty at the start of each test. */
  SessionStore store();

  /** A second store object on the same database and tables (the same object for a backend with no database). */
  SessionStore secondStore();

  private static InstanceLease lease(String id, Instant until) {
    return new InstanceLease(id, "http://" + id + ":7777", NOW.minusSeconds(60), until);
  }

  private static RunOutput owned(String runId, RunStatus status, String owner) {
    return run("s1", runId, status, 100, status == RunStatus.RUNNING ? "" : "done").withInstanceId(owner);
  }

  @Test
  default void leasesAreRenewedListedAndDropped() {
    store().renewLease(lease("a", NOW.plusSeconds(10)));
    store().renewLease(lease("b", NOW.minusSeconds(1)));
    assertThat(store().liveInstances(NOW)).extracting(InstanceLease::instanceId).containsExactly("a");

    store().renewLease(new InstanceLease("a", null, NOW, NOW.plusSeconds(20)));
    InstanceLease a = store().liveInstances(NOW).getFirst();
    assertThat(a.startedAt()).as("kept from the first renewal").isEqualTo(NOW.minusSeconds(60));
    assertThat(a.until()).isEqualTo(NOW.plusSeconds(20));
    assertThat(a.url()).isNull();
    assertThat(store().liveInstances(NOW.plusSeconds(15))).hasSize(1);
    assertThat(store().liveInstances(NOW.plusSeconds(20))).as("a lease ends at its until").isEmpty();

    store().dropLease("a");
    assertThat(store().liveInstances(NOW)).isEmpty();
    store().dropLease("never-seen"); // nothing to drop: no error
  }

  @Test
  default void onlyRunsOfInstancesWhoseLeaseEndedAreMarkedInterrupted() {
    store().renewLease(lease("live", NOW.plusSeconds(10)));
    store().renewLease(lease("dead", NOW.minusMillis(1)));
    RunOutput ofLive = owned("r-live", RunStatus.RUNNING, "live");
    RunOutput ofDead = owned("r-dead", RunStatus.RUNNING, "dead");
    store().saveRun(ofLive);
    store().saveRun(ofDead);
    store().saveRun(run("s1", "r-old", RunStatus.RUNNING, 100, "")); // stored before instances were recorded
    store().saveRun(owned("r-unknown", RunStatus.RUNNING, "never-recorded"));
    store().saveRun(owned("r-paused", RunStatus.PAUSED, "dead"));
    store().saveRun(owned("r-done", RunStatus.COMPLETED, "dead"));

    assertThat(store().markInterruptedRuns(NOW)).isEqualTo(3);
    assertThat(store().findRun("r-live").orElseThrow().status()).as("its owner's lease is live").isEqualTo(
        RunStatus.RUNNING);
    RunOutput marked = store().findRun("r-dead").orElseThrow();
    assertThat(marked).usingRecursiveComparison().isEqualTo(ofDead.interrupted());
    assertThat(marked.instanceId()).as("the owner stays recorded").isEqualTo("dead");
    assertThat(store().findRun("r-old").orElseThrow().content()).isEqualTo(RunOutput.INTERRUPTED);
    assertThat(store().findRun("r-unknown").orElseThrow().status()).isEqualTo(RunStatus.ERROR);
    assertThat(store().findRun("r-paused").orElseThrow().status()).as("waits for a person").isEqualTo(
        RunStatus.PAUSED);
    assertThat(store().findRun("r-done").orElseThrow().content()).isEqualTo("done");
    assertThat(store().markInterruptedRuns(NOW)).isZero();

    assertThat(store().markInterruptedRuns(NOW.plusSeconds(10))).as("once the live lease ended").isEqualTo(1);
    assertThat(store().findRun("r-live").orElseThrow().status()).isEqualTo(RunStatus.ERROR);
  }

  @Test
  default void theOwnersEndingReplacesAnInterruptionMarkingButNotARealEnding() {
    store().renewLease(lease("paused-too-long", NOW.minusSeconds(1)));
    store().saveRun(owned("r1", RunStatus.RUNNING, "paused-too-long"));
    assertThat(store().markInterruptedRuns(NOW)).isEqualTo(1);

    RunOutput realEnding = owned("r1", RunStatus.COMPLETED, "paused-too-long");
    assertThat(store().saveRun(realEnding)).as("the marking was a presumption").isTrue();
    assertThat(store().findRun("r1").orElseThrow()).usingRecursiveComparison().isEqualTo(realEnding);
    assertThat(store().saveRun(owned("r1", RunStatus.ERROR, "paused-too-long"))).as("a real ending stays").isFalse();
    assertThat(store().findRun("r1").orElseThrow().status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(store().listRuns("s1")).hasSize(1);
  }

  @Test
  default void cancelRequestsAreRecordedForRunsNotEndedAndForgottenWhenTheyEnd() {
    store().saveRun(owned("r1", RunStatus.RUNNING, "a"));
    store().saveRun(owned("r2", RunStatus.PAUSED, "a"));
    store().saveRun(owned("r3", RunStatus.COMPLETED, "a"));
    assertThat(store().cancelRequested(List.of("r1", "r2"))).isEmpty();

    assertThat(store().requestCancel("r1")).isTrue();
    assertThat(store().requestCancel("r1")).as("twice").isTrue();
    assertThat(store().requestCancel("r2")).isTrue();
    assertThat(store().requestCancel("r3")).as("ended").isFalse();
    assertThat(store().requestCancel("nope")).isFalse();
    assertThat(store().cancelRequested(List.of("r1", "r3", "nope"))).containsExactly("r1");
    assertThat(store().cancelRequested(List.of())).isEmpty();

    store().saveRun(owned("r1", RunStatus.CANCELLED, "a"));
    assertThat(store().cancelRequested(List.of("r1", "r2"))).containsExactly("r2");
  }

  @Test
  default void twoStoresOnOneDatabaseSeeEachOthersLeasesRunsAndCancelRequests() {
    SessionStore a = store();
    SessionStore b = secondStore();
    a.renewLease(lease("a", NOW.plusSeconds(5)));
    a.saveRun(owned("r1", RunStatus.RUNNING, "a"));

    b.renewLease(lease("b", NOW.plusSeconds(5)));
    assertThat(b.liveInstances(NOW)).extracting(InstanceLease::instanceId).containsExactlyInAnyOrder("a", "b");
    assertThat(b.markInterruptedRuns(NOW)).as("b starting while a runs").isZero();
    assertThat(a.findRun("r1").orElseThrow().status()).isEqualTo(RunStatus.RUNNING);

    assertThat(b.requestCancel("r1")).isTrue();
    assertThat(a.cancelRequested(List.of("r1"))).containsExactly("r1");

    a.renewLease(lease("a", NOW.plusSeconds(10)));
    assertThat(b.markInterruptedRuns(NOW.plusSeconds(7))).as("a renewed").isZero();
    assertThat(b.markInterruptedRuns(NOW.plusSeconds(10))).as("a stopped renewing").isEqualTo(1);
    assertThat(a.findRun("r1").orElseThrow().content()).isEqualTo(RunOutput.INTERRUPTED);
    assertThat(a.cancelRequested(List.of("r1"))).as("forgotten with the run's end").isEmpty();
  }

  @Test
  default void instancesMarkingAtOnceMarkEachRunOnce() throws Exception {
    SessionStore a = store();
    SessionStore b = secondStore();
    a.renewLease(lease("dead", NOW.minusSeconds(1)));
    int runs = 20;
    for (int i = 0; i < runs; i++) {
      a.saveRun(owned("r" + i, RunStatus.RUNNING, "dead"));
    }
    int workers = 4;
    ExecutorService pool = Executors.newFixedThreadPool(workers);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Integer>> marked = new ArrayList<>();
      for (int w = 0; w < workers; w++) {
        SessionStore s = w % 2 == 0 ? a : b;
        marked.add(pool.submit(() -> {
          go.await();
          return s.markInterruptedRuns(NOW);
        }));
      }
      go.countDown();
      int total = 0;
      for (Future<Integer> f : marked) {
        total += f.get();
      }
      assertThat(total).as("each run marked by exactly one of them").isEqualTo(runs);
    } finally {
      pool.shutdownNow();
    }
    assertThat(a.listRuns("s1")).extracting(RunOutput::status).containsOnly(RunStatus.ERROR);
    assertThat(Set.copyOf(b.listRuns("s1").stream().map(RunOutput::content).toList()))
        .containsExactly(RunOutput.INTERRUPTED);
  }
}
