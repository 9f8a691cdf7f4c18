package dev.agentry.engine.store.mongo;

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
import dev.agentry.engine.store.StoreException;
import dev.agentry.engine.store.StoreSettings;
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
 * A {@link SessionStore} on MongoDB ({@code mongodb://} or {@code mongodb+srv://} URLs; the URL's path names the
 * database, {@code agentry} by default). Several processes may share one database: every write is a single-document
 * operation made safe without transactions (unique ids, optimistic revisions, filtered upserts), so it also runs on
 * servers and emulators without replica sets. Needs MongoDB 5.0 or later when stored maps have keys with dots or a
 * leading {@code $}.
 */
public final class MongoSessionStore implements SessionStore {
  private final MongoConnection connection;
  private final MongoErrors errors;
  private final SessionCollection sessions;
  private final RunCollection runs;
  private final MemoryCollection memories;
  private final MetricsCollection metrics;
  private final ContentCollection contents;
  private final InstanceCollection instances;

  private MongoSessionStore(MongoConnection connection, StoreCollections collections, MongoErrors errors) {
    this.connection = connection;
    this.errors = errors;
    this.sessions = new SessionCollection(collections.sessions());
    this.runs = new RunCollection(collections.runs(), collections.cancelRequests());
    this.instances = new InstanceCollection(collections.instances());
    this.memories = new MemoryCollection(collections.memories());
    this.metrics = new MetricsCollection(collections.metrics());
    this.contents = new ContentCollection(collections.knowledge());
  }

  /**
   * Connects to the database {@code settings} names and applies the pending migrations on the collections named with
   * its table prefix.
   *
   * @throws StoreException retryable when the server cannot be reached within the connection timeout
   */
  public static MongoSessionStore open(StoreSettings settings) {
    MongoConnection connection = MongoConnection.open(settings);
    MongoErrors errors = new MongoErrors(settings.maskedUrl());
    try {
      StoreCollections collections = StoreCollections.of(connection.database(), settings.tablePrefix());
      errors.call("apply migrations", () -> {
        Migrations.apply(collections);
        return null;
      });
      return new MongoSessionStore(connection, collections, errors);
    } catch (RuntimeException e) {
      connection.client().close();
      throw e;
    }
  }

  @Override
  public Optional<Session> findSession(String sessionId) {
    return errors.call("find session " + sessionId, () -> sessions.find(sessionId));
  }

  @Override
  public boolean createSession(Session session) {
    return errors.call("create session " + session.sessionId(), () -> sessions.create(session));
  }

  @Override
  public void saveSession(Session session) {
    errors.call("save session " + session.sessionId(), () -> {
      sessions.save(session);
      return null;
    });
  }

  @Override
  public Optional<Session> updateSession(String sessionId, UnaryOperator<Session> change) {
    return errors.call("update session " + sessionId, () -> sessions.update(sessionId, change));
  }

  /**
   * Deletes the runs first, then the session: if the second step fails, the session is still there to delete
   * again, and no run is left behind a session that no longer exists.
   */
  @Override
  public boolean deleteSession(String sessionId) {
    return errors.call("delete session " + sessionId, () -> {
      runs.deleteOfSession(sessionId);
      return sessions.delete(sessionId);
    });
  }

  @Override
  public Page<Session> listSessions(SessionQuery query) {
    return errors.call("list sessions", () -> sessions.list(query));
  }

  @Override
  public boolean saveRun(RunOutput run) {
    return errors.call("save run " + run.runId(), () -> runs.save(run));
  }

  @Override
  public Optional<RunOutput> findRun(String runId) {
    return errors.call("find run " + runId, () -> runs.find(runId));
  }

  @Override
  public List<RunOutput> listRuns(RunQuery query) {
    return errors.call("list runs", () -> runs.list(query));
  }

  @Override
  public void renewLease(InstanceLease lease) {
    errors.call("renew the lease of instance " + lease.instanceId(), () -> {
      instances.renew(lease);
      return null;
    });
  }

  @Override
  public void dropLease(String instanceId) {
    errors.call("drop the lease of instance " + instanceId, () -> {
      instances.drop(instanceId);
      return null;
    });
  }

  @Override
  public List<InstanceLease> liveInstances(Instant now) {
    return errors.call("list live instances", () -> instances.live(now));
  }

  @Override
  public int markInterruptedRuns(Instant now) {
    return errors.call("mark interrupted runs", () -> runs.markInterrupted(now, instances.all()));
  }

  @Override
  public boolean requestCancel(String runId) {
    return errors.call("request the cancel of run " + runId, () -> runs.requestCancel(runId, Instant.now()));
  }

  @Override
  public Set<String> cancelRequested(Collection<String> runIds) {
    return errors.call("read cancel requests", () -> runs.cancelRequested(runIds));
  }

  @Override
  public Optional<UserMemory> findMemory(String memoryId) {
    return errors.call("find memory " + memoryId, () -> memories.find(memoryId));
  }

  @Override
  public void saveMemory(UserMemory memory) {
    errors.call("save memory " + memory.memoryId(), () -> {
      memories.save(memory);
      return null;
    });
  }

  @Override
  public boolean deleteMemory(String memoryId) {
    return errors.call("delete memory " + memoryId, () -> memories.delete(memoryId));
  }

  @Override
  public Page<UserMemory> listMemories(MemoryQuery query) {
    return errors.call("list memories", () -> memories.list(query));
  }

  @Override
  public List<String> listMemoryTopics(@Nullable String userId) {
    return errors.call("list memory topics", () -> memories.topics(userId));
  }

  @Override
  public Page<UserMemoryStats> listUserMemoryStats(@Nullable String userId, int page, int limit) {
    return errors.call("list user memory stats", () -> memories.stats(userId, page, limit));
  }

  @Override
  public void saveDailyMetrics(DailyMetrics day) {
    errors.call("save the metrics of " + day.date(), () -> {
      metrics.save(day);
      return null;
    });
  }

  @Override
  public List<DailyMetrics> listDailyMetrics(@Nullable LocalDate from, @Nullable LocalDate to) {
    return errors.call("list daily metrics", () -> metrics.list(from, to));
  }

  @Override
  public void saveContent(KnowledgeContent content) {
    errors.call("save knowledge content " + content.id(), () -> {
      contents.save(content);
      return null;
    });
  }

  @Override
  public Optional<KnowledgeContent> findContent(String contentId) {
    return errors.call("find knowledge content " + contentId, () -> contents.find(contentId));
  }

  @Override
  public Page<KnowledgeContent> listContents(String linkedTo, PageRequest page) {
    return errors.call("list the contents of knowledge " + linkedTo, () -> contents.list(linkedTo, page));
  }

  @Override
  public boolean deleteContent(String contentId) {
    return errors.call("delete knowledge content " + contentId, () -> contents.delete(contentId));
  }

  @Override
  public void close() {
    connection.client().close();
  }
}
