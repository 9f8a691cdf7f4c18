package dev.agentry.server.http.dto;

import dev.agentry.engine.model.WorkflowDef;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A workflow as {@code GET /workflows/{id}} shows it (Agno's {@code WorkflowResponse}, {@code agentos-api.md} §2.4):
 * its steps nested as Agno lists them, with the agents and teams they run in full.
 */
public record WorkflowResponse(
    String id,
    String name,
    String dbId,
    @Nullable String description,
    @Nullable JsonNode inputSchema,
    @Nullable List<StepResponse> steps,
    @Nullable Map<String, Object> metadata,
    boolean workflowAgent,
    boolean isFactory,
    boolean isComponent) {

  public WorkflowResponse {
    steps = steps == null ? null : List.copyOf(steps);
  }

  /** The workflow's response, its steps' agents and teams from the context's catalog. */
  public static WorkflowResponse of(WorkflowDef workflow, ComponentContext context) {
    List<StepResponse> steps = StepResponse.list(workflow.steps(), context);
    return new WorkflowResponse(workflow.id(), workflow.name(), workflow.settings().db(), workflow.spec().description(),
        workflow.inputSchema(), steps.isEmpty() ? null : steps, workflow.spec().metadata(), false, false, false);
  }
}
