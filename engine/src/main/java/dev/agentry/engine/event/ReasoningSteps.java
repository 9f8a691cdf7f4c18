package dev.agentry.engine.event;

import com.fasterxml.jackson.annotation.JsonInclude;
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
   * The {@code extra_data} Agent UI reads reasoning steps and knowledge references from
   * ({@code extra_data.reasoning_steps}, {@code extra_data.references}, see {@code shared/reference/agent-ui.md}):
   * Agno 1's fields, written beside Agno 2's {@code reasoning_steps} and {@code references}. Empty lists are left out.
   */
  public record ExtraData(
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Step> reasoningSteps,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<MessageReferences> references) {
    public ExtraData {
      reasoningSteps = reasoningSteps == null ? List.of() : List.copyOf(reasoningSteps);
      references = references == null ? List.of() : List.copyOf(references);
    }

    /** The extra data of {@code steps}; null (left out) when there are none. */
    public static @Nullable ExtraData of(@Nullable List<Step> steps) {
      return of(steps, null);
    }

    /** The extra data of {@code steps} and {@code references}; null (left out) when there are neither. */
    public static @Nullable ExtraData of(@Nullable List<Step> steps, @Nullable List<MessageReferences> references) {
      boolean noSteps = steps == null || steps.isEmpty();
      boolean noReferences = references == null || references.isEmpty();
      return noSteps && noReferences ? null : new ExtraData(noSteps ? List.of() : steps,
          noReferences ? List.of() : references);
    }
  }
}
