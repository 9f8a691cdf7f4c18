package dev.agentry.engine.event;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Agno's {@code ReasoningSteps}: the steps a run reasoned through before answering, as {@code ReasoningCompleted}
 * carries them in its {@code content} ({@code {"reasoning_steps": [...]}}).
 */
public record ReasoningSteps(List<Step> reasoningSteps) {
  public ReasoningSteps {
    reasoningSteps = List.copyOf(reasoningSteps);
  }

  /**
   * One step, Agno's {@code ReasoningStep}: every field optional, as the reasoning model wrote it.
   *
   * @param nextAction "continue", "validate", "final_answer" or "reset"
   * @param confidence from 0.0 to 1.0
   */
  public record Step(
      @Nullable String title,
      @Nullable String action,
      @Nullable String result,
      @Nullable String reasoning,
      @Nullable String nextAction,
      @Nullable Double confidence) {
    /** Agno's {@code next_action} values. */
    public static final String CONTINUE = "continue";
    public static final String FINAL_ANSWER = "final_answer";

    /** The step as Agno writes it into {@code reasoning_content}: title, reasoning, action and result lines. */
    public String text() {
      StringBuilder b = new StringBuilder();
      if (title != null) {
        b.append("## ").append(title).append('\n');
      }
      if (reasoning != null) {
        b.append(reasoning).append('\n');
      }
      if (action != null) {
        b.append("Action: ").append(action).append('\n');
      }
      if (result != null) {
        b.append("Result: ").append(result).append('\n');
      }
      return b.append('\n').toString();
    }
  }

  /**
   * The {@code extra_data} Agent UI reads reasoning steps from ({@code extra_data.reasoning_steps}, see
   * {@code shared/reference/agent-ui.md}): Agno 1's field, written beside Agno 2's {@code reasoning_steps}.
   */
  public record ExtraData(List<Step> reasoningSteps) {
    public ExtraData {
      reasoningSteps = List.copyOf(reasoningSteps);
    }

    /** The extra data of {@code steps}; null (left out) when there are none. */
    public static @Nullable ExtraData of(@Nullable List<Step> steps) {
      return steps == null || steps.isEmpty() ? null : new ExtraData(steps);
    }
  }
}
