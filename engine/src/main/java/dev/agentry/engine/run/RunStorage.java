package dev.agentry.engine.run;

import dev.agentry.engine.event.Metrics;
import dev.agentry.engine.event.RunStatus;
import dev.agentry.engine.store.Session;
import dev.agentry.engine.store.SessionStore;
import dev.agentry.engine.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How runs reach the store: a run not ended yet as PENDING or RUNNING (with its new session), and its ending with what
 * it changed in the session, written now or, while the database is unreachable, queued in {@link PendingSaves}.
 */
final class RunStorage {
  private static final Logger LOG = LoggerFactory.getLogger(RunStorage.class);
  private final PendingSaves pending = new PendingSaves();

  /** Stores a run that has not ended yet with {@code status}, creating its session first if it is new. */
  void store(StoredRun run, RunStatus status) {
    SessionStore store = run.store();
    if (run.takeNewSession()) {
      store.createSession(Session.of(run.scope().sessionId(), run.sessionType(), run.componentId(), run.userId(),
          run.catalogVersion(), run.now()));
      RunOutput introduction = run.introduction();
      if (introduction != null) {
        store.saveRun(introduction);
      }
    }
    store.saveRun(run.toOutput(status, null, "str"));
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
    store.saveRun(run.stored(output));
    if (run.scope().parentRunId() != null) {
      return; // a member's or step's run: its team's or workflow's ending applies the session changes and tokens
    }
    Metrics metrics = output.status().isFinal() ? output.metrics() : Metrics.ZERO;
    long now = run.now();
    store.updateSession(run.scope().sessionId(), s -> s.afterRun(run.overwritesState() ? output.sessionState()
        : StateDelta.apply(s.sessionState(), run.initialState(), output.sessionState()), metrics,
        run.catalogVersion(), now));
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
