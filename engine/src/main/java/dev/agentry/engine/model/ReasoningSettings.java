package dev.agentry.engine.model;

import org.jspecify.annotations.Nullable;

/**
 * Agno's step-by-step reasoning ({@code reasoning}, {@code reasoning_model}, {@code reasoning_agent},
 * {@code reasoning_min_steps}, {@code reasoning_max_steps}), compiled with its defaults: before the first model turn
 * of a run, a reasoning model (or agent) is asked for structured reasoning steps, which then join the context.
 *
 * @param enabled whether the run reasons first: {@code reasoning: true}, or a reasoning model or agent named
 * @param model the model asked for the steps; null for the participant's own model
 * @param agent the name of the agent that reasons instead of a model (run as a child run); null for none
 * @param minSteps the fewest steps asked for (at least 1)
 * @param maxSteps the most steps taken (at least {@code minSteps})
 */
public record ReasoningSettings(boolean enabled, @Nullable ModelDef model, @Nullable String agent, int minSteps,
    int maxSteps) {
  /** Agno's defaults: 1 to 10 steps. */
  public static final int DEFAULT_MIN_STEPS = 1;
  public static final int DEFAULT_MAX_STEPS = 10;

  /** No reasoning. */
  public static final ReasoningSettings OFF =
      new ReasoningSettings(false, null, null, DEFAULT_MIN_STEPS, DEFAULT_MAX_STEPS);

  public ReasoningSettings {
    minSteps = Math.max(1, minSteps);
    maxSteps = Math.max(minSteps, maxSteps);
  }
}
