package dev.agentry.engine.store;

import static dev.agentry.engine.store.StoreFixtures.memory;
import static dev.agentry.engine.store.StoreFixtures.run;
import static dev.agentry.engine.store.StoreFixtures.session;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.agentry.engine.event.Metrics;
import dev.agentry.engine.event.RunStatus;
import dev.agentry.engine.run.RunOutput;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The one conformance suite every {@link SessionStore} backend passes (STYLE §32), with the tests of team runs in
 * {@link TeamRunsContract}, of workflow runs in {@link WorkflowRunsContract} and of knowledge contents in
 * {@link KnowledgeContentsContract}. Each test opens the backend on a table prefix of its own, so tests start from
 * empty tables and never see each other's rows.
 */
@Timeout(120)
public abstract class SessionStoreContract
    implements TeamRunsContract, WorkflowRunsContract, KnowledgeContentsContract, InstancesContract {
  /** Stores opened by a test, closed after it. */
  private final List<SessionStore> opened = new ArrayList<>();
  protected SessionStore store;
  protected String prefix;

  /** Opens the backend on tables (or collections) named with {@code tablePrefix}, migrating them as needed. */
  protected abstract SessionStore open(String tablePrefix);

  /** Backend quirk: false when a second {@link #open} on the same prefix does not see the first one's data. */
  protected boolean persistent() {
    return true;
  }

  @BeforeEach
  void openStore() {
    prefix = "t" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 4) + "_";
    store = reopen();
  }

  @AfterEach
  void closeStores() {
    opened.forEach(SessionStore::close);
  }

  @Override
  public SessionStore store() {
    return store;
  }

  @Override
  public SessionStore secondStore() {
    return persistent() ? reopen() : store;
  }

  protected SessionStore reopen() {
    SessionStore s = open(prefix);
    opened.add(s);
    return s;
  }

  // ---- sessions ----

  @Test
  void sessionIsCreatedFoundReplacedAndDeletedWithItsRuns() {
    Session s = session("s1", SessionType.AGENT, "agent-1", "u1", 100);
    assertThat(store.createSession(s)).isTrue();
    assertThat(store.createSession(s.withName("again", 101))).as("second create").isFalse();
    assertThat(store.findSession("s1")).contains(s);

    Session renamed = s.withName("Trip planning", 105);
    store.saveSession(renamed);
    assertThat(store.findSession("s1")).contains(renamed);

    store.saveRun(run("s1", "r1", RunStatus.COMPLETED, 101, "hi"));
    assertThat(store.deleteSession("s1")).isTrue();
    assertThat(store.findSession("s1")).isEmpty();
    assertThat(store.findRun("r1")).as("runs go with their session").isEmpty();
    assertThat(store.deleteSession("s1")).isFalse();
    assertThat(store.updateSession("s1", x -> x)).isEmpty();
  }

  @Test
  void sessionKeepsEveryField() {
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("cart", List.of("apple", 2, 3.5, true));
    state.put("nested", Map.of("deep", Map.of("x", "y")));
    state.put("nothing", null);
    Session s = new Session("s1", SessionType.TEAM, "team-1", "u1", "Planning", state, Map.of("env", "prod"),
        Map.of("summary", "Talked about trips", "topics", List.of("travel")),
        new Metrics(10, 20, 30, 1, 2, 3, 4.5, 0.25), "version-abc", 100, 200);
    store.saveSession(s);
    assertThat(store.findSession("s1")).contains(s);
  }

  @Test
  void updateChangesOnlyWhatTheFunctionChanges() {
    store.createSession(session("s1", SessionType.AGENT, "agent-1", "u1", 100));
    Session updated = store.updateSession("s1", s -> s.withState(Map.of("a", 1), 150)).orElseThrow();
    assertThat(updated.sessionState()).containsEntry("a", 1);
    assertThat(updated.updatedAt()).isEqualTo(150);
    assertThat(store.findSession("s1")).contains(updated);
  }

  @Test
  void listingFiltersByTypeComponentUserAndName() {
    store.saveSession(session("a1", SessionType.AGENT, "agent-1", "u1", 100).withName("Trip to Rome", 100));
    store.saveSession(session("a2", SessionType.AGENT, "agent-2", "u1", 101).withName("Groceries", 101));
    store.saveSession(session("a3", SessionType.AGENT, "agent-1", "u2", 102));
    store.saveSession(session("t1", SessionType.TEAM, "team-1", "u1", 103).withName("rome again", 103));
    store.saveSession(session("w1", SessionType.WORKFLOW, "flow-1", null, 104));

    assertThat(ids(store.listSessions(query(null, null, null, null)))).containsExactly("w1", "t1", "a3", "a2", "a1");
    assertThat(ids(store.listSessions(query(SessionType.AGENT, null, null, null)))).containsExactly("a3", "a2",
        "a1");
    assertThat(ids(store.listSessions(query(null, "agent-1", null, null)))).containsExactly("a3", "a1");
    assertThat(ids(store.listSessions(query(null, null, "u1", null)))).containsExactly("t1", "a2", "a1");
    assertThat(ids(store.listSessions(query(null, null, null, "ROME")))).as("partial, any case")
        .containsExactly("t1", "a1");
    assertThat(ids(store.listSessions(query(SessionType.AGENT, "agent-1", "u1", "trip")))).containsExactly("a1");
    assertThat(store.listSessions(query(SessionType.WORKFLOW, "agent-1", null, null)).items()).isEmpty();
  }

  @Test
  void listingSortsAndPagesWithTotals() {
    for (int i = 0; i < 7; i++) {
      store.saveSession(session("s" + i, SessionType.AGENT, "agent-1", "u1", 100 + i)
          .withName("name-" + (char) ('g' - i), 300 - i));
    }
    Page<Session> first = store.listSessions(sorted("created_at", SortOrder.ASC, 1, 3));
    assertThat(ids(first)).containsExactly("s0", "s1", "s2");
    assertThat(first.totalCount()).isEqualTo(7);
    assertThat(first.totalPages()).isEqualTo(3);
    assertThat(ids(store.listSessions(sorted("created_at", SortOrder.ASC, 3, 3)))).containsExactly("s6");
    assertThat(store.listSessions(sorted("created_at", SortOrder.ASC, 4, 3)).items()).as("past the end").isEmpty();
    assertThat(store.listSessions(sorted("created_at", SortOrder.ASC, 4, 3)).totalCount()).isEqualTo(7);
    assertThat(ids(store.listSessions(sorted("created_at", SortOrder.ASC, 0, 2)))).as("page 0 reads as 1")
        .containsExactly("s0", "s1");
    assertThat(ids(store.listSessions(sorted("updated_at", SortOrder.DESC, 1, 2)))).containsExactly("s0", "s1");
    assertThat(ids(store.listSessions(sorted("session_name", SortOrder.ASC, 1, 3))))
        .containsExactly("s6", "s5", "s4");
    assertThat(ids(store.listSessions(sorted("session_id", SortOrder.DESC, 1, 2)))).containsExactly("s6", "s5");
  }

  @Test
  void equalSortKeysPageWithoutRepeatsOrGaps() {
    for (int i = 0; i < 10; i++) {
      store.saveSession(session("s" + i, SessionType.AGENT, "agent-1", "u1", 100));
    }
    List<String> seen = new ArrayList<>();
    for (int page = 1; page <= 4; page++) {
      seen.addAll(ids(store.listSessions(sorted("created_at", SortOrder.DESC, page, 3))));
    }
    assertThat(seen).doesNotHaveDuplicates().hasSize(10);
  }

  @Test
  void unknownSortFieldIsRefusedWithTheChoices() {
    assertThatThrownBy(() -> sorted("password", SortOrder.ASC, 1, 10))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("created_at");
  }

  // ---- runs ----

  @Test
  void runReadsBackWithMessagesToolsAndEvents() {
    RunOutput run = run("s1", "r1", RunStatus.COMPLETED, 100, "The answer is 5.");
    assertThat(store.saveRun(run)).isTrue();
    RunOutput back = store.findRun("r1").orElseThrow();
    assertThat(back).usingRecursiveComparison().isEqualTo(run);
    assertThat(back.events()).hasSize(3);
    assertThat(store.findRun("missing")).isEmpty();
  }

  @Test
  void runWithMediaReadsBackWithItsInputMediaAndUserMessageMedia() {
    RunOutput run = StoreFixtures.runWithMedia("s1", "r1");
    store.saveRun(run);
    RunOutput back = store.findRun("r1").orElseThrow();
    assertThat(back).usingRecursiveComparison().isEqualTo(run);
    assertThat(back.input().media()).containsExactlyElementsOf(run.input().media());
    assertThat(back.input().files().getLast().content()).isEqualTo("notes: é ✓");
    assertThat(back.messages().getFirst().message().media()).hasSize(StoreFixtures.MEDIA.size());
  }

  @Test
  void structuredContentReadsBackAsJson() {
    Map<String, Object> answer = Map.of("city", "Rome", "days", 3, "tags", List.of("food", "art"));
    store.saveRun(run("s1", "r1", RunStatus.COMPLETED, 100, answer));
    assertThat(store.findRun("r1").orElseThrow().content()).isEqualTo(answer);
  }

  @Test
  void runsListOldestFirstByFirstSaveAndFilter() {
    store.saveRun(run("s1", "r-b", RunStatus.RUNNING, 100, ""));
    store.saveRun(run("s1", "r-a", RunStatus.COMPLETED, 100, "second, same second"));
    store.saveRun(run("s2", "r-x", RunStatus.COMPLETED, 101, "other session"));
    store.saveRun(run("s1", "r-c", RunStatus.ERROR, 102, "failed", "u2"));
    store.saveRun(run("s1", "r-d", RunStatus.COMPLETED, 103, "fourth"));
    store.saveRun(run("s1", "r-b", RunStatus.COMPLETED, 100, "first, ended last"));

    assertThat(runIds(store.listRuns("s1"))).containsExactly("r-b", "r-a", "r-c", "r-d");
    assertThat(runIds(store.listRuns(RunQuery.latest("s1", RunStatus.COMPLETED, 2)))).containsExactly("r-a", "r-d");
    assertThat(runIds(store.listRuns(new RunQuery("s1", "u2", null, null, null, 0)))).containsExactly("r-c");
    assertThat(runIds(store.listRuns(new RunQuery("s1", null, null, 101L, 102L, 0)))).containsExactly("r-c");
    assertThat(runIds(store.listRuns(RunQuery.between(101, 103)))).containsExactly("r-x", "r-c", "r-d");
    assertThat(store.listRuns("none")).isEmpty();
  }

  @Test
  void runIsRunningThenEndsWithExactlyOneFinalStatus() {
    assertThat(store.saveRun(run("s1", "r1", RunStatus.RUNNING, 100, ""))).isTrue();
    assertThat(store.saveRun(run("s1", "r1", RunStatus.PAUSED, 100, "waiting"))).isTrue();
    assertThat(store.saveRun(run("s1", "r1", RunStatus.RUNNING, 100, ""))).as("a paused run continues").isTrue();
    assertThat(store.saveRun(run("s1", "r1", RunStatus.COMPLETED, 100, "done"))).isTrue();
    assertThat(store.saveRun(run("s1", "r1", RunStatus.ERROR, 100, "late failure"))).isFalse();
    assertThat(store.saveRun(run("s1", "r1", RunStatus.RUNNING, 100, ""))).isFalse();
    RunOutput stored = store.findRun("r1").orElseThrow();
    assertThat(stored.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(stored.content()).isEqualTo("done");
    assertThat(store.listRuns("s1")).hasSize(1);
  }

  @Test
  void runsLeftRunningAreMarkedInterrupted() {
    store.saveRun(run("s1", "r1", RunStatus.RUNNING, 100, ""));
    store.saveRun(run("s1", "r2", RunStatus.COMPLETED, 101, "done"));
    store.saveRun(run("s1", "r3", RunStatus.PAUSED, 102, "waiting"));
    assertThat(store.markInterruptedRuns(java.time.Instant.now())).isEqualTo(1);
    RunOutput r1 = store.findRun("r1").orElseThrow();
    assertThat(r1.status()).isEqualTo(RunStatus.ERROR);
    assertThat(r1.content()).isEqualTo(RunOutput.INTERRUPTED);
    assertThat(store.findRun("r2").orElseThrow().status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(store.findRun("r3").orElseThrow().status()).isEqualTo(RunStatus.PAUSED);
    assertThat(store.markInterruptedRuns(java.time.Instant.now())).isZero();
  }

  // ---- concurrency ----

  @Test
  void concurrentUpdatesOfOneSessionAreNeverLost() throws Exception {
    store.createSession(session("s1", SessionType.AGENT, "agent-1", "u1", 100));
    int writers = 8;
    int updatesEach = 25;
    inParallel(writers, w -> {
      for (int i = 0; i < updatesEach; i++) {
        String key = "w" + w + "-" + i;
        store.updateSession("s1", s -> {
          Map<String, Object> state = new HashMap<>(s.sessionState());
          state.put("count", ((Number) state.getOrDefault("count", 0)).intValue() + 1);
          state.put(key, true);
          return s.withState(state, 200);
        });
      }
      return null;
    });
    Map<String, Object> state = store.findSession("s1").orElseThrow().sessionState();
    assertThat(((Number) state.get("count")).intValue()).isEqualTo(writers * updatesEach);
    assertThat(state).hasSize(writers * updatesEach + 1);
  }

  @Test
  void concurrentRunsOfOneSessionAreAllKept() throws Exception {
    int writers = 8;
    int runsEach = 20;
    inParallel(writers, w -> {
      for (int i = 0; i < runsEach; i++) {
        String runId = "r-" + w + "-" + i;
        store.saveRun(run("s1", runId, RunStatus.RUNNING, 100, ""));
        store.saveRun(run("s1", runId, RunStatus.COMPLETED, 100, "answer " + runId));
      }
      return null;
    });
    List<RunOutput> runs = store.listRuns("s1");
    assertThat(runs).hasSize(writers * runsEach);
    assertThat(runs).allMatch(r -> r.status() == RunStatus.COMPLETED && r.contentText().equals("answer " + r.runId()));
  }

  @Test
  void concurrentCreatesOfOneSessionMakeOne() throws Exception {
    List<Boolean> created = inParallel(8, w ->
        store.createSession(session("s1", SessionType.AGENT, "agent-" + w, "u1", 100)));
    assertThat(created).containsOnlyOnce(true);
    assertThat(store.listSessions(query(null, null, "u1", null)).totalCount()).isEqualTo(1);
  }

  // ---- payloads ----

  @Test
  void unicodeReadsBackExactly() {
    String text = "Grüße, 東京 🌸🚀 — مرحبا \u202Eabc\u202C, e\u0301, 𝔘𝔫𝔦𝔠𝔬𝔡𝔢, quotes \"'\\ and\nnew lines\t";
    Session s = session("s-ü-🌸", SessionType.AGENT, "agent-1", "u-東京", 100).withName(text, 100)
        .withState(Map.of("note", text, text, "as a key"), 100);
    store.saveSession(s);
    store.saveRun(run(s.sessionId(), "r-🚀", RunStatus.COMPLETED, 100, text));
    store.saveMemory(memory("m-1", text, List.of("東京", "🌸"), "u-東京", null, 100));

    assertThat(store.findSession(s.sessionId())).contains(s);
    assertThat(store.findRun("r-🚀").orElseThrow().content()).isEqualTo(text);
    assertThat(store.findMemory("m-1").orElseThrow().memory()).isEqualTo(text);
    assertThat(ids(store.listSessions(query(null, null, "u-東京", "東京")))).containsExactly(s.sessionId());
    assertThat(store.listMemoryTopics("u-東京")).containsExactlyInAnyOrder("東京", "🌸");
  }

  @Test
  void oneMebibytePayloadsReadBack() {
    String big = "0123456789abcdef".repeat(65_536); // 1 MiB
    store.saveRun(run("s1", "r1", RunStatus.COMPLETED, 100, big));
    store.saveSession(session("s1", SessionType.AGENT, "agent-1", "u1", 100).withState(Map.of("blob", big), 100));
    store.saveMemory(memory("m1", big, List.of("big"), "u1", null, 100));
    assertThat(store.findRun("r1").orElseThrow().contentText()).isEqualTo(big);
    assertThat(store.findSession("s1").orElseThrow().sessionState().get("blob")).isEqualTo(big);
    assertThat(store.findMemory("m1").orElseThrow().memory()).isEqualTo(big);
  }

  // ---- memories ----

  @Test
  void memoryIsSavedReplacedAndDeleted() {
    UserMemory m = memory("m1", "Likes hiking", List.of("hobbies"), "u1", "agent-1", 100);
    store.saveMemory(m);
    assertThat(store.findMemory("m1")).contains(m);
    UserMemory changed = new UserMemory("m1", "Likes hiking in the Alps", List.of("hobbies", "travel"), null, "u1",
        "agent-1", "team-1", 90, 120);
    store.saveMemory(changed);
    assertThat(store.findMemory("m1")).contains(changed);
    assertThat(store.deleteMemory("m1")).isTrue();
    assertThat(store.deleteMemory("m1")).isFalse();
    assertThat(store.findMemory("m1")).isEmpty();
  }

  @Test
  void memoriesFilterSortAndPage() {
    store.saveMemory(memory("m1", "Likes hiking", List.of("hobbies", "outdoors"), "u1", "agent-1", 101));
    store.saveMemory(memory("m2", "Allergic to nuts", List.of("health"), "u1", "agent-2", 102));
    store.saveMemory(memory("m3", "Has a dog named Rex", List.of("pets"), "u2", "agent-1", 103));
    store.saveMemory(new UserMemory("m4", "Team prefers HIKING trips", List.of("outdoors"), null, "u1", null,
        "team-1", 90, 104));

    assertThat(memIds(store.listMemories(MemoryQuery.ofUser("u1", 1, 20)))).containsExactly("m4", "m2", "m1");
    assertThat(memIds(store.listMemories(MemoryQuery.ofUser(null, 1, 20)))).hasSize(4);
    assertThat(memIds(store.listMemories(memories(null, "agent-1", null, null, List.of()))))
        .containsExactly("m3", "m1");
    assertThat(memIds(store.listMemories(memories(null, null, "team-1", null, List.of())))).containsExactly("m4");
    assertThat(memIds(store.listMemories(memories("u1", null, null, "hiking", List.of()))))
        .as("search ignores case").containsExactly("m4", "m1");
    assertThat(memIds(store.listMemories(memories(null, null, null, null, List.of("outdoors", "pets")))))
        .as("any of the topics").containsExactly("m4", "m3", "m1");
    Page<UserMemory> page = store.listMemories(new MemoryQuery(null, null, null, null, List.of(),
        PageRequest.of(2, 3, "created_at", SortOrder.ASC)));
    assertThat(memIds(page)).containsExactly("m3");
    assertThat(page.totalCount()).isEqualTo(4);
  }

  @Test
  void memoryTopicsAndUserStats() {
    store.saveMemory(memory("m1", "a", List.of("hobbies", "outdoors"), "u1", null, 101));
    store.saveMemory(memory("m2", "b", List.of("health", "hobbies"), "u1", null, 105));
    store.saveMemory(memory("m3", "c", List.of("pets"), "u2", null, 103));
    assertThat(store.listMemoryTopics("u1")).containsExactly("health", "hobbies", "outdoors");
    assertThat(store.listMemoryTopics(null)).containsExactly("health", "hobbies", "outdoors", "pets");

    Page<UserMemoryStats> stats = store.listUserMemoryStats(null, 1, 10);
    assertThat(stats.items()).containsExactly(new UserMemoryStats("u1", 2, 105), new UserMemoryStats("u2", 1, 103));
    assertThat(stats.totalCount()).isEqualTo(2);
    assertThat(store.listUserMemoryStats(null, 2, 1).items()).containsExactly(new UserMemoryStats("u2", 1, 103));
    assertThat(store.listUserMemoryStats("u2", 1, 10).items()).containsExactly(new UserMemoryStats("u2", 1, 103));
  }

  // ---- metrics ----

  @Test
  void dailyMetricsUpsertAndListByDateRange() {
    LocalDate day = LocalDate.of(2026, 11, 20);
    DailyMetrics first = metrics(day, 3, 100);
    store.saveDailyMetrics(first);
    store.saveDailyMetrics(metrics(day.minusDays(1), 1, 90));
    store.saveDailyMetrics(metrics(day.plusDays(1), 5, 110));
    DailyMetrics replaced = metrics(day, 4, 120);
    store.saveDailyMetrics(replaced);

    assertThat(store.listDailyMetrics(day, day)).containsExactly(replaced);
    assertThat(store.listDailyMetrics(null, null)).extracting(DailyMetrics::date)
        .containsExactly(day.minusDays(1), day, day.plusDays(1));
    assertThat(store.listDailyMetrics(day, null)).hasSize(2);
    assertThat(store.listDailyMetrics(null, day.minusDays(1))).hasSize(1);
  }

  // ---- knowledge contents (the rest is in KnowledgeContentsContract) ----

  @Test
  void concurrentFirstSavesOfOneContentLeaveOneWholeRow() throws Exception {
    int workers = 6;
    List<KnowledgeContent> saved = inParallel(workers, w -> {
      KnowledgeContent c = KnowledgeContentsContract.content("c1", "docs", "writer " + w, 100 + w, 100 + w,
          Map.of("writer", w), null);
      store.saveContent(c);
      return c;
    });
    assertThat(store.listContents("docs", PageRequest.of(1, 10, "created_at", SortOrder.ASC)).totalCount())
        .isEqualTo(1);
    assertThat(saved).as("the stored content is one writer's, not a mix").contains(
        store.findContent("c1").orElseThrow());
  }

  // ---- migrations ----

  @Test
  void reopeningAppliesNoMigrationTwiceAndKeepsTheData() {
    assumeTrue(persistent(), "this backend keeps nothing between opens");
    store.saveSession(session("s1", SessionType.AGENT, "agent-1", "u1", 100));
    store.saveRun(run("s1", "r1", RunStatus.COMPLETED, 100, "kept"));
    SessionStore again = reopen();
    assertThat(again.findSession("s1")).isPresent();
    assertThat(again.findRun("r1").orElseThrow().content()).isEqualTo("kept");
  }

  @Test
  void instancesStartingTogetherOnAnEmptyDatabaseBothWork() throws Exception {
    assumeTrue(persistent(), "this backend keeps nothing between opens");
    prefix = "t" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 4) + "_";
    List<SessionStore> stores = inParallel(3, w -> reopen());
    for (int i = 0; i < stores.size(); i++) {
      stores.get(i).saveSession(session("s" + i, SessionType.AGENT, "agent-1", "u1", 100));
    }
    assertThat(stores.get(0).listSessions(query(null, null, "u1", null)).totalCount()).isEqualTo(3);
  }

  // ---- helpers ----

  protected interface Worker<T> {
    T work(int worker) throws Exception;
  }

  /** Runs {@code workers} copies of {@code work} at once, released together, and returns their results. */
  protected static <T> List<T> inParallel(int workers, Worker<T> work) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(workers);
    try {
      java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
      List<Future<T>> futures = new ArrayList<>();
      for (int w = 0; w < workers; w++) {
        int id = w;
        futures.add(pool.submit((Callable<T>) () -> {
          go.await();
          return work.work(id);
        }));
      }
      go.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> f : futures) {
        results.add(f.get());
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  private static SessionQuery query(SessionType type, String componentId, String userId, String name) {
    return new SessionQuery(type, componentId, userId, name, PageRequest.of(1, 20, "created_at", SortOrder.DESC));
  }

  private static SessionQuery sorted(String by, SortOrder order, int page, int limit) {
    return new SessionQuery(null, null, null, null, PageRequest.of(page, limit, by, order));
  }

  private static MemoryQuery memories(String userId, String agentId, String teamId, String search,
      List<String> topics) {
    return new MemoryQuery(userId, agentId, teamId, search, topics, PageRequest.of(1, 20, "updated_at",
        SortOrder.DESC));
  }

  private static DailyMetrics metrics(LocalDate day, long runs, long at) {
    return new DailyMetrics(day, runs, 1, 0, 0, 0, 0, 2, Map.of("input_tokens", 120L * runs, "total_tokens",
        150L * runs), List.of(new DailyMetrics.ModelCount("gpt-4o-mini", "openai", runs)), at, at);
  }

  private static List<String> ids(Page<Session> page) {
    return page.items().stream().map(Session::sessionId).toList();
  }

  private static List<String> memIds(Page<UserMemory> page) {
    return page.items().stream().map(UserMemory::memoryId).toList();
  }

  private static List<String> runIds(List<RunOutput> runs) {
    return runs.stream().map(RunOutput::runId).toList();
  }
}
