package dev.agentry.engine.run;

import dev.agentry.engine.event.RunScope;
import dev.agentry.engine.event.RunStatus;
import dev.agentry.engine.store.SessionStore;
import dev.agentry.engine.store.SessionType;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * A run as {@link RunStorage} keeps it: an agent's or team's ({@link ActiveRun}) or a workflow's ({@link WorkflowRun}).
 */
interface StoredRun {
  RunScope scope();

  /**
   * The store the run and its session are kept in: its component's database for a top-level run, its team's or
   * workflow's store for a member or step run.
   */
  SessionStore store();

  /** The id of the agent, team or workflow that runs. */
  String componentId();

  @Nullable String userId();

  String catalogVersion();

  /** Seconds since the epoch, on the engine's clock. */
  long now();

  /** The session state as stored when the run started, to tell what the run changed. */
  Map<String, Object> initialState();

  /** True the first time it is asked when no stored session had the run's id; the caller creates it. */
  boolean takeNewSession();

  /** The store has the run as RUNNING: from then on its ending must reach the store too. */
  void markStored();

  RunOutput toOutput(RunStatus status, @Nullable Object content, String contentType);

  /** The ERROR ending stored for a run whose own ending the store could not take. */
  RunOutput failureRecord(String message);

  /** Sets how the run's ending is saved: {@code save} now, else {@code saveLater} while the database is away. */
  void persistWith(Consumer<RunOutput> save, Predicate<RunOutput> saveLater);

  /** The run's output as stored (a team's without the member runs it does not keep). */
  RunOutput stored(RunOutput output);

  /**
   * True when the session state the run ends with replaces the stored one ({@code overwrite_db_session_state}),
   * instead of only what the run changed being applied to it.
   */
  default boolean overwritesState() {
    return false;
  }

  /**
   * The run stored first in the new session this run starts ({@code introduction}); null for none. Asked only when the
   * run creates its session.
   */
  default @Nullable RunOutput introduction() {
    return null;
  }

  default SessionType sessionType() {
    return SessionType.of(scope().kind());
  }
}
