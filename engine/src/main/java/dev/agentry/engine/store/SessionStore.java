package dev.agentry.engine.store;

import dev.agentry.engine.run.RunOutput;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The storage port: sessions, their runs (one record per run, never an array inside the session), user memories,
 * daily metrics and the contents of Knowledge. Backends: {@code store.memory}, {@code store.sqlite}, {@code store.postgres}, {@code store.mongo};
 * all pass one conformance suite.
 *
 * <p>Implementations are thread-safe and may be shared by several processes on one database. Every write is atomic:
 * a crash never leaves half a record. A backend failure is a {@link StoreException}; {@link StoreException#retryable()}
 * says when the database was unreachable.
 */
public interface SessionStore extends AutoCloseable {
  // ---- sessions ----

  /** The session with {@code sessionId}, if stored. */
  Optional<Session> findSession(String sessionId);

  /** Stores a new session; false (and nothing written) when one with its id exists. */
  boolean createSession(Session session);

  /** Creates or replaces a session as a whole. */
  void saveSession(Session session);

  /**
   * Changes a stored session atomically: {@code change} gets the latest stored version, and its result is stored only
   * if nobody wrote the session in between (otherwise {@code change} runs again on the newer version). Concurrent
   * updates are never lost.
   *
   * @return the stored result, or empty when no such session exists
   */
  Optional<Session> updateSession(String sessionId, UnaryOperator<Session> change);

  /** Deletes a session and all its runs; false when there was none. */
  boolean deleteSession(String sessionId);

  /** Sessions matching {@code query}, one page of them, with the total count. */
  Page<Session> listSessions(SessionQuery query);

  // ---- runs ----

  /**
   * Creates or replaces a run (keyed by run id). A run that is stored with a final status (COMPLETED, CANCELLED,
   * ERROR) is never replaced: a run is RUNNING (or PAUSED) until it ends with exactly one final status. One exception:
   * a run that {@link #markInterruptedRuns(Instant)} ended is replaced by the next save of its owner, since that
   * marking was a presumption (its owner's lease had ended: a long pause, an outage) and the owner's own ending is
   * the truth; the engine logs the conflict.
   *
   * @return false when the stored run had already ended and was left as it was
   */
  boolean saveRun(RunOutput run);

  /** The run with {@code runId}, if stored. */
  Optional<RunOutput> findRun(String runId);

  /** Runs matching {@code query}, oldest first. */
  List<RunOutput> listRuns(RunQuery query);

  /** All runs of a session, oldest first. */
  default List<RunOutput> listRuns(String sessionId) {
    return listRuns(RunQuery.ofSession(sessionId));
  }

  // ---- instances: several servers on one database ----

  /**
   * Creates or renews the lease of {@code lease.instanceId()} (its row in the instances table); its
   * {@code startedAt} is kept from the first renewal.
   */
  void renewLease(InstanceLease lease);

  /**
   * Ends the lease of {@code instanceId} at once (a graceful shutdown, once its runs ended); its row stays, ended, so
   * that its runs left RUNNING, if any, are marked at the next {@link #markInterruptedRuns(Instant)}.
   */
  void dropLease(String instanceId);

  /** The instances whose lease has not ended at {@code now}. */
  List<InstanceLease> liveInstances(Instant now);

  /**
   * Ends with status ERROR and the content "interrupted" every run still RUNNING whose owner instance has no lease
   * live at {@code now} (or that records no owner): the runs of live instances are left alone, and so are PAUSED
   * runs, which wait for a person, not for an instance. One atomic statement where the database allows it, so that a
   * lease renewed meanwhile is seen.
   *
   * @return how many runs were marked
   */
  int markInterruptedRuns(Instant now);

  /**
   * Records a request to cancel a run not ended yet, for its owner instance to act on ({@link #cancelRequested}).
   *
   * @return false when no such run is RUNNING, PAUSED or PENDING
   */
  boolean requestCancel(String runId);

  /** Of {@code runIds}, the ones whose cancel was requested (requests are removed when their run's ending is saved). */
  Set<String> cancelRequested(Collection<String> runIds);

  // ---- user memories ----

  /** The memory with {@code memoryId}, if stored. */
  Optional<UserMemory> findMemory(String memoryId);

  /** Creates or replaces a memory. */
  void saveMemory(UserMemory memory);

  /** Deletes a memory; false when there was none. */
  boolean deleteMemory(String memoryId);

  /** Memories matching {@code query}, one page of them, with the total count. */
  Page<UserMemory> listMemories(MemoryQuery query);

  /** Every topic of the memories of {@code userId} (of everyone's when null), sorted, without repeats. */
  List<String> listMemoryTopics(@Nullable String userId);

  /** Memory counts per user, the most recently updated first. */
  Page<UserMemoryStats> listUserMemoryStats(@Nullable String userId, int page, int limit);

  // ---- metrics ----

  /** Creates or replaces the metrics of one day. */
  void saveDailyMetrics(DailyMetrics metrics);

  /** The stored days between {@code from} and {@code to} (inclusive; open when null), oldest first. */
  List<DailyMetrics> listDailyMetrics(@Nullable LocalDate from, @Nullable LocalDate to);

  // ---- knowledge contents ----

  /** Creates or replaces a knowledge content (keyed by its id) as a whole. */
  void saveContent(KnowledgeContent content);

  /** The knowledge content with {@code contentId}, if stored. */
  Optional<KnowledgeContent> findContent(String contentId);

  /**
   * One page of the contents linked to a Knowledge ({@code linked_to}), with the total count, sorted by one of
   * {@link KnowledgeContent#SORTABLE} (ties broken by id).
   *
   * @throws IllegalArgumentException when {@code page} sorts by another field
   */
  Page<KnowledgeContent> listContents(String linkedTo, PageRequest page);

  /** Deletes one content; false when there was none. */
  boolean deleteContent(String contentId);

  /** Releases connections and files; the store cannot be used afterwards. */
  @Override
  void close();
}
