package dev.agentry.engine.store.postgres;

import static dev.agentry.engine.store.StoreFixtures.session;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.agentry.engine.store.PageRequest;
import dev.agentry.engine.store.Session;
import dev.agentry.engine.store.SessionQuery;
import dev.agentry.engine.store.SessionStore;
import dev.agentry.engine.store.SessionType;
import dev.agentry.engine.store.SortOrder;
import dev.agentry.engine.store.StoreException;
import dev.agentry.engine.store.StoreSettings;
import dev.agentry.engine.store.TestPostgres;
import dev.agentry.engine.store.memory.MemorySessionStore;
import dev.agentry.engine.store.sql.VersionOneTables;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** What the PostgreSQL backend adds to the conformance suite: migrations, failures at open, collation. */
class PostgresSessionStoreServerTest {
  private static StoreSettings settings(String url, String prefix, Duration timeout) {
    return new StoreSettings(url, prefix, 4, timeout);
  }

  private static String freshPrefix() {
    return "p" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 8) + "_";
  }

  @Test
  void migrations_are_recorded_once_however_often_the_tables_are_opened() throws SQLException {
    StoreSettings settings = settings(TestPostgres.url(), freshPrefix(), Duration.ofSeconds(5));
    PostgresSessionStore.open(settings).close();
    PostgresSessionStore.open(settings).close();
    PostgresUrl url = PostgresUrl.parse(settings);
    try (Connection c = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
        ResultSet rs = c.createStatement().executeQuery("SELECT version, COUNT(*) FROM "
            + settings.tablePrefix() + "schema_versions GROUP BY version ORDER BY version")) {
      for (int version = 1; version <= 4; version++) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getInt(1)).isEqualTo(version);
        assertThat(rs.getInt(2)).isEqualTo(1);
      }
      assertThat(rs.next()).as("only versions 1 to 4 exist").isFalse();
    }
  }

  @Test
  void runs_stored_by_version_1_read_back_typed_after_the_upgrade() throws SQLException {
    StoreSettings settings = settings(TestPostgres.url(), freshPrefix(), Duration.ofSeconds(5));
    PostgresUrl url = PostgresUrl.parse(settings);
    try (Connection c = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password())) {
      VersionOneTables.create(c, settings.tablePrefix(), new PostgresDialect());
    }
    try (SessionStore store = PostgresSessionStore.open(settings)) {
      VersionOneTables.assertUpgraded(store);
    }
  }

  @Test
  void an_unreachable_server_fails_open_quickly_with_a_retryable_error_and_no_password() {
    long start = System.nanoTime();
    StoreException e = catchThrowableOfType(StoreException.class, () -> PostgresSessionStore.open(
        settings("postgresql://agentry:s3cret@localhost:1/agentry", "agno_", Duration.ofSeconds(1))));
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(e.retryable()).isTrue();
    assertThat(e.getMessage()).isEqualTo(
        "cannot connect to postgresql://agentry:****@localhost:1/agentry: Connection refused");
    for (Throwable t = e; t != null; t = t.getCause()) {
      assertThat(t.getMessage()).doesNotContain("s3cret");
    }
    assertThat(took).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void text_sorts_in_code_point_order_as_the_memory_store_does() {
    List<String> names = List.of("b", "B", "a", "_x", "Zeta", "éclair", "eclair", "Éclair", "10", "9", "a b");
    try (SessionStore postgres = PostgresSessionStore.open(settings(TestPostgres.url(), freshPrefix(),
        Duration.ofSeconds(5))); SessionStore memory = MemorySessionStore.create()) {
      for (int i = 0; i < names.size(); i++) {
        Session s = session("s" + i, SessionType.AGENT, "agent-1", "u1", 100).withName(names.get(i), 100);
        postgres.saveSession(s);
        memory.saveSession(s);
      }
      for (SortOrder order : SortOrder.values()) {
        SessionQuery query = new SessionQuery(null, null, null, null, PageRequest.of(1, 20, "session_name", order));
        assertThat(ids(postgres, query)).as(order.name()).isEqualTo(ids(memory, query));
      }
    }
  }

  private static List<String> ids(SessionStore store, SessionQuery query) {
    return store.listSessions(query).items().stream().map(Session::sessionId).toList();
  }
}
