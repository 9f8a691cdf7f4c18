package dev.agentry.engine.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentry.engine.event.RunStatus;
import dev.agentry.engine.store.memory.MemorySessionStore;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class MetricsAggregatorTest {
  private static final LocalDate DAY = LocalDate.of(2026, 11, 20);
  private static final long NOON = DAY.atTime(12, 0).toEpochSecond(ZoneOffset.UTC);

  @Test
  void a_day_counts_its_runs_sessions_users_tokens_and_models() {
    SessionStore store = MemorySessionStore.create();
    store.saveRun(StoreFixtures.run("s1", "r1", RunStatus.COMPLETED, NOON, "a", "u1"));
    store.saveRun(StoreFixtures.run("s1", "r2", RunStatus.COMPLETED, NOON + 60, "b", "u1"));
    store.saveRun(StoreFixtures.run("s2", "r3", RunStatus.ERROR, NOON + 120, "c", "u2"));
    store.saveRun(StoreFixtures.run("s3", "r4", RunStatus.COMPLETED, NOON + 86_400, "next day", "u3"));

    DailyMetrics day = MetricsAggregator.refresh(store, DAY, 5_000);

    assertThat(day.agentRunsCount()).isEqualTo(3);
    assertThat(day.agentSessionsCount()).isEqualTo(2);
    assertThat(day.usersCount()).isEqualTo(2);
    assertThat(day.tokenMetrics()).containsEntry("total_tokens", 450L).containsEntry("input_tokens", 360L);
    assertThat(day.modelMetrics()).containsExactly(new DailyMetrics.ModelCount("scripted-model", "scripted", 3));
    assertThat(store.listDailyMetrics(DAY, DAY)).containsExactly(day);

    DailyMetrics again = MetricsAggregator.refresh(store, DAY, 6_000);
    assertThat(again.createdAt()).as("a refresh keeps when the day was first computed").isEqualTo(5_000);
    assertThat(again.updatedAt()).isEqualTo(6_000);
  }
}
