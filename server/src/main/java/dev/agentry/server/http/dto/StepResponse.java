package dev.agentry.server.http.dto;

import dev.agentry.engine.model.StepDef;
import dev.agentry.engine.model.WorkflowDef;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One step of a workflow as Agno's {@code WorkflowResponse.steps} lists it ({@code Workflow.to_dict_for_steps()}):
 * its name, description and Agno's step type, the agent or team it runs with their full responses, and its nested
 * steps ({@code else_steps} for a condition's other branch; a router's choices as {@code steps}).
 *
 * @param type Agno's {@code StepType}: Step, Steps, Loop, Parallel, Condition, Router or Workflow
 * @param workflowId the workflow a Workflow step runs, whose steps are its {@code steps}
 */
public record StepResponse(
    String name,
    @Nullable String description,
    String type,
    @Nullable AgentResponse agent,
    @Nullable TeamResponse team,
    @Nullable String workflowId,
    @Nullable List<StepResponse> steps,
    @Nullable List<StepResponse> elseSteps) {

  public StepResponse {
    steps = steps == null ? null : List.copyOf(steps);
    elseSteps = elseSteps == null ? null : List.copyOf(elseSteps);
  }

  /** The steps of a workflow, each with its name and description as compiled. */
  static List<StepResponse> list(List<StepDef> steps, ComponentContext context) {
    return steps.stream().map(step -> of(step, context)).toList();
  }

  private static StepResponse of(StepDef step, ComponentContext c) {
    return switch (step) {
      case StepDef.AgentStep a -> new StepResponse(a.name(), a.description(), "Step",
          AgentResponse.of(c.catalog().getAgent(a.agent()), c), null, null, null, null);
      case StepDef.TeamStep t -> new StepResponse(t.name(), t.description(), "Step", null,
          TeamResponse.of(c.catalog().findTeam(t.team()).orElseThrow(), c), null, null, null);
      case StepDef.WorkflowStep w -> {
        WorkflowDef nested = c.catalog().findWorkflow(w.workflow()).orElseThrow();
        yield new StepResponse(w.name(), w.description(), "Workflow", null, null, nested.id(),
            list(nested.steps(), c), null);
      }
      case StepDef.Group g -> nested(g, "Steps", g.steps(), c);
      case StepDef.Loop l -> nested(l, "Loop", l.steps(), c);
      case StepDef.Parallel p -> nested(p, "Parallel", p.steps(), c);
      case StepDef.Router r -> nested(r, "Router", r.choices(), c);
      case StepDef.Condition k -> new StepResponse(k.name(), k.description(), "Condition", null, null, null,
          list(k.steps(), c), k.elseSteps().isEmpty() ? null : list(k.elseSteps(), c));
    };
  }

  private static StepResponse nested(StepDef step, String type, List<StepDef> steps, ComponentContext c) {
    return new StepResponse(step.name(), step.description(), type, null, null, null, list(steps, c), null);
  }
}
