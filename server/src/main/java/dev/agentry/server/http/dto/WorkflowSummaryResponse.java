package dev.agentry.server.http.dto;

import dev.agentry.engine.model.WorkflowDef;
import org.jspecify.annotations.Nullable;

/**
 * A workflow as {@code GET /workflows} lists it (Agno's {@code WorkflowSummaryResponse}, {@code agentos-api.md}
 * §2.4).
 */
public record WorkflowSummaryResponse(
    String id,
    String name,
    @Nullable String description,
    String dbId,
    boolean isFactory,
    boolean isComponent) {

  /** The workflow's summary, in the served database. */
  public static WorkflowSummaryResponse of(WorkflowDef workflow) {
    return new WorkflowSummaryResponse(workflow.id(), workflow.name(), workflow.spec().description(), workflow.settings().db(), false,
        false);
  }
}
