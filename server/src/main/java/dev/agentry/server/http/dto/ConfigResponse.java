package dev.agentry.server.http.dto;

import dev.agentry.engine.model.Catalog;
import dev.agentry.engine.spec.AgentOsSpec;
import dev.agentry.server.http.Served;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

  public static ConfigResponse of(String osId, @Nullable AgentOsSpec os, Catalog catalog, String dbId) {
    AgentOsSpec.OsConfig config = os == null ? null : os.config();
    List<String> models = config == null || config.availableModels() == null ? List.of() : config.availableModels();
    Map<String, Object> chat = config == null || config.chat() == null || config.chat().quickPrompts() == null
        ? null : Map.of("quick_prompts", config.chat().quickPrompts());
    List<Map<String, Object>> agents = new ArrayList<>();
    Served.agents(catalog).forEach(a -> agents.add(component(a.id(), a.name(), a.spec().description(), dbId,
        Map.of("id", a.model().reportedId(), "provider", a.model().providerName()))));
    List<Map<String, Object>> teams = new ArrayList<>();
    Served.teams(catalog).forEach(t -> {
      Map<String, Object> team = component(t.id(), t.name(), t.spec().description(), dbId,
          Map.of("id", t.model().reportedId(), "provider", t.model().providerName()));
      team.put("mode", mode(t.spec()));
      teams.add(team);
    });
    List<Map<String, Object>> workflows = new ArrayList<>();
    Served.workflows(catalog).forEach(w -> workflows.add(component(w.id(), w.name(), w.spec().description(), dbId,
        null)));
    return new ConfigResponse(osId, os == null ? null : os.name(), os == null ? null : os.description(), models,
        dbId, List.of(dbId), chat,
        page(config == null ? null : config.session(), dbId, "sessions"),
        page(config == null ? null : config.memory(), dbId, "memories"),
        page(config == null ? null : config.metrics(), dbId, "metrics"),
        evals(config == null ? null : config.evals(), dbId),
        page(config == null ? null : config.knowledge(), dbId, "knowledge"),
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

  /** The Evals page: the page's settings and the models it offers. */
  private static Map<String, Object> evals(AgentOsSpec.@Nullable EvalsConfig config, String dbId) {
    Map<String, Object> page = config == null ? page(null, dbId, "evals")
        : page(config.displayName(), config.dbs(), dbId, "evals");
    if (config != null && config.availableModels() != null) {
      page.put("available_models", config.availableModels());
    }
    return page;
  }

  /** A page's settings; the served database is listed when the spec lists none (as Agno synthesizes it). */
  private static Map<String, Object> page(AgentOsSpec.@Nullable PageConfig config, String dbId, String table) {
    return page(config == null ? null : config.displayName(), config == null ? null : config.dbs(), dbId, table);
  }

  private static Map<String, Object> page(@Nullable String displayName,
      @Nullable List<AgentOsSpec.PageDatabase> listed, String dbId, String table) {
    Map<String, Object> page = new LinkedHashMap<>();
    if (displayName != null) {
      page.put("display_name", displayName);
    }
    List<Map<String, Object>> dbs = new ArrayList<>();
    if (listed != null) {
      for (AgentOsSpec.PageDatabase db : listed) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("db_id", db.dbId());
        String display = db.domainConfig() == null || db.domainConfig().displayName() == null ? db.dbId()
            : db.domainConfig().displayName();
        entry.put("domain_config", Map.of("display_name", display == null ? dbId : display));
        entry.put("tables", db.tables() == null ? List.of("agno_" + table) : db.tables());
        dbs.add(entry);
      }
    }
    if (dbs.stream().noneMatch(d -> dbId.equals(d.get("db_id")))) {
      dbs.add(Map.of("db_id", dbId, "domain_config", Map.of("display_name", dbId), "tables",
          List.of("agno_" + table)));
    }
    page.put("dbs", dbs);
    return page;
  }
}
