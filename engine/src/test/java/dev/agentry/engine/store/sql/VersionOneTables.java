package dev.agentry.engine.store.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentry.engine.event.ComponentKind;
import dev.agentry.engine.event.RunStatus;
import dev.agentry.engine.run.RunOutput;
import dev.agentry.engine.store.RunQuery;
import dev.agentry.engine.store.SessionStore;
import dev.agentry.engine.store.StoreFixtures;
import dev.agentry.engine.store.internal.StoreJson;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * Tables as schema version 1 left them, for the upgrade tests of the SQL backends: created by version 1's own
 * statements, recorded as version 1, with runs as that version wrote them.
 */
public final class VersionOneTables {
  private VersionOneTables() {}

  /**
   * Creates the version 1 tables named with {@code prefix} and stores three runs in them: {@code old}, an agent's run
   * as version 1 stored it (JSON with {@code agent_id}, no kind), and a team run {@code t1} with its member run
   * {@code m1} as a development build stored them (kind and parent in the JSON only, no parent in the columns).
   */
  public static void create(Connection c, String prefix, SqlDialect dialect) throws SQLException {
    SqlTables tables = new SqlTables(prefix);
    try (Statement s = c.createStatement()) {
      for (String sql : SchemaV1.statements(tables, dialect)) {
        s.execute(sql);
      }
      s.execute("CREATE TABLE " + tables.schemaVersions() + " (version INT PRIMARY KEY, applied_at BIGINT NOT NULL)");
      s.execute("INSERT INTO " + tables.schemaVersions() + " (version, applied_at) VALUES (1, 100)");
    }
    insert(c, tables, dialect, StoreFixtures.versionOneRunJson("s1", "old", 100), "agent-1");
    RunOutput m1 = StoreFixtures.memberRun("agent-1", "t1", "s2", "m1", 102);
    insert(c, tables, dialect, StoreJson.runTree(StoreFixtures.teamRun("team-1", "s2", "t1", 101,
        List.of(m1))), "team-1");
    insert(c, tables, dialect, StoreJson.runTree(m1), "agent-1");
  }

  /** Checks that {@code store}, opened on those tables (so migrated), reads each run back with its type. */
  public static void assertUpgraded(SessionStore store) {
    RunOutput old = store.findRun("old").orElseThrow();
    assertThat(old.kind()).isEqualTo(ComponentKind.AGENT);
    assertThat(old.componentId()).isEqualTo("agent-1");
    assertThat(old.componentName()).isEqualTo("Agent One");
    assertThat(old.parentRunId()).isNull();
    assertThat(old.memberResponses()).isEmpty();
    assertThat(old.content()).isEqualTo("stored by v1");
    assertThat(runIds(store, RunQuery.latestOf("s1", ComponentKind.AGENT, "agent-1", RunStatus.COMPLETED, 5)))
        .containsExactly("old");
    assertThat(runIds(store, RunQuery.latestOf("s2", ComponentKind.TEAM, "team-1", RunStatus.COMPLETED, 5)))
        .containsExactly("t1");
    assertThat(runIds(store, RunQuery.membersOf("t1"))).containsExactly("m1");
    assertThat(runIds(store, RunQuery.between(0, 1_000).topLevel())).containsExactly("old", "t1");
    assertThat(store.findRun("t1").orElseThrow().memberResponses()).extracting(RunOutput::runId)
        .containsExactly("m1");
  }

  private static void insert(Connection c, SqlTables tables, SqlDialect dialect, ObjectNode run, String agentId)
      throws SQLException {
    try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + tables.runs() + " (run_id, session_id,"
        + " user_id, agent_id, status, created_at, spec_version, run) VALUES (?, ?, ?, ?, ?, ?, ?, "
        + dialect.jsonValue("?") + ")")) {
      insert.setString(1, run.get("run_id").asString());
      insert.setString(2, run.get("session_id").asString());
      insert.setString(3, run.get("user_id").asString());
      insert.setString(4, agentId);
      insert.setString(5, RunStatus.COMPLETED.name());
      insert.setLong(6, run.get("created_at").asLong());
      insert.setString(7, run.get("spec_version").asString());
      insert.setString(8, run.toString());
      insert.executeUpdate();
    }
  }

  private static List<String> runIds(SessionStore store, RunQuery query) {
    return store.listRuns(query).stream().map(RunOutput::runId).toList();
  }
}
