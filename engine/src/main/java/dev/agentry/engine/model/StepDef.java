package dev.agentry.engine.model;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One compiled workflow step; the permitted records are every kind of step there is. Each carries its
 * {@link Head}: its stable id, name, description and settings. Implements
 * {@code schemas/workflow.schema.json#/$defs/step}.
 */
public sealed interface StepDef {
  /** What every step has, whatever its kind. */
  Head head();

  /** The step's name, unique in its workflow. */
  default String name() {
    return head().name();
  }

  /** What the step does, as written; null when the spec gives no description. */
  default @Nullable String description() {
    return head().description();
  }

  /** The step's id: stable across reloads (derived from the workflow's id and the step's name). */
  default String id() {
    return head().id();
  }

  default StepSettings settings() {
    return head().settings();
  }

  /** Agno's {@code StepType} of the step: "Step", "Steps", "Loop", "Parallel", "Condition", "Router". */
  default String stepType() {
    return switch (this) {
      case AgentStep s -> "Step";
      case TeamStep s -> "Step";
      case WorkflowStep s -> "Step";
      case Group s -> "Steps";
      case Condition s -> "Condition";
      case Loop s -> "Loop";
      case Parallel s -> "Parallel";
      case Router s -> "Router";
    };
  }

  /**
   * What every step has.
   *
   * @param id stable across reloads: derived from the workflow's id and the step's name
   */
  record Head(String id, String name, @Nullable String description, StepSettings settings) {}

  /** Runs an agent. */
  record AgentStep(Head head, String agent) implements StepDef {}

  /** Runs a team. */
  record TeamStep(Head head, String team) implements StepDef {}

  /** Runs another workflow. */
  record WorkflowStep(Head head, String workflow) implements StepDef {}

  /** Runs its steps in order, as one named group. */
  record Group(Head head, List<StepDef> steps) implements StepDef {
    public Group {
      steps = List.copyOf(steps);
    }
  }

  /** Runs {@code steps} when the CEL {@code evaluator} is true, else {@code elseSteps}. */
  record Condition(Head head, CelExpression evaluator, List<StepDef> steps, List<StepDef> elseSteps)
      implements StepDef {
    public Condition {
      steps = List.copyOf(steps);
      elseSteps = List.copyOf(elseSteps);
    }
  }

  /** Repeats {@code steps} until the CEL {@code endCondition} is true or {@code maxIterations} is reached. */
  record Loop(Head head, List<StepDef> steps, @Nullable CelExpression endCondition, int maxIterations)
      implements StepDef {
    public Loop {
      steps = List.copyOf(steps);
    }
  }

  /** Runs {@code steps} at the same time. */
  record Parallel(Head head, List<StepDef> steps) implements StepDef {
    public Parallel {
      steps = List.copyOf(steps);
    }
  }

  /**
   * Runs the choice (or choices) whose name the CEL {@code selector} returns, or, with {@code selection}, those a
   * person chooses.
   *
   * @param selector null when a person chooses
   * @param selection non-null when a person chooses the route(s)
   */
  record Router(Head head, @Nullable CelExpression selector, List<StepDef> choices,
      @Nullable RouteSelection selection) implements StepDef {
    public Router {
      choices = List.copyOf(choices);
    }
  }

  /** A router whose route(s) a person chooses: the workflow pauses there. */
  record RouteSelection(@Nullable String message, boolean allowMultiple) {}
}
