package dev.agentry.server.http;

import dev.agentry.engine.model.Catalog;
import dev.agentry.engine.model.ModelDef;
import dev.agentry.engine.spec.AgentOsSpec;
import dev.agentry.engine.store.StoreSettings;
import dev.agentry.server.AgentOs;
import dev.agentry.server.auth.AuthSettings;
import dev.agentry.server.http.dto.ConfigResponse;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code /}, {@code /health}, {@code /info}, {@code /config} and {@code /models} ({@code agentos-api.md} §2.1). */
final class OsHandlers {
  private final AgentOs os;

  OsHandlers(AgentOs os) {
    this.os = os;
  }

  void root(Context ctx) {
    AgentOsSpec spec = os.osSpec();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", "AgentOS API");
    body.put("id", os.osId());
    body.put("version", spec == null || spec.version() == null ? "1.0.0" : spec.version());
    ctx.json(body);
  }

  /**
   * Agno's health check; once a shutdown has begun it answers 503 with the status "draining", so that a load
   * balancer checking it sends no new requests while the runs in flight finish.
   */
  void health(Context ctx) {
    boolean serving = os.accepting().get();
    ctx.status(serving ? 200 : 503).json(Map.of("status", serving ? "ok" : "draining", "instantiated_at",
        os.instantiatedAt().toString()));
  }

  void info(Context ctx) {
    AgentOsSpec spec = os.osSpec();
    Catalog catalog = os.catalog();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("os_id", os.osId());
    body.put("name", spec == null ? null : spec.name());
    body.put("agno_version", "agentry");
    body.put("agent_count", Served.agents(catalog).size());
    body.put("team_count", Served.teams(catalog).size());
    body.put("workflow_count", Served.workflows(catalog).size());
    body.put("mcp", Map.of("enabled", false));
    body.put("auth_mode", AuthSettings.of(os).mode());
    ctx.json(body);
  }

  void config(Context ctx) {
    Catalog catalog = os.catalog();
    ctx.json(ConfigResponse.of(os.osId(), os.osSpec(), catalog, id -> StoreSettings.of(catalog, id, null)));
  }

  void models(Context ctx) {
    Catalog catalog = os.catalog();
    Set<List<String>> seen = new LinkedHashSet<>();
    List<ModelDef> models = new ArrayList<>();
    Served.agents(catalog).forEach(a -> models.add(a.model()));
    Served.teams(catalog).forEach(t -> models.add(t.model()));
    List<Map<String, String>> body = new ArrayList<>();
    for (ModelDef model : models) {
      if (seen.add(List.of(model.reportedId(), model.providerName()))) {
        body.add(Map.of("id", model.reportedId(), "provider", model.providerName()));
      }
    }
    ctx.json(body);
  }
}
