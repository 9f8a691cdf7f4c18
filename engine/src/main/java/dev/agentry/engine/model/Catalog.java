package dev.agentry.engine.model;

import dev.agentry.engine.spec.AgentOsSpec;
import dev.agentry.engine.spec.DatabaseSpec;
import dev.agentry.engine.spec.KnowledgeSpec;
import dev.agentry.engine.spec.ModelSpec;
import dev.agentry.engine.spec.ToolkitSpec;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The one immutable snapshot of a compiled spec set: every agent, team, workflow, toolkit, model, knowledge base and
 * database, and the server's {@code AgentOS} resource if there is one.
 *
 * <p>{@code version} is the content hash of the set: it changes when what the specs mean changes, and not when files
 * are renamed, reordered, reformatted or commented. A run captures the catalog it started with and never looks it up
 * again. Maps are keyed by id and iterate in id order.
 */
public record Catalog(
    String version,
    Map<String, AgentDef> agents,
    Map<String, TeamDef> teams,
    Map<String, WorkflowDef> workflows,
    Map<String, ResourceDef<ToolkitSpec>> toolkits,
    Map<String, ResourceDef<ModelSpec>> models,
    Map<String, ResourceDef<KnowledgeSpec>> knowledge,
    Map<String, ResourceDef<DatabaseSpec>> databases,
    @Nullable ResourceDef<AgentOsSpec> os) {

  public Catalog {
    agents = sorted(agents);
    teams = sorted(teams);
    workflows = sorted(workflows);
    toolkits = sorted(toolkits);
    models = sorted(models);
    knowledge = sorted(knowledge);
    databases = sorted(databases);
  }

  /** The agent with {@code id}, if any. */
  public Optional<AgentDef> findAgent(String id) {
    return Optional.ofNullable(agents.get(id));
  }

  /** The agent with {@code id}; throws {@link NotFoundException} if there is none. */
  public AgentDef getAgent(String id) {
    return findAgent(id).orElseThrow(() -> new NotFoundException("Agent not found: " + id));
  }

  /** The team with {@code id}, if any. */
  public Optional<TeamDef> findTeam(String id) {
    return Optional.ofNullable(teams.get(id));
  }

  /** The workflow with {@code id}, if any. */
  public Optional<WorkflowDef> findWorkflow(String id) {
    return Optional.ofNullable(workflows.get(id));
  }

  /** Every agent, in id order. */
  public List<AgentDef> listAgents() {
    return List.copyOf(agents.values());
  }

  /** Every team, in id order. */
  public List<TeamDef> listTeams() {
    return List.copyOf(teams.values());
  }

  /** Every workflow, in id order. */
  public List<WorkflowDef> listWorkflows() {
    return List.copyOf(workflows.values());
  }

  /** How many resources of each kind the catalog holds, for logs ("3 agents, 1 team, ..."). */
  public String summary() {
    return count(agents.size(), "agent") + ", " + count(teams.size(), "team") + ", "
        + count(workflows.size(), "workflow") + ", " + count(toolkits.size(), "toolkit") + ", "
        + count(models.size(), "model") + ", " + knowledge.size() + " knowledge, "
        + count(databases.size(), "database");
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  private static <V> Map<String, V> sorted(Map<String, V> map) {
    return Collections.unmodifiableMap(new TreeMap<>(map));
  }
}
