package dev.agentry.server.http;

import dev.agentry.engine.model.AgentDef;
import dev.agentry.engine.model.Catalog;
import dev.agentry.engine.model.KnowledgeDef;
import dev.agentry.engine.model.ResourceDef;
import dev.agentry.engine.model.TeamDef;
import dev.agentry.engine.model.WorkflowDef;
import dev.agentry.engine.spec.AgentOsSpec;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The agents, teams, workflows and knowledge the API serves: those the {@code AgentOS} resource names in
 * {@code agents}, {@code teams}, {@code workflows} and {@code knowledge}, or all of the catalog's when a list is
 * absent.
 * Components not served are still compiled and run as members and steps of those served; the API neither lists them
 * nor runs them by their own id (the contract's 404). Knowledge not served still answers the agents that use it; the
 * knowledge routes neither list nor select it.
 */
public final class Served {
  private Served() {}

  public static List<AgentDef> agents(Catalog catalog) {
    return only(catalog.listAgents(), names(catalog, AgentOsSpec::agents), AgentDef::id);
  }

  public static List<TeamDef> teams(Catalog catalog) {
    return only(catalog.listTeams(), names(catalog, AgentOsSpec::teams), TeamDef::id);
  }

  public static List<WorkflowDef> workflows(Catalog catalog) {
    return only(catalog.listWorkflows(), names(catalog, AgentOsSpec::workflows), WorkflowDef::id);
  }

  public static List<KnowledgeDef> knowledge(Catalog catalog) {
    return only(List.copyOf(catalog.knowledge().values()), names(catalog, AgentOsSpec::knowledge), KnowledgeDef::id);
  }

  public static Optional<AgentDef> agent(Catalog catalog, String id) {
    return catalog.findAgent(id).filter(a -> serves(names(catalog, AgentOsSpec::agents), id));
  }

  public static Optional<TeamDef> team(Catalog catalog, String id) {
    return catalog.findTeam(id).filter(t -> serves(names(catalog, AgentOsSpec::teams), id));
  }

  public static Optional<WorkflowDef> workflow(Catalog catalog, String id) {
    return catalog.findWorkflow(id).filter(w -> serves(names(catalog, AgentOsSpec::workflows), id));
  }

  private static @Nullable List<String> names(Catalog catalog, Function<AgentOsSpec, @Nullable List<String>> list) {
    ResourceDef<AgentOsSpec> os = catalog.os();
    return os == null ? null : list.apply(os.spec());
  }

  private static boolean serves(@Nullable List<String> names, String id) {
    return names == null || names.contains(id);
  }

  private static <T> List<T> only(List<T> all, @Nullable List<String> names, Function<T, String> id) {
    return names == null ? all : all.stream().filter(c -> names.contains(id.apply(c))).toList();
  }
}
