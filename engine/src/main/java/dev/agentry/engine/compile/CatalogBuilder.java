package dev.agentry.engine.compile;

import dev.agentry.engine.model.AgentDef;
import dev.agentry.engine.model.Catalog;
import dev.agentry.engine.model.ModelDef;
import dev.agentry.engine.model.ResourceDef;
import dev.agentry.engine.model.StepDef;
import dev.agentry.engine.model.TeamDef;
import dev.agentry.engine.model.WorkflowDef;
import dev.agentry.engine.spec.AgentOsSpec;
import dev.agentry.engine.spec.AgentSpec;
import dev.agentry.engine.spec.DatabaseSpec;
import dev.agentry.engine.spec.Kind;
import dev.agentry.engine.spec.KnowledgeSpec;
import dev.agentry.engine.spec.ModelSpec;
import dev.agentry.engine.spec.Resource;
import dev.agentry.engine.spec.TeamSpec;
import dev.agentry.engine.spec.ToolkitSpec;
import dev.agentry.engine.spec.WorkflowSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Builds the {@link Catalog} of a spec set that passed every check; never reports problems itself. */
final class CatalogBuilder {
  private final Map<Kind, Map<String, Resource<?>>> index;
  private final Map<SchemaFiles.Key, JsonNode> schemas;

  private CatalogBuilder(Map<Kind, Map<String, Resource<?>>> index, Map<SchemaFiles.Key, JsonNode> schemas) {
    this.index = index;
    this.schemas = schemas;
  }

  static Catalog build(Map<Kind, Map<String, Resource<?>>> index, Map<SchemaFiles.Key, JsonNode> schemas) {
    return new CatalogBuilder(index, schemas).build();
  }

  private Catalog build() {
    Map<String, AgentDef> agents = new HashMap<>();
    for (Resource<?> r : index.get(Kind.AGENT).values()) {
      AgentSpec spec = (AgentSpec) r.spec();
      agents.put(r.name(), new AgentDef(r.name(), displayName(spec.name(), r), r.metadata(), spec,
          model(spec.model()), schema(r, "/spec/input_schema"), schema(r, "/spec/output_schema"), r.file()));
    }
    Map<String, TeamDef> teams = new HashMap<>();
    for (Resource<?> r : index.get(Kind.TEAM).values()) {
      TeamSpec spec = (TeamSpec) r.spec();
      List<TeamDef.Member> members = new ArrayList<>();
      for (JsonNode member : r.draft().tree().path("spec").path("members")) {
        members.add(member.has("agent")
            ? new TeamDef.Member(Kind.AGENT, member.get("agent").asString())
            : new TeamDef.Member(Kind.TEAM, member.get("team").asString()));
      }
      teams.put(r.name(), new TeamDef(r.name(), displayName(spec.name(), r), r.metadata(), spec,
          model(spec.model()), members, schema(r, "/spec/input_schema"), schema(r, "/spec/output_schema"),
          r.file()));
    }
    Map<String, WorkflowDef> workflows = new HashMap<>();
    for (Resource<?> r : index.get(Kind.WORKFLOW).values()) {
      WorkflowSpec spec = (WorkflowSpec) r.spec();
      workflows.put(r.name(), new WorkflowDef(r.name(), displayName(spec.name(), r), r.metadata(), spec,
          steps(r.draft().tree().path("spec").path("steps")), schema(r, "/spec/input_schema"), r.file()));
    }
    List<ResourceDef<AgentOsSpec>> os = plain(Kind.AGENT_OS, AgentOsSpec.class).values().stream().toList();
    return new Catalog(VersionHash.of(index, schemas), agents, teams, workflows,
        plain(Kind.TOOLKIT, ToolkitSpec.class), plain(Kind.MODEL, ModelSpec.class),
        plain(Kind.KNOWLEDGE, KnowledgeSpec.class), plain(Kind.DATABASE, DatabaseSpec.class),
        os.isEmpty() ? null : os.get(0));
  }

  private static String displayName(@Nullable String name, Resource<?> resource) {
    return name != null ? name : resource.name();
  }

  private ModelDef model(@Nullable String written) {
    String reference = java.util.Objects.requireNonNull(written, "the compiler rejects agents without a model");
    if (reference.indexOf(':') > 0) {
      return ModelDef.of(reference);
    }
    Resource<?> resource = index.get(Kind.MODEL).get(reference);
    ModelSpec spec = (ModelSpec) resource.spec();
    String id = spec.id() != null ? spec.id() : reference;
    return new ModelDef(reference, spec.provider(), id, spec);
  }

  private @Nullable JsonNode schema(Resource<?> resource, String pointer) {
    return schemas.get(SchemaFiles.Key.of(resource.draft(), pointer));
  }

  private <S extends Record> Map<String, ResourceDef<S>> plain(Kind kind, Class<S> type) {
    Map<String, ResourceDef<S>> defs = new HashMap<>();
    for (Resource<?> r : index.get(kind).values()) {
      defs.put(r.name(), new ResourceDef<>(r.name(), r.metadata(), type.cast(r.spec()), r.file()));
    }
    return defs;
  }

  private static List<StepDef> steps(JsonNode list) {
    List<StepDef> steps = new ArrayList<>();
    for (JsonNode step : list) {
      steps.add(step(step));
    }
    return steps;
  }

  private static StepDef step(JsonNode step) {
    String name = step.path("name").asString("");
    if (step.has("agent")) {
      return new StepDef.AgentStep(name, step.get("agent").asString());
    }
    if (step.has("team")) {
      return new StepDef.TeamStep(name, step.get("team").asString());
    }
    if (step.has("workflow")) {
      return new StepDef.WorkflowStep(name, step.get("workflow").asString());
    }
    if (step.has("condition")) {
      JsonNode c = step.get("condition");
      return new StepDef.Condition(name, c.path("evaluator").asString(), steps(c.path("steps")),
          steps(c.path("else_steps")));
    }
    if (step.has("loop")) {
      JsonNode l = step.get("loop");
      return new StepDef.Loop(name, steps(l.path("steps")),
          l.has("end_condition") ? l.get("end_condition").asString() : null, l.path("max_iterations").asInt(3));
    }
    if (step.has("parallel")) {
      return new StepDef.Parallel(name, steps(step.get("parallel").path("steps")));
    }
    if (step.has("router")) {
      JsonNode r = step.get("router");
      return new StepDef.Router(name, r.path("selector").asString(), steps(r.path("choices")));
    }
    return new StepDef.Group(name, steps(step.path("steps")));
  }
}
