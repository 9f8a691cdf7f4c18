package dev.agentry.engine.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentry.engine.event.RunStatus;
import dev.agentry.engine.run.RunOutput;
import dev.agentry.engine.store.memory.MemorySessionStore;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
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

  @Test
  void team_runs_and_sessions_count_as_teams_and_member_runs_add_no_runs_or_tokens() {
    SessionStore store = MemorySessionStore.create();
    store.saveRun(StoreFixtures.run("s-agent", "r1", RunStatus.COMPLETED, NOON, "alone", "u1"));
    RunOutput m1 = StoreFixtures.memberRun("agent-1", "t1", "s-team", "m1", NOON + 61);
    RunOutput m2 = StoreFixtures.memberRun("agent-2", "t1", "s-team", "m2", NOON + 62);
    store.saveRun(StoreFixtures.teamRun("team-1", "s-team", "t1", NOON + 60, List.of(m1, m2)));
    store.saveRun(m1);
    store.saveRun(m2);
    store.saveRun(StoreFixtures.teamRun("team-1", "s-team", "t2", NOON + 120, List.of()));
    store.saveRun(StoreFixtures.teamRun("team-2", "s-team-2", "t3", NOON + 180, List.of()));

    DailyMetrics day = MetricsAggregator.refresh(store, DAY, 5_000);

    assertThat(day.agentRunsCount()).as("member runs are part of their team's run").isEqualTo(1);
    assertThat(day.agentSessionsCount()).isEqualTo(1);
    assertThat(day.teamRunsCount()).isEqualTo(3);
    assertThat(day.teamSessionsCount()).isEqualTo(2);
    assertThat(day.workflowRunsCount()).isZero();
    assertThat(day.tokenMetrics()).as("t1's 450 tokens already hold its members' 300")
        .containsEntry("total_tokens", 150L + 450 + 150 + 150).containsEntry("input_tokens", 120L + 360 + 120 + 120);
    assertThat(day.modelMetrics()).as("each run called its model, members' runs too")
        .containsExactly(new DailyMetrics.ModelCount("scripted-model", "scripted", 6));
    assertThat(store.listDailyMetrics(DAY, DAY)).containsExactly(day);
  }
}
