package dev.agentry.engine.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentry.engine.event.ComponentKind;
import dev.agentry.engine.event.RunStatus;
import org.junit.jupiter.api.Test;

class RunQueryTest {
  @Test
  void latest_of_a_component_reads_its_top_level_runs_of_one_session() {
    RunQuery q = RunQuery.latestOf("s1", ComponentKind.TEAM, "team-1", RunStatus.COMPLETED, 3);
    assertThat(q).isEqualTo(new RunQuery("s1", null, RunStatus.COMPLETED, null, null, ComponentKind.TEAM, "team-1",
        null, true, 3));
  }

  @Test
  void members_of_a_run_are_its_child_runs_of_any_component() {
    assertThat(RunQuery.membersOf("t1")).isEqualTo(new RunQuery(null, null, null, null, null, null, null, "t1",
        false, 0));
  }

  @Test
  void the_filters_of_every_level_keep_their_constructor() {
    assertThat(new RunQuery("s1", "u1", null, 1L, 2L, 0)).isEqualTo(new RunQuery("s1", "u1", null, 1L, 2L, null,
        null, null, false, 0));
  }

  @Test
  void a_parent_run_and_top_level_only_contradict_each_other() {
    assertThatThrownBy(() -> RunQuery.membersOf("t1").topLevel())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not both");
    assertThatThrownBy(() -> RunQuery.latest("s1", RunStatus.COMPLETED, -1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");
  }
}
