package dev.agentry.engine.store.sql;

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
import dev.agentry.engine.store.UserMemory;
import dev.agentry.engine.store.UserMemoryStats;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * A {@link SessionStore} on a SQL database, the same SQL for every dialect: the base of the SQLite and PostgreSQL
 * backends, which only open the {@link SqlDatabase}. Each record group has its table class; this one routes to them.
 */
public abstract class SqlSessionStore implements SessionStore {
  private final SqlDatabase db;
  private final SqlSessions sessions;
  private final SqlRuns runs;
  private final SqlMemories memories;
  private final SqlMetrics metrics;
  private final SqlContents contents;
  private final SqlInstances instances;

  protected SqlSessionStore(SqlDatabase db) {
    this.db = db;
    this.sessions = new SqlSessions(db);
    this.runs = new SqlRuns(db);
    this.memories = new SqlMemories(db);
    this.metrics = new SqlMetrics(db);
    this.contents = new SqlContents(db);
    this.instances = new SqlInstances(db);
  }

  @Override
  public Optional<Session> findSession(String sessionId) {
    return sessions.find(sessionId);
  }

  @Override
  public boolean createSession(Session session) {
    return sessions.create(session);
  }

  @Override
  public void saveSession(Session session) {
    sessions.save(session);
  }

  @Override
  public Optional<Session> updateSession(String sessionId, UnaryOperator<Session> change) {
    return sessions.update(sessionId, change);
  }

  @Override
  public boolean deleteSession(String sessionId) {
    return sessions.delete(sessionId);
  }

  @Override
  public Page<Session> listSessions(SessionQuery query) {
    return sessions.list(query);
  }

  @Override
  public boolean saveRun(RunOutput run) {
    return runs.save(run);
  }

  @Override
  public Optional<RunOutput> findRun(String runId) {
    return runs.find(runId);
  }

  @Override
  public List<RunOutput> listRuns(RunQuery query) {
    return runs.list(query);
  }

  @Override
  public void renewLease(InstanceLease lease) {
    instances.renew(lease);
  }

  @Override
  public void dropLease(String instanceId) {
    instances.drop(instanceId);
  }

  @Override
  public List<InstanceLease> liveInstances(Instant now) {
    return instances.live(now);
  }

  @Override
  public int markInterruptedRuns(Instant now) {
    return runs.markInterrupted(now);
  }

  @Override
  public boolean requestCancel(String runId) {
    return runs.requestCancel(runId, Instant.now());
  }

  @Override
  public Set<String> cancelRequested(Collection<String> runIds) {
    return runs.cancelRequested(runIds);
  }

  @Override
  public Optional<UserMemory> findMemory(String memoryId) {
    return memories.find(memoryId);
  }

  @Override
  public void saveMemory(UserMemory memory) {
    memories.save(memory);
  }

  @Override
  public boolean deleteMemory(String memoryId) {
    return memories.delete(memoryId);
  }

  @Override
  public Page<UserMemory> listMemories(MemoryQuery query) {
    return memories.list(query);
  }

  @Override
  public List<String> listMemoryTopics(@Nullable String userId) {
    return memories.topics(userId);
  }

  @Override
  public Page<UserMemoryStats> listUserMemoryStats(@Nullable String userId, int page, int limit) {
    return memories.stats(userId, page, limit);
  }

  @Override
  public void saveDailyMetrics(DailyMetrics day) {
    metrics.save(day);
  }

  @Override
  public List<DailyMetrics> listDailyMetrics(@Nullable LocalDate from, @Nullable LocalDate to) {
    return metrics.list(from, to);
  }

  @Override
  public void saveContent(KnowledgeContent content) {
    contents.save(content);
  }

  @Override
  public Optional<KnowledgeContent> findContent(String contentId) {
    return contents.find(contentId);
  }

  @Override
  public Page<KnowledgeContent> listContents(String linkedTo, PageRequest page) {
    return contents.list(linkedTo, page);
  }

  @Override
  public boolean deleteContent(String contentId) {
    return contents.delete(contentId);
  }

  @Override
  public void close() {
    db.close();
  }
}
