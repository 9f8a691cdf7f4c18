package dev.agentry.engine.model;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One compiled workflow step; the permitted records are every kind of step there is. Implements
 * {@code schemas/workflow.schema.json#/$defs/step}.
 */
public sealed interface StepDef {
  /** The step's name, unique in its workflow. */
  String name();

  /** What the step does, as written; null when the spec gives no description. */
  @Nullable String description();

  /** Runs an agent. */
  record AgentStep(String name, @Nullable String description, String agent) implements StepDef {}

  /** Runs a team. */
  record TeamStep(String name, @Nullable String description, String team) implements StepDef {}

  /** Runs another workflow. */
  record WorkflowStep(String name, @Nullable String description, String workflow) implements StepDef {}

  /** Runs its steps in order, as one named group. */
  record Group(String name, @Nullable String description, List<StepDef> steps) implements StepDef {
    public Group {
      steps = List.copyOf(steps);
    }
  }

  /** Runs {@code steps} when the CEL {@code evaluator} is true, else {@code elseSteps}. */
  record Condition(String name, @Nullable String description, CelExpression evaluator, List<StepDef> steps,
      List<StepDef> elseSteps) implements StepDef {
    public Condition {
      steps = List.copyOf(steps);
      elseSteps = List.copyOf(elseSteps);
    }
  }

  /** Repeats {@code steps} until the CEL {@code endCondition} is true or {@code maxIterations} is reached. */
  record Loop(String name, @Nullable String description, List<StepDef> steps, @Nullable CelExpression endCondition,
      int maxIterations) implements StepDef {
    public Loop {
      steps = List.copyOf(steps);
    }
  }

  /** Runs {@code steps} at the same time. */
  record Parallel(String name, @Nullable String description, List<StepDef> steps) implements StepDef {
    public Parallel {
      steps = List.copyOf(steps);
    }
  }

  /** Runs the choice (or choices) whose name the CEL {@code selector} returns. */
  record Router(String name, @Nullable String description, CelExpression selector, List<StepDef> choices)
      implements StepDef {
    public Router {
      choices = List.copyOf(choices);
    }
  }
}
