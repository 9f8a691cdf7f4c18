package dev.agentry.server.reload;

import dev.agentry.engine.event.ComponentKind;
import dev.agentry.engine.llm.anthropic.AnthropicChatModel;
import dev.agentry.engine.llm.http.Endpoint;
import dev.agentry.engine.model.AgentDef;
import dev.agentry.engine.model.Catalog;
import dev.agentry.engine.model.ModelDef;
import dev.agentry.engine.model.Participant;
import dev.agentry.engine.model.ResourceDef;
import dev.agentry.engine.model.StepDef;
import dev.agentry.engine.model.TeamDef;
import dev.agentry.engine.model.ToolUse;
import dev.agentry.engine.model.WorkflowDef;
import dev.agentry.engine.run.KnowledgeStatus;
import dev.agentry.engine.run.ToolkitStatus;
import dev.agentry.engine.spec.Kind;
import dev.agentry.engine.spec.ModelSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Decides which resources of a catalog are degraded: a model whose provider needs an API key (or a base URL) that
 * neither its {@code Model} resource nor the environment gives, the agents and teams on such a model, and the
 * teams and workflows that use a degraded member or step. Scripted and local models never are. A toolkit that could
 * not be opened degrades itself and the agents and teams that use it, until it opens (it is retried at their next run).
 */
final class Readiness {
  private final Catalog catalog;
  private final Function<String, @Nullable String> env;
  private final Map<String, ToolkitStatus> toolkits = new HashMap<>();
  private final Map<String, KnowledgeStatus> knowledge = new HashMap<>();
  private final Map<String, Optional<String>> problems = new HashMap<>();

  private Readiness(Catalog catalog, Function<String, @Nullable String> env, List<ToolkitStatus> toolkits) {
    this.catalog = catalog;
    this.env = env;
    toolkits.forEach(t -> this.toolkits.putIfAbsent(t.name(), t));
  }

  /**
   * The status of every resource of {@code catalog}, in kind then id order.
   *
   * @param toolkits how the engine's toolkits for {@code catalog} are doing
   */
  static List<ResourceStatus> of(Catalog catalog, Function<String, @Nullable String> env,
      List<ToolkitStatus> toolkits) {
    return of(catalog, env, toolkits, List.of());
  }

  /**
   * As {@link #of(Catalog, Function, List)}; a Knowledge that could not be opened is degraded, and so is every agent
   * and team that uses it.
   */
  static List<ResourceStatus> of(Catalog catalog, Function<String, @Nullable String> env,
      List<ToolkitStatus> toolkits, List<KnowledgeStatus> knowledge) {
    Readiness readiness = new Readiness(catalog, env, toolkits);
    knowledge.forEach(k -> readiness.knowledge.putIfAbsent(k.id(), k));
    List<ResourceStatus> all = new ArrayList<>();
    for (String key : CatalogDiff.resources(catalog).keySet()) {
      int slash = key.indexOf('/');
      String kind = key.substring(0, slash);
      String id = key.substring(slash + 1);
      ResourceStatus status = readiness.problem(key).map(reason -> ResourceStatus.degraded(kind, id, reason))
          .orElseGet(() -> ResourceStatus.ready(kind, id));
      ToolkitStatus toolkit = kind.equals(Kind.TOOLKIT.wireName()) ? readiness.toolkits.get(id) : null;
      all.add(toolkit == null ? status : status.warn(toolkit.warnings()));
    }
    return List.copyOf(all);
  }

  /** Why the resource {@code Kind/id} cannot run, if it cannot; computed once per resource. */
  private Optional<String> problem(String key) {
    Optional<String> known = problems.get(key);
    if (known != null) {
      return known;
    }
    problems.put(key, Optional.empty()); // the compiler rejects cycles; this only guards against looping
    Optional<String> found = Optional.ofNullable(find(key));
    problems.put(key, found);
    return found;
  }

  private @Nullable String find(String key) {
    int slash = key.indexOf('/');
    Kind kind = Kind.fromWireName(key.substring(0, slash)).orElseThrow();
    String id = key.substring(slash + 1);
    return switch (kind) {
      case AGENT -> {
        AgentDef agent = catalog.agents().get(id);
        yield agent == null ? null : participant(agent.participant());
      }
      case TOOLKIT -> toolkit(id);
      case KNOWLEDGE -> knowledge(id);
      case TEAM -> team(catalog.teams().get(id));
      case WORKFLOW -> workflow(catalog.workflows().get(id));
      case MODEL -> model(catalog.models().get(id));
      default -> null;
    };
  }

  private @Nullable String team(@Nullable TeamDef team) {
    if (team == null) {
      return null;
    }
    String model = participant(team.leader());
    if (model != null) {
      return model;
    }
    for (TeamDef.Member member : team.members()) {
      String key = CatalogDiff.key(member.kind() == ComponentKind.TEAM ? Kind.TEAM : Kind.AGENT, member.id());
      Optional<String> problem = problem(key);
      if (problem.isPresent()) {
        return "member " + key + " is degraded: " + problem.get();
      }
    }
    return null;
  }

  /** Why an agent or a team's leader cannot run: its model, or a toolkit it uses. */
  private @Nullable String participant(Participant participant) {
    String model = missing(participant.model());
    if (model != null) {
      return model;
    }
    for (ToolUse use : participant.tools()) {
      String toolkit = toolkit(use.toolkit().name());
      if (toolkit != null) {
        return toolkit;
      }
    }
    return participant.knowledge().knowledgeId() == null ? null : knowledge(participant.knowledge().knowledgeId());
  }

  /** Why a Knowledge cannot be used: it failed to open (its index or embedder). */
  private @Nullable String knowledge(String id) {
    KnowledgeStatus status = knowledge.get(id);
    return status == null || status.isOpen() ? null
        : "knowledge '" + id + "' (" + status.index() + ") could not be opened: " + status.failure();
  }

  /** Why a toolkit cannot be used: it failed to open. */
  private @Nullable String toolkit(String name) {
    ToolkitStatus status = toolkits.get(name);
    return status == null || status.isOpen() ? null
        : "toolkit '" + name + "' (" + status.kind() + ") could not be opened: " + status.failure();
  }

  private @Nullable String workflow(@Nullable WorkflowDef workflow) {
    return workflow == null ? null : steps(workflow.steps());
  }

  private @Nullable String steps(List<StepDef> steps) {
    for (StepDef step : steps) {
      String problem = switch (step) {
        case StepDef.AgentStep s -> uses(s.name(), CatalogDiff.key(Kind.AGENT, s.agent()));
        case StepDef.TeamStep s -> uses(s.name(), CatalogDiff.key(Kind.TEAM, s.team()));
        case StepDef.WorkflowStep s -> uses(s.name(), CatalogDiff.key(Kind.WORKFLOW, s.workflow()));
        case StepDef.Group s -> steps(s.steps());
        case StepDef.Condition s -> {
          String inSteps = steps(s.steps());
          yield inSteps != null ? inSteps : steps(s.elseSteps());
        }
        case StepDef.Loop s -> steps(s.steps());
        case StepDef.Parallel s -> steps(s.steps());
        case StepDef.Router s -> steps(s.choices());
      };
      if (problem != null) {
        return problem;
      }
    }
    return null;
  }

  private @Nullable String uses(String step, String key) {
    return problem(key).map(p -> "step '" + step + "' uses " + key + ", which is degraded: " + p).orElse(null);
  }

  private @Nullable String model(@Nullable ResourceDef<ModelSpec> model) {
    if (model == null || model.spec().provider() == null) {
      return null;
    }
    ModelSpec spec = model.spec();
    return missing(new ModelDef(model.id(), spec.provider(), spec.id() != null ? spec.id() : model.id(), spec));
  }

  /** What the model's client will refuse to run without, as its own error message says it; null when nothing. */
  private @Nullable String missing(ModelDef model) {
    if (model.provider().equals("scripted")) {
      return null;
    }
    // the variable the provider reads its key from when the spec sets no api_key (the providers' own tables)
    String keyVariable = "anthropic".equals(model.provider()) ? AnthropicChatModel.KEY_VARIABLE
        : dev.agentry.engine.llm.openai.OpenAiChatModel.keyVariable(model.provider());
    Endpoint endpoint = Endpoint.of(model, keyVariable, env);
    if (keyVariable != null && endpoint.apiKey() == null) {
      return "missing API key for provider " + model.provider() + ": " + endpoint.keyHint();
    }
    if (endpoint.baseUrl().isEmpty()) {
      return "provider " + model.provider() + " has no default URL: set " + endpoint.setting("base_url");
    }
    return null;
  }
}
