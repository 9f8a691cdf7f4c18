package dev.agentry.engine.model;

import dev.agentry.engine.spec.AgentOsSpec;
import dev.agentry.engine.spec.DatabaseSpec;
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
    Map<String, KnowledgeDef> knowledge,
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

  /** The id of the database the server keeps its data in when nothing names one (sqlite:./agentry.db). */
  public static final String DEFAULT_DB = "agentry-db";

  /**
   * The id of the default database, where the runs of components without a {@code db} are stored and the API looks
   * when asked for no {@code db_id}: the AgentOS resource's {@code db}, else the only Database resource's, else
   * {@value #DEFAULT_DB}.
   */
  public String defaultDb() {
    return defaultDb(os == null ? null : os.spec().db(), databases.keySet());
  }

  /** As {@link #defaultDb()}, from the AgentOS {@code db} and the Database resources' names (for the compiler). */
  public static String defaultDb(@Nullable String osDb, java.util.Set<String> databaseNames) {
    if (osDb != null) {
      return osDb;
    }
    return databaseNames.size() == 1 ? databaseNames.iterator().next() : DEFAULT_DB;
  }

  /**
   * The id of the database the runs of component {@code id} are stored in: its {@code db}, else the default; the
   * default too for a component the catalog does not have.
   */
  public String dbOf(dev.agentry.engine.event.ComponentKind kind, String id) {
    return switch (kind) {
      case AGENT -> findAgent(id).map(a -> a.participant().db()).orElseGet(this::defaultDb);
      case TEAM -> findTeam(id).map(t -> t.leader().db()).orElseGet(this::defaultDb);
      case WORKFLOW -> findWorkflow(id).map(w -> w.settings().db()).orElseGet(this::defaultDb);
    };
  }

  /**
   * The ids of the databases served: the default first, then every other one an agent, team or workflow names, in id
   * order. Each is opened (and migrated) when the catalog is loaded.
   */
  public List<String> servedDbs() {
    java.util.SortedSet<String> named = new java.util.TreeSet<>();
    agents.values().forEach(a -> named.add(a.participant().db()));
    teams.values().forEach(t -> named.add(t.leader().db()));
    workflows.values().forEach(w -> named.add(w.settings().db()));
    String first = defaultDb();
    named.remove(first);
    List<String> served = new java.util.ArrayList<>(named.size() + 1);
    served.add(first);
    served.addAll(named);
    return List.copyOf(served);
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
