package dev.agentry.engine.model;

/**
 * Whether and how much of a run is logged for debugging ({@code debug_mode}, {@code debug_level}).
 *
 * @param level 0 when {@code debug_mode} is off; 1 for the system and user messages, answers, tool calls and metrics;
 *     2 for every message sent to the model, tool results and reasoning too
 */
public record DebugSettings(int level) {
  /** No debug logging. */
  public static final DebugSettings OFF = new DebugSettings(0);

  public DebugSettings {
    if (level < 0 || level > 2) {
      throw new IllegalArgumentException("debug level " + level + " is not 0, 1 or 2");
    }
  }

  /** The settings of {@code debug_mode} and {@code debug_level} (Agno's default level: 1). */
  public static DebugSettings of(boolean mode, int level) {
    return mode ? new DebugSettings(level >= 2 ? 2 : 1) : OFF;
  }

  public boolean enabled() {
    return level > 0;
  }

  /** True when the detail of level 2 is logged. */
  public boolean detailed() {
    return level >= 2;
  }
}
