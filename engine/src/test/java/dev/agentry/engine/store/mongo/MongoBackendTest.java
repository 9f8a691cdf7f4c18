package dev.agentry.engine.store.mongo;

import static dev.agentry.engine.store.StoreFixtures.session;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.agentry.engine.event.ComponentKind;
import dev.agentry.engine.event.RunStatus;
import dev.agentry.engine.run.RunOutput;
import dev.agentry.engine.store.PageRequest;
import dev.agentry.engine.store.RunQuery;
import dev.agentry.engine.store.Session;
import dev.agentry.engine.store.SessionQuery;
import dev.agentry.engine.store.SessionType;
import dev.agentry.engine.store.SortOrder;
import dev.agentry.engine.store.StoreException;
import dev.agentry.engine.store.StoreFixtures;
import dev.agentry.engine.store.StoreSettings;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What only the MongoDB backend does: its migrations, its failures and reconnection, its encoding of values. */
@Timeout(60)
class MongoBackendTest {
  private static MongoTestServer server;
  private final List<MongoSessionStore> opened = new ArrayList<>();
  private String prefix;

  @BeforeAll
  static void startServer() {
    server = MongoTestServer.start();
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @BeforeEach
  void pickPrefix() {
    prefix = "b" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 4) + "_";
  }

  @AfterEach
  void closeStores() {
    opened.forEach(MongoSessionStore::close);
    server.dropCollections(prefix);
  }

  @Test
  void migrationsAreRecordedOnceAndCreateTheIndexes() {
    open(server.url()).saveSession(session("s1", SessionType.AGENT, "agent-1", "u1", 100));
    open(server.url());
    MongoDatabase db = server.database();
    List<Document> versions = db.getCollection(prefix + "schema_versions").find().into(new ArrayList<>());
    assertThat(versions).extracting(d -> d.get("_id")).containsExactly(1, 2, 3, 4);
    assertThat(indexKeys(db, "sessions")).contains("{\"user_id\": 1}", "{\"created_at\": 1}");
    assertThat(indexKeys(db, "runs")).contains("{\"session_id\": 1, \"seq\": 1}", "{\"status\": 1}",
        "{\"component_type\": 1, \"component_id\": 1, \"seq\": 1}", "{\"parent_run_id\": 1, \"seq\": 1}");
    assertThat(indexKeys(db, "memories")).contains("{\"user_id\": 1, \"updated_at\": -1}", "{\"topics\": 1}");
    assertThat(indexKeys(db, "metrics")).contains("{\"date\": 1}");
    assertThat(indexKeys(db, "knowledge")).contains("{\"linked_to\": 1, \"created_at\": 1}");
    assertThat(indexKeys(db, "runs")).contains("{\"status\": 1, \"instance_id\": 1}");
    assertThat(indexKeys(db, "instances")).contains("{\"lease_until\": 1}");
  }

  @Test
  void runsStoredByVersion1ReadBackAsAgentRunsAfterTheUpgrade() {
    MongoDatabase db = server.database();
    db.getCollection(prefix + "schema_versions").insertOne(new Document("_id", 1).append("applied_at", 100L));
    Document run = Document.parse(StoreFixtures.versionOneRunJson("s1", "old", 100).toString());
    db.getCollection(prefix + "runs").insertOne(new Document("_id", "old").append("session_id", "s1")
        .append("user_id", "user-1").append("status", "COMPLETED").append("created_at", 100L).append("seq", 1L)
        .append("run", run));

    MongoSessionStore store = open(server.url());
    RunOutput old = store.findRun("old").orElseThrow();
    assertThat(old.kind()).isEqualTo(ComponentKind.AGENT);
    assertThat(old.componentId()).isEqualTo("agent-1");
    assertThat(old.parentRunId()).isNull();
    assertThat(old.content()).isEqualTo("stored by v1");
    assertThat(store.listRuns(RunQuery.latestOf("s1", ComponentKind.AGENT, "agent-1", RunStatus.COMPLETED, 5)))
        .extracting(RunOutput::runId).containsExactly("old");
    assertThat(store.listRuns(RunQuery.ofSession("s1").ofComponent(ComponentKind.TEAM, "agent-1"))).isEmpty();
    assertThat(db.getCollection(prefix + "runs").find().first()).containsEntry("component_type", "agent")
        .containsEntry("component_id", "agent-1").containsEntry("parent_run_id", null);
  }

  @Test
  void unreachableServerAtOpenFailsFastAndRetryablyWithoutThePassword() throws IOException {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    StoreSettings settings = new StoreSettings("mongodb://agent:s3cret@127.0.0.1:" + port + "/agentry", prefix, 2,
        Duration.ofMillis(300));
    long start = System.nanoTime();
    StoreException e = catchThrowableOfType(StoreException.class, () -> MongoSessionStore.open(settings));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    assertThat(e.retryable()).isTrue();
    assertThat(e.getMessage()).contains("mongodb://agent:****@127.0.0.1:" + port + "/agentry");
    for (Throwable t = e; t != null; t = t.getCause()) {
      assertThat(String.valueOf(t.getMessage())).doesNotContain("s3cret");
    }
  }

  @Test
  void malformedUrlIsRefusedForGoodWithoutThePassword() {
    StoreSettings settings = new StoreSettings("mongodb://agent:s3cret@", prefix, 2, Duration.ofMillis(300));
    StoreException e = catchThrowableOfType(StoreException.class, () -> MongoSessionStore.open(settings));
    assertThat(e.retryable()).isFalse();
    assertThat(e.getMessage()).contains("mongodb://agent:****@").doesNotContain("s3cret");
  }

  @Test
  void lostServerIsRetryableAndTheSameStoreWorksOnceItIsBack() {
    MongoServer first = new MongoServer(new MemoryBackend());
    InetSocketAddress address = first.bind();
    MongoServer second = new MongoServer(new MemoryBackend());
    try {
      String url = "mongodb://" + address.getHostString() + ":" + address.getPort() + "/agentry";
      // long enough for the driver's monitor (it re-checks a lost server at most every 500 ms) to find the new one
      MongoSessionStore store = MongoSessionStore.open(new StoreSettings(url, prefix, 2, Duration.ofSeconds(2)));
      opened.add(store);
      store.saveSession(session("s1", SessionType.AGENT, "agent-1", "u1", 100));
      first.shutdownNow();

      assertThatThrownBy(() -> store.findSession("s1"))
          .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.retryable()).isTrue())
          .hasMessageContaining(url);

      second.bind(address.getHostString(), address.getPort()); // the memory backend starts empty
      Session again = session("s2", SessionType.AGENT, "agent-1", "u1", 200);
      store.saveSession(again);
      assertThat(store.findSession("s2")).contains(again);
    } finally {
      first.shutdownNow();
      second.shutdownNow();
    }
  }

  @Test
  void numbersAndOddKeysReadBackAsTheyWere() {
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("int", 7);
    state.put("long", 7L);
    state.put("big_long", 5_000_000_000L);
    state.put("double", 1.0);
    state.put("decimal", new BigDecimal("12.50"));
    state.put("looks_like_a_date", Map.of("$date", 1));
    state.put("a.dotted.key", List.of(Map.of("$oid", "x"), 2.5));
    state.put("", "empty key");
    Session s = session("s1", SessionType.AGENT, "agent-1", "u1", 100).withState(state, 100);
    MongoSessionStore store = open(server.url());
    store.saveSession(s);
    Map<String, Object> back = store.findSession("s1").orElseThrow().sessionState();
    assertThat(back).isEqualTo(state);
    assertThat(back.get("long")).isInstanceOf(Long.class);
    assertThat(back.get("int")).isInstanceOf(Integer.class);
    assertThat(back.get("double")).isInstanceOf(Double.class);

    Map<String, Object> content = Map.of("$date", 1, "a.b", List.of(2L, 2.5), "nested", Map.of("$oid", "x"));
    store.saveRun(StoreFixtures.run("s1", "r1", RunStatus.RUNNING, 100, content));
    store.saveRun(StoreFixtures.run("s1", "r1", RunStatus.COMPLETED, 100, content)); // the update path, not insert
    assertThat(store.findRun("r1").orElseThrow().content()).isEqualTo(content);
  }

  @Test
  void searchedNamesMatchLiterallyWhateverTheyContain() {
    MongoSessionStore store = open(server.url());
    store.saveSession(session("a", SessionType.AGENT, "agent-1", "u1", 100)
        .withName("Plan (v1.2) [draft]* $5 \\Q|^", 1));
    store.saveSession(session("b", SessionType.AGENT, "agent-1", "u1", 101).withName("plan xv1x2", 1));
    store.saveSession(session("c", SessionType.AGENT, "agent-1", "u1", 102).withName("Ünïcode ÄBC", 1));
    assertThat(names(store, "(V1.2)")).containsExactly("a");
    assertThat(names(store, "v1.2")).containsExactly("a");
    assertThat(names(store, "[DRAFT]* $5 \\q|^")).containsExactly("a");
    assertThat(names(store, ".")).containsExactly("a");
    assertThat(names(store, "plan")).containsExactly("b", "a");
    assertThat(names(store, "ïcode Ä")).containsExactly("c");
  }

  @Test
  void databaseIsTheUrlsPathOrAgentry() {
    MongoServer own = new MongoServer(new MemoryBackend());
    InetSocketAddress address = own.bind();
    String base = "mongodb://" + address.getHostString() + ":" + address.getPort();
    try (var client = com.mongodb.client.MongoClients.create(base)) {
      open(base).saveSession(session("s1", SessionType.AGENT, "agent-1", "u1", 100));
      open(base + "/other?appName=test").saveSession(session("s2", SessionType.AGENT, "agent-1", "u1", 100));
      assertThat(client.getDatabase("agentry").getCollection(prefix + "sessions").countDocuments()).isEqualTo(1);
      assertThat(client.getDatabase("other").getCollection(prefix + "sessions").countDocuments()).isEqualTo(1);
    } finally {
      opened.forEach(MongoSessionStore::close);
      opened.clear();
      own.shutdownNow();
    }
  }

  private MongoSessionStore open(String url) {
    MongoSessionStore store = MongoSessionStore.open(new StoreSettings(url, prefix, 4, Duration.ofSeconds(5)));
    opened.add(store);
    return store;
  }

  private List<String> indexKeys(MongoDatabase db, String collection) {
    return db.getCollection(prefix + collection).listIndexes().map(d -> ((Document) d.get("key")).toJson())
        .into(new ArrayList<>());
  }

  private static List<String> names(MongoSessionStore store, String search) {
    return store.listSessions(new SessionQuery(null, null, null, search,
        PageRequest.of(1, 10, "created_at", SortOrder.DESC))).items().stream().map(Session::sessionId).toList();
  }
}
