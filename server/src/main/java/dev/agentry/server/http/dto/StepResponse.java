package dev.agentry.server.http.dto;

import dev.agentry.engine.model.Catalog;
import dev.agentry.engine.model.StepDef;
import dev.agentry.engine.model.WorkflowDef;
import dev.agentry.engine.run.AgentTool;
import dev.agentry.engine.spec.WorkflowSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
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

  /** What a step response is built from: the catalog, the served database and the agents' tools. */
  record Context(Catalog catalog, String dbId, Function<String, List<AgentTool>> tools) {}

  /** The steps of a workflow, each beside the step as written (for its description). */
  static List<StepResponse> list(List<StepDef> steps, @Nullable List<WorkflowSpec.Step> written, Context context) {
    List<StepResponse> list = new ArrayList<>(steps.size());
    for (int i = 0; i < steps.size(); i++) {
      WorkflowSpec.Step spec = written != null && i < written.size() ? written.get(i) : null;
      list.add(of(steps.get(i), spec, context));
    }
    return list;
  }

  private static StepResponse of(StepDef step, WorkflowSpec.@Nullable Step spec, Context c) {
    String description = spec == null ? null : spec.description();
    return switch (step) {
      case StepDef.AgentStep a -> new StepResponse(a.name(), description, "Step",
          AgentResponse.of(c.catalog().getAgent(a.agent()), c.dbId(), c.tools().apply(a.agent())), null, null,
          null, null);
      case StepDef.TeamStep t -> new StepResponse(t.name(), description, "Step", null,
          TeamResponse.of(c.catalog().findTeam(t.team()).orElseThrow(), c.catalog(), c.dbId(), c.tools()), null,
          null, null);
      case StepDef.WorkflowStep w -> {
        WorkflowDef nested = c.catalog().findWorkflow(w.workflow()).orElseThrow();
        yield new StepResponse(w.name(), description, "Workflow", null, null, nested.id(),
            list(nested.steps(), nested.spec().steps(), c), null);
      }
      case StepDef.Group g -> nested(g.name(), description, "Steps", g.steps(),
          spec == null ? null : spec.steps(), c);
      case StepDef.Loop l -> nested(l.name(), description, "Loop", l.steps(),
          spec == null || spec.loop() == null ? null : spec.loop().steps(), c);
      case StepDef.Parallel p -> nested(p.name(), description, "Parallel", p.steps(),
          spec == null || spec.parallel() == null ? null : spec.parallel().steps(), c);
      case StepDef.Router r -> nested(r.name(), description, "Router", r.choices(),
          spec == null || spec.router() == null ? null : spec.router().choices(), c);
      case StepDef.Condition k -> {
        WorkflowSpec.Condition written = spec == null ? null : spec.condition();
        yield new StepResponse(k.name(), description, "Condition", null, null, null,
            list(k.steps(), written == null ? null : written.steps(), c),
            k.elseSteps().isEmpty() ? null : list(k.elseSteps(), written == null ? null : written.elseSteps(), c));
      }
    };
  }

  private static StepResponse nested(String name, @Nullable String description, String type, List<StepDef> steps,
      @Nullable List<WorkflowSpec.Step> written, Context c) {
    return new StepResponse(name, description, type, null, null, null, list(steps, written, c), null);
  }
}
