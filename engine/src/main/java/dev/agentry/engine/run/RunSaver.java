package dev.agentry.engine.run;

import dev.agentry.engine.store.StoreException;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How one run's ending reaches the store ({@link RunStorage#persistWith}): saved now or, while the database is
 * unreachable, queued to be written once it is back. Shared by agent, team and workflow runs. By default nothing is
 * saved.
 */
final class RunSaver {
  private static final Logger LOG = LoggerFactory.getLogger(RunSaver.class);
  private Consumer<RunOutput> save = output -> {};
  private Predicate<RunOutput> saveLater = output -> false;

  void set(Consumer<RunOutput> now, Predicate<RunOutput> later) {
    this.save = now;
    this.saveLater = later;
  }

  /**
   * Saves {@code output}, or queues it while the database is unreachable.
   *
   * @throws StoreException when it can do neither: the store refused it, or the queue cannot take it
   */
  void save(RunOutput output) {
    try {
      save.accept(output);
    } catch (StoreException e) {
      if (!e.retryable() || !saveLater.test(output)) {
        throw e;
      }
    }
  }

  /**
   * Saves the ERROR ending of a run whose own ending the store could not take, so that it does not stay RUNNING; when
   * even that fails, the next start marks the run interrupted, and the log says so.
   */
  void saveFailure(RunOutput failure) {
    try {
      save(failure);
    } catch (StoreException again) {
      LOG.error("run {} could not be stored ({}); it stays RUNNING until the next start marks it interrupted",
          failure.runId(), again.getMessage());
    }
  }

  /** What a run that could not be saved says: no database detail, which is for the log. */
  static String message(StoreException e) {
    return "the run could not be saved: " + (e.retryable() ? "database unavailable" : "database error");
  }
}
