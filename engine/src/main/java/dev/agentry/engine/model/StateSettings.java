package dev.agentry.engine.model;

/**
 * How a participant's runs treat the session state beyond its initial value ({@link SessionDefaults}).
 *
 * @param agenticState true to give the model the {@code update_session_state} tool ({@code enable_agentic_state})
 * @param overwriteStored true to start each run without the stored state and have the state it ends with replace the
 *     stored one instead of being merged into it ({@code overwrite_db_session_state})
 */
public record StateSettings(boolean agenticState, boolean overwriteStored) {
  /** Agno's defaults: no state tool, the stored state merged. */
  public static final StateSettings DEFAULT = new StateSettings(false, false);
}
