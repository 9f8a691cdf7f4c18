package dev.agentry.engine.model;

import dev.agentry.engine.spec.Metadata;
import dev.agentry.engine.spec.WorkflowSpec;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A compiled workflow: its spec and its steps as a tree of {@link StepDef}s whose references and CEL expressions
 * were checked.
 *
 * @param id the workflow's id ({@code metadata.name})
 * @param name the display name ({@code spec.name}, defaulting to the id)
 */
public record WorkflowDef(
    String id,
    String name,
    Metadata metadata,
    WorkflowSpec spec,
    List<StepDef> steps,
    @Nullable JsonNode inputSchema,
    String source) {
  public WorkflowDef {
    steps = List.copyOf(steps);
  }
}
