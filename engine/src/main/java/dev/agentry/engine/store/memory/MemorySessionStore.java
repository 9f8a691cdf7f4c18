package dev.agentry.engine.store.memory;

import dev.agentry.engine.event.RunStatus;
import dev.agentry.engine.run.RunOutput;
import dev.agentry.engine.store.DailyMetrics;
import dev.agentry.engine.store.InstanceLease;
import dev.agentry.engine.store.KnowledgeContent;
import dev.agentry.engine.store.MemoryQuery;
import dev.agentry.engine.store.Page;
import dev.agentry.engine.store.PageRequest;
import dev.agentry.engine.store.RunQuery;
import dev.agentry.engine.store.Session;
import dev.agentry.engine.store.SessionQuery;
import dev.agentry.engine.store.SessionStore;
import dev.agentry.engine.store.SortOrder;
import dev.agentry.engine.store.UserMemory;
import dev.agentry.engine.store.UserMemoryStats;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * A {@link SessionStore} in memory, for tests and embedded use; everything is lost when the process ends. Every
 * method is synchronized: this store is the reference the conformance suite checks the database backends against, so
 * it stays simple rather than fast.
 */
public final class MemorySessionStore implements SessionStore {
  private final Map<String, Session> sessions = new LinkedHashMap<>();
  private final Map<String, RunOutput> runs = new LinkedHashMap<>(); // in order of first save
  private final Map<String, UserMemory> memories = new LinkedHashMap<>();
  private final Map<LocalDate, DailyMetrics> metrics = new TreeMap<>();
  private final Map<String, KnowledgeContent> contents = new LinkedHashMap<>();
  private final Map<String, InstanceLease> instances = new LinkedHashMap<>();
  private final Set<String> interrupted = new HashSet<>(); // runs ended by markInterruptedRuns, not by their owner
  private final Set<String> cancelRequests = new HashSet<>();

  public static MemorySessionStore create() {
    return new MemorySessionStore();
  }

  @Override
  public synchronized Optional<Session> findSession(String sessionId) {
    return Optional.ofNullable(sessions.get(sessionId));
  }

  @Override
  public synchronized boolean createSession(Session session) {
    return sessions.putIfAbsent(session.sessionId(), session) == null;
  }

  @Override
  public synchronized void saveSession(Session session) {
    sessions.put(session.sessionId(), session);
  }

  @Override
  public synchronized Optional<Session> updateSession(String sessionId, UnaryOperator<Session> change) {
    return Optional.ofNullable(sessions.computeIfPresent(sessionId, (id, s) -> change.apply(s)));
  }

  @Override
  public synchronized boolean deleteSession(String sessionId) {
    runs.values().removeIf(r -> {
      boolean ofSession = r.sessionId().equals(sessionId);
      if (ofSession) {
        interrupted.remove(r.runId());
        cancelRequests.remove(r.runId());
      }
      return ofSession;
    });
    return sessions.remove(sessionId) != null;
  }

  @Override
  public synchronized Page<Session> listSessions(SessionQuery q) {
    Stream<Session> matching = sessions.values().stream()
        .filter(s -> q.type() == null || s.sessionType() == q.type())
        .filter(s -> q.componentId() == null || q.componentId().equals(s.componentId()))
        .filter(s -> q.userId() == null || q.userId().equals(s.userId()))
        .filter(s -> q.sessionName() == null || contains(s.sessionName(), q.sessionName()));
    return page(matching, q.page(), Session::sessionId, s -> switch (q.page().sortBy()) {
      case "updated_at" -> s.updatedAt();
      case "session_name" -> s.sessionName();
      case "session_id" -> s.sessionId();
      default -> s.createdAt();
    });
  }

  @Override
  public synchronized boolean saveRun(RunOutput run) {
    RunOutput stored = runs.get(run.runId());
    if (stored != null && stored.status().isFinal() && !interrupted.contains(run.runId())) {
      return false;
    }
    runs.put(run.runId(), run);
    interrupted.remove(run.runId());
    if (run.status().isFinal()) {
      cancelRequests.remove(run.runId());
    }
    return true;
  }

  @Override
  public synchronized Optional<RunOutput> findRun(String runId) {
    return Optional.ofNullable(runs.get(runId));
  }

  @Override
  public synchronized List<RunOutput> listRuns(RunQuery q) {
    List<RunOutput> matching = runs.values().stream()
        .filter(r -> q.sessionId() == null || q.sessionId().equals(r.sessionId()))
        .filter(r -> q.userId() == null || q.userId().equals(r.userId()))
        .filter(r -> q.status() == null || q.status() == r.status())
        .filter(r -> q.createdAfter() == null || r.createdAt() >= q.createdAfter())
        .filter(r -> q.createdBefore() == null || r.createdAt() <= q.createdBefore())
        .filter(r -> q.kind() == null || q.kind() == r.kind())
        .filter(r -> q.componentId() == null || q.componentId().equals(r.componentId()))
        .filter(r -> q.parentRunId() == null || q.parentRunId().equals(r.parentRunId()))
        .filter(r -> !q.topLevelOnly() || r.parentRunId() == null)
        .toList();
    return q.latest() > 0 && matching.size() > q.latest()
        ? matching.subList(matching.size() - q.latest(), matching.size()) : matching;
  }

  @Override
  public synchronized void renewLease(InstanceLease lease) {
    InstanceLease stored = instances.get(lease.instanceId());
    instances.put(lease.instanceId(), stored == null ? lease
        : new InstanceLease(lease.instanceId(), lease.url(), stored.startedAt(), lease.until()));
  }

  @Override
  public synchronized void dropLease(String instanceId) {
    InstanceLease stored = instances.get(instanceId);
    if (stored != null) {
      instances.put(instanceId, new InstanceLease(instanceId, stored.url(), stored.startedAt(), Instant.EPOCH));
    }
  }

  @Override
  public synchronized List<InstanceLease> liveInstances(Instant now) {
    return instances.values().stream().filter(l -> l.liveAt(now)).toList();
  }

  @Override
  public synchronized int markInterruptedRuns(Instant now) {
    List<RunOutput> orphaned = runs.values().stream()
        .filter(r -> r.status() == RunStatus.RUNNING)
        .filter(r -> r.instanceId() == null || !instances.containsKey(r.instanceId())
            || !instances.get(r.instanceId()).liveAt(now))
        .toList();
    for (RunOutput r : orphaned) {
      runs.put(r.runId(), r.interrupted());
      interrupted.add(r.runId());
      cancelRequests.remove(r.runId());
    }
    return orphaned.size();
  }

  @Override
  public synchronized boolean requestCancel(String runId) {
    RunOutput run = runs.get(runId);
    if (run == null || run.status().isFinal()) {
      return false;
    }
    cancelRequests.add(runId);
    return true;
  }

  @Override
  public synchronized Set<String> cancelRequested(Collection<String> runIds) {
    return runIds.stream().filter(cancelRequests::contains).collect(Collectors.toUnmodifiableSet());
  }

  @Override
  public synchronized Optional<UserMemory> findMemory(String memoryId) {
    return Optional.ofNullable(memories.get(memoryId));
  }

  @Override
  public synchronized void saveMemory(UserMemory memory) {
    memories.put(memory.memoryId(), memory);
  }

  @Override
  public synchronized boolean deleteMemory(String memoryId) {
    return memories.remove(memoryId) != null;
  }

  @Override
  public synchronized Page<UserMemory> listMemories(MemoryQuery q) {
    Stream<UserMemory> matching = memories.values().stream()
        .filter(m -> q.userId() == null || q.userId().equals(m.userId()))
        .filter(m -> q.agentId() == null || q.agentId().equals(m.agentId()))
        .filter(m -> q.teamId() == null || q.teamId().equals(m.teamId()))
        .filter(m -> q.searchContent() == null || contains(m.memory(), q.searchContent()))
        .filter(m -> q.topics().isEmpty() || m.topics().stream().anyMatch(q.topics()::contains));
    return page(matching, q.page(), UserMemory::memoryId, m -> switch (q.page().sortBy()) {
      case "created_at" -> m.createdAt();
      case "memory" -> m.memory();
      case "memory_id" -> m.memoryId();
      case "user_id" -> m.userId();
      default -> m.updatedAt();
    });
  }

  @Override
  public synchronized List<String> listMemoryTopics(@Nullable String userId) {
    TreeSet<String> topics = new TreeSet<>();
    memories.values().stream().filter(m -> userId == null || userId.equals(m.userId()))
        .forEach(m -> topics.addAll(m.topics()));
    return List.copyOf(topics);
  }

  @Override
  public synchronized Page<UserMemoryStats> listUserMemoryStats(@Nullable String userId, int page, int limit) {
    Map<String, UserMemoryStats> byUser = new LinkedHashMap<>();
    for (UserMemory m : memories.values()) {
      if (m.userId() == null || (userId != null && !userId.equals(m.userId()))) {
        continue;
      }
      byUser.merge(m.userId(), new UserMemoryStats(m.userId(), 1, m.updatedAt()), (a, b) ->
          new UserMemoryStats(a.userId(), a.totalMemories() + 1, Math.max(a.lastMemoryUpdatedAt(),
              b.lastMemoryUpdatedAt())));
    }
    return page(byUser.values().stream(), PageRequest.of(page, limit, "last_memory_updated_at", SortOrder.DESC),
        UserMemoryStats::userId, UserMemoryStats::lastMemoryUpdatedAt);
  }

  @Override
  public synchronized void saveDailyMetrics(DailyMetrics day) {
    metrics.put(day.date(), day);
  }

  @Override
  public synchronized List<DailyMetrics> listDailyMetrics(@Nullable LocalDate from, @Nullable LocalDate to) {
    return metrics.values().stream()
        .filter(d -> from == null || !d.date().isBefore(from))
        .filter(d -> to == null || !d.date().isAfter(to))
        .toList();
  }

  @Override
  public synchronized void saveContent(KnowledgeContent content) {
    contents.put(content.id(), content);
  }

  @Override
  public synchronized Optional<KnowledgeContent> findContent(String contentId) {
    return Optional.ofNullable(contents.get(contentId));
  }

  @Override
  public synchronized Page<KnowledgeContent> listContents(String linkedTo, PageRequest page) {
    KnowledgeContent.checkSortable(page);
    Stream<KnowledgeContent> matching = contents.values().stream().filter(c -> linkedTo.equals(c.linkedTo()));
    return page(matching, page, KnowledgeContent::id, c -> switch (page.sortBy()) {
      case "updated_at" -> c.updatedAt();
      case "name" -> c.name();
      default -> c.createdAt();
    });
  }

  @Override
  public synchronized boolean deleteContent(String contentId) {
    return contents.remove(contentId) != null;
  }

  @Override
  public void close() {}

  private static boolean contains(@Nullable String text, String part) {
    return text != null && text.toLowerCase(Locale.ROOT).contains(part.toLowerCase(Locale.ROOT));
  }

  /** Sorts by {@code key} (nulls first when ascending, as SQL does), then by id, and cuts out one page. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static <T> Page<T> page(Stream<T> matching, PageRequest page, Function<T, String> id,
      Function<T, @Nullable Object> key) {
    Comparator<T> byKey = Comparator.comparing(t -> (Comparable) key.apply(t),
        Comparator.nullsFirst(Comparator.naturalOrder()));
    Comparator<T> order = byKey.thenComparing(id);
    List<T> all = new ArrayList<>(matching.sorted(page.sortOrder() == SortOrder.DESC ? order.reversed() : order)
        .toList());
    int from = (int) Math.min(all.size(), page.offset());
    int to = Math.min(all.size(), from + page.limit());
    return new Page<>(all.subList(from, to), page.page(), page.limit(), all.size());
  }
}
