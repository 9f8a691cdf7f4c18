package dev.agentry.server.http;

import dev.agentry.engine.model.AgentDef;
import dev.agentry.engine.model.Catalog;
import dev.agentry.server.AgentOs;
import dev.agentry.server.auth.ScopeCheck;
import dev.agentry.server.http.dto.AgentResponse;
import dev.agentry.server.http.dto.ComponentContext;
import io.javalin.http.Context;

/** {@code GET /agents} and {@code GET /agents/{agent_id}} ({@code agentos-api.md} §2.2). */
final class AgentHandlers {
  private final AgentOs os;

  AgentHandlers(AgentOs os) {
    this.os = os;
  }

  void list(Context ctx) {
    ComponentContext context = components(os);
    ctx.json(Served.agents(context.catalog()).stream().filter(a -> ScopeCheck.visible(ctx, a.id()))
        .map(a -> AgentResponse.of(a, context)).toList());
  }

  void get(Context ctx) {
    ComponentContext context = components(os);
    ctx.json(AgentResponse.of(agent(context.catalog(), ctx.pathParam("agent_id")), context));
  }

  /** The agent of the live catalog; the contract's 404 when there is none. */
  static AgentDef agent(AgentOs os, String id) {
    return agent(os.catalog(), id);
  }

  /**
   * What one request's component responses are built from: the live catalog, read once, and the agents' tools on
   * that catalog, so that a reload during the request cannot mix two versions in one answer.
   */
  static ComponentContext components(AgentOs os) {
    Catalog catalog = os.catalog();
    return new ComponentContext(catalog, id -> os.engine().listTools(catalog, id));
  }

  private static AgentDef agent(Catalog catalog, String id) {
    return Served.agent(catalog, id).orElseThrow(() -> ApiException.notFound("Agent not found"));
  }
}
