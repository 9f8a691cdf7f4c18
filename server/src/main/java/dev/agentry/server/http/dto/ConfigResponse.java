package dev.agentry.server.http.dto;

import dev.agentry.engine.model.Catalog;
import dev.agentry.engine.model.KnowledgeDef;
import dev.agentry.engine.spec.AgentOsSpec;
import dev.agentry.engine.store.StoreSettings;
import dev.agentry.server.http.Served;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /config} ({@code ConfigResponse}, {@code agentos-api.md} §2.1): the AgentOS pages' settings from the
 * {@code AgentOS} resource's {@code config}, and the components served, each with its {@code db_id}.
 */
public record ConfigResponse(
    String osId,
    @Nullable String name,
    @Nullable String description,
    List<String> availableModels,
    String osDatabase,
    List<String> databases,
    @Nullable Map<String, Object> chat,
    Map<String, Object> session,
    Map<String, Object> memory,
    Map<String, Object> metrics,
    Map<String, Object> evals,
    Map<String, Object> knowledge,
    List<Map<String, Object>> agents,
    List<Map<String, Object>> teams,
    List<Map<String, Object>> workflows,
    List<Object> interfaces) {

  /**
   * The response for {@code catalog}: each component with the id of its database, every database served in
   * {@code databases} and on each page with its table there ({@code settings} gives a database's table names).
   */
  public static ConfigResponse of(String osId, @Nullable AgentOsSpec os, Catalog catalog,
      Function<String, StoreSettings> settings) {
    AgentOsSpec.OsConfig config = os == null ? null : os.config();
    List<String> models = config == null || config.availableModels() == null ? List.of() : config.availableModels();
    Map<String, Object> chat = config == null || config.chat() == null || config.chat().quickPrompts() == null
        ? null : Map.of("quick_prompts", config.chat().quickPrompts());
    List<Map<String, Object>> agents = new ArrayList<>();
    Served.agents(catalog).forEach(a -> agents.add(component(a.id(), a.name(), a.spec().description(),
        a.participant().db(), Map.of("id", a.model().reportedId(), "provider", a.model().providerName()))));
    List<Map<String, Object>> teams = new ArrayList<>();
    Served.teams(catalog).forEach(t -> {
      Map<String, Object> team = component(t.id(), t.name(), t.spec().description(), t.leader().db(),
          Map.of("id", t.model().reportedId(), "provider", t.model().providerName()));
      team.put("mode", mode(t.spec()));
      teams.add(team);
    });
    List<Map<String, Object>> workflows = new ArrayList<>();
    Served.workflows(catalog).forEach(w -> workflows.add(component(w.id(), w.name(), w.spec().description(),
        w.settings().db(), null)));
    List<String> served = catalog.servedDbs();
    Function<String, String> prefix = id -> settings.apply(id).tablePrefix();
    return new ConfigResponse(osId, os == null ? null : os.name(), os == null ? null : os.description(), models,
        catalog.defaultDb(), served, chat,
        page(config == null ? null : config.session(), served, id -> prefix.apply(id) + "sessions"),
        page(config == null ? null : config.memory(), served, id -> prefix.apply(id) + "memories"),
        page(config == null ? null : config.metrics(), served, id -> prefix.apply(id) + "metrics"),
        evals(config == null ? null : config.evals(), served, id -> prefix.apply(id) + "eval_runs"),
        knowledge(config == null ? null : config.knowledge(), Served.knowledge(catalog),
            id -> prefix.apply(id) + "knowledge"),
        agents, teams, workflows, List.of());
  }

  /** Agno's team mode from the team's delegation settings. */
  public static String mode(dev.agentry.engine.spec.TeamSpec team) {
    return Boolean.TRUE.equals(team.respondDirectly()) ? "route"
        : Boolean.TRUE.equals(team.delegateToAllMembers()) ? "broadcast" : "coordinate";
  }

  private static Map<String, Object> component(String id, String name, @Nullable String description, String dbId,
      @Nullable Map<String, Object> model) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("id", id);
    c.put("name", name);
    if (description != null) {
      c.put("description", description);
    }
    c.put("db_id", dbId);
    if (model != null) {
      c.put("model", model);
    }
    return c;
  }

  /**
   * The Knowledge page: the databases its spec lists, then each other database holding the contents of a Knowledge
   * served (as Agno discovers them), and the Knowledge served as {@code knowledge_instances}, their id the resource
   * name (what the knowledge routes take as {@code knowledge_id}).
   */
  private static Map<String, Object> knowledge(AgentOsSpec.@Nullable PageConfig config, List<KnowledgeDef> served,
      Function<String, String> table) {
    List<String> dbs = served.stream().map(KnowledgeDef::contentsDb).distinct().toList();
    Map<String, Object> page = config == null ? page(null, null, dbs, table)
        : page(config.displayName(), config.dbs(), dbs, table);
    List<Map<String, Object>> instances = new ArrayList<>();
    for (KnowledgeDef def : served) {
      Map<String, Object> instance = new LinkedHashMap<>();
      instance.put("id", def.id());
      instance.put("name", def.name());
      if (!def.description().isEmpty()) {
        instance.put("description", def.description());
      }
      instance.put("db_id", def.contentsDb());
      instance.put("table", table.apply(def.contentsDb()));
      instances.add(instance);
    }
    page.put("knowledge_instances", instances);
    return page;
  }

  /** The Evals page: the page's settings and the models it offers. */
  private static Map<String, Object> evals(AgentOsSpec.@Nullable EvalsConfig config, List<String> served,
      Function<String, String> table) {
    Map<String, Object> page = config == null ? page(null, served, table)
        : page(config.displayName(), config.dbs(), served, table);
    if (config != null && config.availableModels() != null) {
      page.put("available_models", config.availableModels());
    }
    return page;
  }

  /**
   * A page's settings: the databases its spec lists, then every other database served (as Agno synthesizes them),
   * each with its table of the page's domain ({@code table}) unless the spec lists its tables.
   */
  private static Map<String, Object> page(AgentOsSpec.@Nullable PageConfig config, List<String> served,
      Function<String, String> table) {
    return page(config == null ? null : config.displayName(), config == null ? null : config.dbs(), served, table);
  }

  private static Map<String, Object> page(@Nullable String displayName,
      @Nullable List<AgentOsSpec.PageDatabase> listed, List<String> served, Function<String, String> table) {
    Map<String, Object> page = new LinkedHashMap<>();
    if (displayName != null) {
      page.put("display_name", displayName);
    }
    List<Map<String, Object>> dbs = new ArrayList<>();
    if (listed != null) {
      for (AgentOsSpec.PageDatabase db : listed) {
        String id = db.dbId() != null ? db.dbId() : served.get(0); // the schema requires it
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("db_id", id);
        String display = db.domainConfig() == null || db.domainConfig().displayName() == null ? id
            : db.domainConfig().displayName();
        entry.put("domain_config", Map.of("display_name", display));
        entry.put("tables", db.tables() == null ? List.of(table.apply(id)) : db.tables());
        dbs.add(entry);
      }
    }
    for (String dbId : served) {
      if (dbs.stream().noneMatch(d -> dbId.equals(d.get("db_id")))) {
        dbs.add(Map.of("db_id", dbId, "domain_config", Map.of("display_name", dbId), "tables",
            List.of(table.apply(dbId))));
      }
    }
    page.put("dbs", dbs);
    return page;
  }
}
