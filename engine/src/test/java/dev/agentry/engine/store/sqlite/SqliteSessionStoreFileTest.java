package dev.agentry.engine.store.sqlite;

import static dev.agentry.engine.store.StoreFixtures.memory;
import static dev.agentry.engine.store.StoreFixtures.session;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentry.engine.store.MemoryQuery;
import dev.agentry.engine.store.PageRequest;
import dev.agentry.engine.store.Session;
import dev.agentry.engine.store.SessionQuery;
import dev.agentry.engine.store.SessionType;
import dev.agentry.engine.store.SortOrder;
import dev.agentry.engine.store.StoreException;
import dev.agentry.engine.store.StoreSettings;
import dev.agentry.engine.store.UserMemory;
import dev.agentry.engine.store.sql.VersionOneTables;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the SQLite backend adds to the conformance suite: its file, its URL forms, WAL mode and locking. */
class SqliteSessionStoreFileTest {
  @TempDir Path dir;

  private static StoreSettings settings(String url) {
    return new StoreSettings(url, "agno_", 4, Duration.ofSeconds(5));
  }

  @Test
  void migrations_are_recorded_once_however_often_the_file_is_opened() throws SQLException {
    Path file = dir.resolve("agentry.db");
    SqliteSessionStore.open(settings("sqlite:" + file)).close();
    try (SqliteSessionStore store = SqliteSessionStore.open(settings("sqlite:" + file))) {
      store.saveSession(session("s1", SessionType.AGENT, "agent-1", "u1", 100));
    }
    try (Connection c = connect(file); ResultSet rs = c.createStatement()
        .executeQuery("SELECT version, COUNT(*) FROM agno_schema_versions GROUP BY version ORDER BY version")) {
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
    Path file = dir.resolve("v1.db");
    try (Connection c = connect(file)) {
      VersionOneTables.create(c, "agno_", new SqliteDialect());
    }
    try (SqliteSessionStore store = SqliteSessionStore.open(settings("sqlite:" + file))) {
      VersionOneTables.assertUpgraded(store);
    }
  }

  @Test
  void the_file_is_in_wal_mode() throws SQLException {
    Path file = dir.resolve("wal.db");
    SqliteSessionStore.open(settings("sqlite:" + file)).close();
    try (Connection c = connect(file); ResultSet rs = c.createStatement().executeQuery("PRAGMA journal_mode")) {
      rs.next();
      assertThat(rs.getString(1)).as("WAL mode is kept in the file").isEqualToIgnoringCase("wal");
    }
  }

  @Test
  void urls_name_relative_and_absolute_files_and_folders_are_created() {
    assertThat(SqliteSessionStore.path(settings("sqlite:./agentry.db"))).isEqualTo(Path.of("./agentry.db"));
    assertThat(SqliteSessionStore.path(settings("sqlite://data/agentry.db"))).isEqualTo(Path.of("data/agentry.db"));
    assertThat(SqliteSessionStore.path(settings("sqlite:///var/lib/agentry.db")))
        .isEqualTo(Path.of("/var/lib/agentry.db"));

    Path nested = dir.resolve("a/b/agentry.db");
    try (SqliteSessionStore store = SqliteSessionStore.open(settings("sqlite://" + nested))) {
      store.saveSession(session("s1", SessionType.AGENT, "agent-1", "u1", 100));
    }
    assertThat(nested).exists();
  }

  @Test
  void a_url_without_a_file_is_refused() {
    assertThatThrownBy(() -> SqliteSessionStore.open(settings("sqlite::memory:")))
        .isInstanceOf(StoreException.class).hasMessageContaining("must name a file")
        .satisfies(e -> assertThat(((StoreException) e).retryable()).isFalse());
    assertThatThrownBy(() -> SqliteSessionStore.open(settings("sqlite:")))
        .isInstanceOf(StoreException.class);
  }

  @Test
  void searches_ignore_the_case_of_every_letter_not_only_ascii() {
    try (SqliteSessionStore store = SqliteSessionStore.open(settings("sqlite:" + dir.resolve("case.db")))) {
      store.saveSession(session("s1", SessionType.AGENT, "agent-1", "u1", 100).withName("Été à Åre", 100));
      store.saveMemory(memory("m1", "Aime le ÇAFÉ noir", List.of("goûts"), "u1", null, 100));
      store.saveMemory(memory("m2", "100% sure_thing", List.of(), "u1", null, 101));

      assertThat(store.listSessions(new SessionQuery(null, null, null, "ÉTÉ À åRE",
          PageRequest.of(1, 10, "created_at", SortOrder.DESC))).items()).extracting(Session::sessionId)
          .containsExactly("s1");
      assertThat(memories(store, "çafé")).containsExactly("m1");
      assertThat(memories(store, "0% s")).as("'%' is a plain character").containsExactly("m2");
      assertThat(memories(store, "e_t")).containsExactly("m2");
      assertThat(memories(store, "le_ç")).as("'_' is a plain character, not any character").isEmpty();
      assertThat(memories(store, "%")).containsExactly("m2");
    }
  }

  @Test
  void stores_opened_at_once_on_a_new_file_migrate_it_once_and_all_write() throws Exception {
    Path file = dir.resolve("together.db");
    int stores = 6;
    ExecutorService pool = Executors.newFixedThreadPool(stores);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<SqliteSessionStore>> opening = new ArrayList<>();
    for (int i = 0; i < stores; i++) {
      opening.add(pool.submit(() -> {
        go.await();
        return SqliteSessionStore.open(settings("sqlite:" + file));
      }));
    }
    go.countDown();
    List<SqliteSessionStore> opened = new ArrayList<>();
    try {
      for (Future<SqliteSessionStore> f : opening) {
        opened.add(f.get());
      }
      List<Future<?>> writes = new ArrayList<>();
      for (int i = 0; i < stores; i++) {
        SqliteSessionStore store = opened.get(i);
        String id = "s" + i;
        writes.add(pool.submit(() -> {
          store.saveSession(session(id, SessionType.AGENT, "agent-1", "u1", 100));
          for (int n = 0; n < 20; n++) {
            store.updateSession(id, s -> s.withState(Map.of("n", s.sessionState().size()), 101));
          }
          return null;
        }));
      }
      for (Future<?> w : writes) {
        w.get();
      }
      assertThat(opened.getFirst().listSessions(SessionQuery.all(1, 20)).totalCount()).isEqualTo(stores);
    } finally {
      opened.forEach(SqliteSessionStore::close);
      pool.shutdownNow();
    }
  }

  private static List<String> memories(SqliteSessionStore store, String search) {
    return store.listMemories(new MemoryQuery(null, null, null, search, List.of(),
        PageRequest.of(1, 10, "memory_id", SortOrder.ASC))).items().stream().map(UserMemory::memoryId).toList();
  }

  private static Connection connect(Path file) throws SQLException {
    return DriverManager.getConnection("jdbc:sqlite:" + file);
  }
}
