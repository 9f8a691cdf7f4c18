package dev.agentry.engine.run.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentry.engine.Eventually;
import dev.agentry.engine.store.SessionStore;
import dev.agentry.engine.store.StoreException;
import dev.agentry.engine.store.memory.MemorySessionStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The lease keeper on its own: renewal through a store outage, and what close and a crash leave behind. */
class LeaseKeeperTest {
  private static final Duration LEASE = Duration.ofMillis(600);
  private final MemorySessionStore memory = MemorySessionStore.create();
  private final AtomicBoolean down = new AtomicBoolean();
  private final AtomicInteger failures = new AtomicInteger();
  /** The memory store, failing every call as an unreachable database while {@link #down}. */
  private final SessionStore store = (SessionStore) Proxy.newProxyInstance(SessionStore.class.getClassLoader(),
      new Class<?>[] {SessionStore.class}, (proxy, method, args) -> {
        if (down.get()) {
          failures.incrementAndGet();
          throw new StoreException("database unavailable", true);
        }
        try {
          return method.invoke(memory, args);
        } catch (InvocationTargetException e) {
          throw e.getCause();
        }
      });

  private LeaseKeeper keeper(String id, Set<String> active) {
    return new LeaseKeeper(id, null, LEASE, Clock.systemUTC(), () -> List.of(store), () -> active, runId -> {});
  }

  private boolean live(String id) {
    return memory.liveInstances(Instant.now()).stream().anyMatch(l -> l.instanceId().equals(id));
  }

  /** True when the instance's lease is recorded and was not dropped (it may have ended). */
  private boolean recorded(String id) {
    return memory.liveInstances(Instant.EPOCH).stream().anyMatch(l -> l.instanceId().equals(id));
  }

  @Test
  void an_outage_during_renewal_is_survived_and_the_lease_is_renewed_once_the_database_is_back() {
    LeaseKeeper keeper = keeper("k1", Set.of());
    keeper.start();
    assertThat(live("k1")).isTrue();
    assertThat(keeper.lapsed(store)).isFalse();

    down.set(true);
    assertThat(Eventually.until(Duration.ofSeconds(10), () -> failures.get() >= 2)).as("renewals tried").isTrue();
    assertThat(Eventually.until(Duration.ofSeconds(10), () -> keeper.lapsed(store))).isTrue();
    assertThat(live("k1")).as("not renewed during the outage").isFalse();

    down.set(false);
    assertThat(Eventually.until(Duration.ofSeconds(10), () -> live("k1"))).as("renewed once back").isTrue();
    assertThat(keeper.lapsed(store)).isFalse();
    keeper.close();
    assertThat(live("k1")).as("dropped on close, no run in flight").isFalse();
  }

  @Test
  void close_with_runs_in_flight_and_a_crash_leave_the_lease_to_end_by_itself() {
    LeaseKeeper busy = keeper("busy", Set.of("r1"));
    busy.start();
    busy.close();
    assertThat(recorded("busy")).as("not dropped while a run is in flight").isTrue();

    LeaseKeeper crashing = keeper("crashing", Set.of());
    crashing.start();
    assertThat(LeaseKeeper.simulateCrash("crashing")).isTrue();
    assertThat(LeaseKeeper.simulateCrash("crashing")).as("once").isFalse();
    crashing.close();
    assertThat(recorded("crashing")).as("not dropped").isTrue();
    assertThat(Eventually.until(Duration.ofSeconds(10), () -> !live("crashing"))).as("not renewed").isTrue();
    assertThat(recorded("busy")).isTrue();
  }
}
