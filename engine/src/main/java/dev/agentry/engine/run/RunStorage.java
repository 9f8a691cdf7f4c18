package dev.agentry.engine.run;

import dev.agentry.engine.event.Metrics;
import dev.agentry.engine.event.RunStatus;
import dev.agentry.engine.run.internal.LeaseKeeper;
import dev.agentry.engine.store.Session;
import dev.agentry.engine.store.SessionStore;
import dev.agentry.engine.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How runs reach the store: a run not ended yet as PENDING or RUNNING (with its new session), and its ending with what
 * it changed in the session, written now or, while the database is unreachable, queued in {@link PendingSaves}. Every
 * run is stored with this engine's instance id, its owner.
 *
 * <p>No save is refused silently. When this instance's lease lapsed (a long pause, an outage), another instance may
 * have marked its runs interrupted meanwhile; the run's real ending then replaces that marking (the store allows it:
 * the interruption was a presumption, the ending is the truth), and a WARN names the run, this instance and the
 * marking. Any other save the store refuses (the run had already ended) is logged at WARN too.
 */
final class RunStorage {
  private static final Logger LOG = LoggerFactory.getLogger(RunStorage.class);
  private final PendingSaves pending = new PendingSaves();
  private final String instanceId;
  private final LeaseKeeper leases;

  RunStorage(String instanceId, LeaseKeeper leases) {
    this.instanceId = instanceId;
    this.leases = leases;
  }

  /** Stores a run that has not ended yet with {@code status}, creating its session first if it is new. */
  void store(StoredRun run, RunStatus status) {
    SessionStore store = run.store();
    if (run.takeNewSession()) {
      store.createSession(Session.of(run.scope().sessionId(), run.sessionType(), run.componentId(), run.userId(),
          run.catalogVersion(), run.now()));
      RunOutput introduction = run.introduction();
      if (introduction != null) {
        saveRun(store, introduction);
      }
    }
    saveRun(store, run.toOutput(status, null, "str"));
    run.markStored();
  }

  /**
   * How the run's endings reach the store: written now, after any older ending still waiting for the database (so
   * endings are stored in the order their runs ended), else queued in {@link PendingSaves} until it is back.
   */
  void persistWith(StoredRun run) {
    run.persistWith(out -> {
      if (pending.size() > 0 && !pending.flush()) {
        throw new StoreException("older run endings still wait for the database", true);
      }
      save(run, out);
    }, out -> {
      boolean queued = pending.offer(new PendingSaves.Pending(run.scope().runId(), () -> save(run, out),
          () -> save(run, run.failureRecord("the run could not be saved: database error"))));
      if (queued) {
        LOG.warn("run {} ended while the database was unavailable; its {} ending will be stored once it is back",
            run.scope().runId(), out.status());
      }
      return queued;
    });
  }

  /**
   * Saves a run's ending, then applies what it changed in session_state (and, once it has ended, its metrics) to the
   * latest stored session, atomically, so that concurrent runs on one session lose no update.
   */
  private void save(StoredRun run, RunOutput output) {
    SessionStore store = run.store();
    saveRun(store, run.stored(output));
    if (run.scope().parentRunId() != null) {
      return; // a member's or step's run: its team's or workflow's ending applies the session changes and tokens
    }
    Metrics metrics = output.status().isFinal() ? output.metrics() : Metrics.ZERO;
    long now = run.now();
    store.updateSession(run.scope().sessionId(), s -> s.afterRun(run.overwritesState() ? output.sessionState()
        : StateDelta.apply(s.sessionState(), run.initialState(), output.sessionState()), metrics,
        run.catalogVersion(), now));
  }

  /**
   * Saves {@code output} as this instance's run and says when it replaced another instance's interruption marking or
   * was refused. The stored run is read first only when this instance's lease may have lapsed, which is rare.
   */
  private void saveRun(SessionStore store, RunOutput output) {
    RunOutput owned = output.withInstanceId(instanceId);
    RunOutput before = leases.lapsed(store) ? store.findRun(owned.runId()).orElse(null) : null;
    if (store.saveRun(owned)) {
      if (before != null && interruptionMarking(before)) {
        LOG.warn("run {} of instance {} had been marked interrupted by another instance while this instance's lease"
            + " had lapsed; its real {} ending replaces that marking", owned.runId(), instanceId, owned.status());
      }
      return;
    }
    RunOutput stored = store.findRun(owned.runId()).orElse(null);
    LOG.warn("the store refused the {} save of run {} by instance {}: the run had already ended as {} (stored by "
        + "instance {})", owned.status(), owned.runId(), instanceId, stored == null ? "?" : stored.status(),
        stored == null ? "?" : stored.instanceId());
  }

  private static boolean interruptionMarking(RunOutput run) {
    return run.status() == RunStatus.ERROR && RunOutput.INTERRUPTED.equals(run.content());
  }

  /** How many run endings wait for the database to be back. */
  int pendingSaves() {
    return pending.size();
  }

  /** Writes the run endings still waiting for the database, once; returns how many still wait. */
  int flushPendingSaves() {
    pending.flush();
    return pending.size();
  }
}
