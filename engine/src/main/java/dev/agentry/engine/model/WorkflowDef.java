package dev.agentry.engine.model;

import dev.agentry.engine.spec.Metadata;
import dev.agentry.engine.spec.WorkflowSpec;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A compiled workflow: its steps as a tree of {@link StepDef}s whose references and CEL expressions were checked, and
 * its settings with the defaults applied. The runtime reads these; {@code spec} is kept for the API's descriptions.
 *
 * @param id the workflow's id ({@code metadata.name})
 * @param name the display name ({@code spec.name}, defaulting to the id)
 * @param inputSchema the JSON Schema its input must satisfy, if any
 */
public record WorkflowDef(
    String id,
    String name,
    Metadata metadata,
    WorkflowSpec spec,
    List<StepDef> steps,
    @Nullable JsonNode inputSchema,
    Settings settings,
    String source) {
  public WorkflowDef {
    steps = List.copyOf(steps);
  }

  /**
   * How the workflow's runs go, from its spec with the schema's defaults.
   *
   * @param session what runs start from when the request does not say
   * @param stream whether runs stream by default
   * @param streamEvents whether the workflow's progress events are streamed
   * @param streamExecutorEvents whether the events of the steps' agents and teams are streamed too
   * @param storeEvents whether the run's events are stored with it
   * @param eventsToSkip the names of the events not stored
   * @param storeExecutorOutputs whether the runs of the steps' agents and teams are stored with the workflow's run
   * @param db the id of the database its runs (its steps' runs too) and sessions are stored in ({@code db}, else the
   *     catalog's default database)
   * @param debug whether the workflow's events are logged for debugging ({@code debug_mode})
   */
  public record Settings(
      SessionDefaults session,
      boolean stream,
      boolean streamEvents,
      boolean streamExecutorEvents,
      boolean storeEvents,
      Set<String> eventsToSkip,
      boolean storeExecutorOutputs,
      String db,
      boolean debug) {
    public Settings {
      eventsToSkip = Set.copyOf(eventsToSkip);
    }
  }
}
