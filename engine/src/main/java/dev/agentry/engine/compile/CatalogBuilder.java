package dev.agentry.engine.compile;

import dev.agentry.engine.event.ComponentKind;
import dev.agentry.engine.model.CelExpression;
import dev.agentry.engine.model.AgentDef;
import dev.agentry.engine.model.Catalog;
import dev.agentry.engine.model.HookDef;
import dev.agentry.engine.model.HookSettings;
import dev.agentry.engine.model.KnowledgeDef;
import dev.agentry.engine.model.ModelDef;
import dev.agentry.engine.model.ResourceDef;
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
import dev.cel.common.CelAbstractSyntaxTree;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import dev.agentry.engine.internal.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** Builds the {@link Catalog} of a spec set that passed every check; never reports problems itself. */
final class CatalogBuilder {
  private final Map<Kind, Map<String, Resource<?>>> index;
  private final Map<SchemaFiles.Key, JsonNode> schemas;

  /** The CEL expressions the checker compiled, by their text: each is compiled once per catalog. */
  private final Map<String, CelAbstractSyntaxTree> expressions;

  private CatalogBuilder(Map<Kind, Map<String, Resource<?>>> index, Map<SchemaFiles.Key, JsonNode> schemas,
      Map<String, CelAbstractSyntaxTree> expressions) {
    this.index = index;
    this.schemas = schemas;
    this.expressions = expressions;
  }

  static Catalog build(Map<Kind, Map<String, Resource<?>>> index, Map<SchemaFiles.Key, JsonNode> schemas,
      Map<String, CelAbstractSyntaxTree> expressions) {
    return new CatalogBuilder(index, schemas, expressions).build();
  }

  private Catalog build() {
    Toolkits toolkits = new Toolkits(index.get(Kind.TOOLKIT).values());
    List<ResourceDef<AgentOsSpec>> os = plain(Kind.AGENT_OS, AgentOsSpec.class).values().stream().toList();
    String defaultDb = Catalog.defaultDb(os.isEmpty() ? null : os.get(0).spec().db(),
        index.get(Kind.DATABASE).keySet());
    boolean background = !os.isEmpty() && Boolean.TRUE.equals(os.get(0).spec().runHooksInBackground());
    Map<String, AgentDef> agents = new HashMap<>();
    for (Resource<?> r : index.get(Kind.AGENT).values()) {
      AgentSpec spec = (AgentSpec) r.spec();
      String name = displayName(spec.name(), r);
      agents.put(r.name(), new AgentDef(r.name(), name, r.metadata(), spec, Participants.agent(r.name(), name, spec,
          model(spec.model()), toolkits, hooks(spec.preHooks(), spec.postHooks(), background), defaultDb, this::model,
          schema(r, "/spec/input_schema"), schema(r, "/spec/output_schema"), Path.of(r.file()).toAbsolutePath()
          .getParent(), r.draft().root().folder()), r.file()));
    }
    Map<String, TeamDef> teams = new HashMap<>();
    for (Resource<?> r : index.get(Kind.TEAM).values()) {
      TeamSpec spec = (TeamSpec) r.spec();
      List<TeamDef.Member> members = orEmpty(spec.members()).stream()
          .map(m -> m.agent() != null ? new TeamDef.Member(ComponentKind.AGENT, m.agent())
              : new TeamDef.Member(ComponentKind.TEAM, Objects.requireNonNull(m.team(), "checked by SpecCompiler")))
          .toList();
      String name = displayName(spec.name(), r);
      teams.put(r.name(), new TeamDef(r.name(), name, r.metadata(), spec, Participants.leader(r.name(), name, spec,
          model(spec.model()), toolkits, hooks(spec.preHooks(), spec.postHooks(), background), defaultDb, this::model,
          schema(r, "/spec/input_schema"), schema(r, "/spec/output_schema")), Participants.team(spec), members,
          r.file()));
    }
    Map<String, WorkflowDef> workflows = new HashMap<>();
    for (Resource<?> r : index.get(Kind.WORKFLOW).values()) {
      WorkflowSpec spec = (WorkflowSpec) r.spec();
      Workflows.Context context = new Workflows.Context(r.name(), spec, this::expression);
      workflows.put(r.name(), new WorkflowDef(r.name(), displayName(spec.name(), r), r.metadata(), spec,
          context.steps(spec.steps()), schema(r, "/spec/input_schema"), Workflows.settings(spec, defaultDb), r.file()));
    }
    return new Catalog(VersionHash.of(index, schemas), agents, teams, workflows,
        plain(Kind.TOOLKIT, ToolkitSpec.class), plain(Kind.MODEL, ModelSpec.class),
        knowledge(defaultDb), plain(Kind.DATABASE, DatabaseSpec.class),
        os.isEmpty() ? null : os.get(0));
  }

  private Map<String, KnowledgeDef> knowledge(String defaultDb) {
    Map<String, KnowledgeDef> defs = new HashMap<>();
    for (Resource<?> r : index.get(Kind.KNOWLEDGE).values()) {
      defs.put(r.name(), Knowledges.compile(r.name(), (KnowledgeSpec) r.spec(),
          Path.of(r.file()).toAbsolutePath().getParent(), defaultDb, this::model, r.file()));
    }
    return defs;
  }

  private static String displayName(@Nullable String name, Resource<?> resource) {
    return name != null ? name : resource.name();
  }

  private ModelDef model(String reference) {
    if (reference.indexOf(':') > 0) {
      return ModelDef.of(reference);
    }
    Resource<?> resource = index.get(Kind.MODEL).get(reference);
    ModelSpec spec = (ModelSpec) resource.spec();
    String id = spec.id() != null ? spec.id() : reference;
    return new ModelDef(reference, spec.provider(), id, spec);
  }

  /** Compiles {@code pre_hooks} and {@code post_hooks}; a guardrail's {@code model_resource} is resolved here. */
  private HookSettings hooks(@Nullable List<AgentSpec.Hook> pre, @Nullable List<AgentSpec.Hook> post,
      boolean background) {
    return new HookSettings(hookDefs(pre), hookDefs(post), background);
  }

  private List<HookDef> hookDefs(@Nullable List<AgentSpec.Hook> hooks) {
    if (hooks == null) {
      return List.of();
    }
    List<HookDef> defs = new ArrayList<>();
    for (AgentSpec.Hook h : hooks) {
      JsonNode options = h.options() == null ? JsonNodeFactory.instance.objectNode() : Json.MAPPER.valueToTree(
          h.options());
      JsonNode resource = options.get("model_resource");
      boolean guardrail = h.guardrail() != null;
      defs.add(new HookDef(guardrail ? h.guardrail() : Objects.requireNonNull(h.plugin(), "checked by References"),
          guardrail, options, resource != null && resource.isString() ? model(resource.stringValue()) : null));
    }
    return defs;
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

  /** The runnable form of an expression, from the tree the checker compiled it to. */
  private CelExpression expression(String text) {
    return CelChecker.expression(text, expressions.get(text));
  }

  private static <T> List<T> orEmpty(@Nullable List<T> list) {
    return list == null ? List.of() : list;
  }
}
