package dev.agentry.engine.store;

import static dev.agentry.engine.store.StoreFixtures.memberRun;
import static dev.agentry.engine.store.StoreFixtures.runOf;
import static dev.agentry.engine.store.StoreFixtures.session;
import static dev.agentry.engine.store.StoreFixtures.teamRun;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentry.engine.event.ComponentKind;
import dev.agentry.engine.event.RunStatus;
import dev.agentry.engine.run.RunOutput;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The part of the conformance suite about runs of teams: runs typed by component, member runs stored beside their
 * team's run with its id as parent, the filters of a team's and a member's history, team sessions. Every backend runs
 * it through {@link SessionStoreContract}, which implements {@link #store()}.
 */
interface TeamRunsContract {
  /** The store under test, empty at the start of each test. */
  SessionStore store();

  @Test
  default void teamRunReadsBackWithItsKindAndItsMemberResponses() {
    RunOutput m1 = memberRun("agent-1", "t1", "s1", "m1", 101);
    RunOutput m2 = memberRun("agent-2", "t1", "s1", "m2", 102);
    RunOutput team = teamRun("team-1", "s1", "t1", 100, List.of(m1, m2));
    store().saveRun(team);
    store().saveRun(m1);
    store().saveRun(m2);

    RunOutput back = store().findRun("t1").orElseThrow();
    assertThat(back).usingRecursiveComparison().isEqualTo(team);
    assertThat(back.kind()).isEqualTo(ComponentKind.TEAM);
    assertThat(back.componentId()).isEqualTo("team-1");
    assertThat(back.parentRunId()).isNull();
    assertThat(back.memberResponses()).extracting(RunOutput::runId).containsExactly("m1", "m2");
    assertThat(back.memberResponses()).extracting(RunOutput::parentRunId).containsOnly("t1");
    assertThat(back.memberResponses()).extracting(RunOutput::componentId).containsExactly("agent-1", "agent-2");
    assertThat(back.metrics().totalTokens()).as("the team's tokens include its members'")
        .isEqualTo(3 * m1.metrics().totalTokens());
    RunOutput member = store().findRun("m2").orElseThrow();
    assertThat(member.kind()).isEqualTo(ComponentKind.AGENT);
    assertThat(member.parentRunId()).isEqualTo("t1");
  }

  @Test
  default void runsFilterByKindComponentParentAndTopLevel() {
    saveTeamRunWithMembers("s1", "t1", 100);
    store().saveRun(StoreFixtures.run("s2", "a1", RunStatus.COMPLETED, 103, "an agent alone"));
    saveTeamRunWithMembers("s1", "t2", 104);

    assertThat(runIds(RunQuery.ofSession("s1"))).containsExactly("t1", "t1-m1", "t1-m2", "t2", "t2-m1", "t2-m2");
    assertThat(runIds(RunQuery.ofSession("s1").topLevel())).containsExactly("t1", "t2");
    assertThat(runIds(RunQuery.membersOf("t1"))).containsExactly("t1-m1", "t1-m2");
    assertThat(runIds(RunQuery.membersOf("a1"))).isEmpty();
    assertThat(runIds(RunQuery.ofSession("s1").ofComponent(ComponentKind.AGENT, "agent-2")))
        .containsExactly("t1-m2", "t2-m2");
    assertThat(runIds(RunQuery.between(0, 1_000).ofComponent(ComponentKind.AGENT, "agent-1")))
        .as("an agent's runs of every level and session").containsExactly("t1-m1", "a1", "t2-m1");
    assertThat(runIds(RunQuery.between(0, 1_000).ofComponent(ComponentKind.AGENT, "agent-1").topLevel()))
        .containsExactly("a1");
    assertThat(runIds(RunQuery.between(0, 1_000).ofComponent(ComponentKind.TEAM, "team-1")))
        .containsExactly("t1", "t2");
  }

  @Test
  default void anAgentAndATeamWithTheSameIdAreToldApartByKind() {
    store().saveRun(runOf(ComponentKind.AGENT, "helper", null, "s1", "a1", RunStatus.COMPLETED, 100, List.of()));
    store().saveRun(runOf(ComponentKind.TEAM, "helper", null, "s1", "t1", RunStatus.COMPLETED, 101, List.of()));

    assertThat(runIds(RunQuery.latestOf("s1", ComponentKind.TEAM, "helper", RunStatus.COMPLETED, 5)))
        .containsExactly("t1");
    assertThat(runIds(RunQuery.latestOf("s1", ComponentKind.AGENT, "helper", RunStatus.COMPLETED, 5)))
        .containsExactly("a1");
    assertThat(runIds(RunQuery.latestOf("s1", ComponentKind.WORKFLOW, "helper", RunStatus.COMPLETED, 5))).isEmpty();
  }

  @Test
  default void latestCountsTheRunsThatMatchEveryFilter() {
    saveTeamRunWithMembers("s1", "t1", 100);
    saveTeamRunWithMembers("s1", "t2", 110);
    store().saveRun(runOf(ComponentKind.TEAM, "team-1", null, "s1", "t3", RunStatus.ERROR, 120, List.of()));
    store().saveRun(runOf(ComponentKind.TEAM, "team-2", null, "s1", "other", RunStatus.COMPLETED, 125, List.of()));
    saveTeamRunWithMembers("s1", "t4", 130);
    store().saveRun(memberRun("agent-1", "t4", "s1", "t4-late", 140));

    assertThat(runIds(RunQuery.latestOf("s1", ComponentKind.TEAM, "team-1", RunStatus.COMPLETED, 2)))
        .as("member runs, failed runs and other teams' runs after t2 do not count").containsExactly("t2", "t4");
    assertThat(runIds(RunQuery.latest("s1", RunStatus.COMPLETED, 2).ofComponent(ComponentKind.AGENT, "agent-1")))
        .as("a member's history: its own member runs").containsExactly("t4-m1", "t4-late");
    assertThat(runIds(RunQuery.latestOf("s1", ComponentKind.TEAM, "team-1", RunStatus.COMPLETED, 10)))
        .containsExactly("t1", "t2", "t4");
  }

  @Test
  default void teamSessionIsListedAsTypeTeamWithItsState() {
    Session team = session("s-team", SessionType.TEAM, "team-1", "u1", 100)
        .withState(Map.of("_team_tasks", Map.of("goal_complete", false)), 101);
    store().saveSession(team);
    store().saveSession(session("s-agent", SessionType.AGENT, "agent-1", "u1", 102));
    saveTeamRunWithMembers("s-team", "t1", 103);

    Page<Session> teams = store().listSessions(new SessionQuery(SessionType.TEAM, null, null, null,
        PageRequest.of(1, 20, "created_at", SortOrder.DESC)));
    assertThat(teams.items()).containsExactly(team);
    assertThat(teams.items().getFirst().sessionType().wireName()).isEqualTo("team");
    assertThat(store().listSessions(new SessionQuery(SessionType.TEAM, "team-1", "u1", null,
        PageRequest.of(1, 20, "created_at", SortOrder.DESC))).totalCount()).isEqualTo(1);
    assertThat(runIds(RunQuery.ofSession("s-team").topLevel())).containsExactly("t1");
  }

  private void saveTeamRunWithMembers(String sessionId, String runId, long at) {
    RunOutput m1 = memberRun("agent-1", runId, sessionId, runId + "-m1", at + 1);
    RunOutput m2 = memberRun("agent-2", runId, sessionId, runId + "-m2", at + 2);
    store().saveRun(runOf(ComponentKind.TEAM, "team-1", null, sessionId, runId, RunStatus.RUNNING, at, List.of()));
    store().saveRun(m1);
    store().saveRun(m2);
    store().saveRun(teamRun("team-1", sessionId, runId, at, List.of(m1, m2)));
  }

  private List<String> runIds(RunQuery query) {
    return store().listRuns(query).stream().map(RunOutput::runId).toList();
  }
}
