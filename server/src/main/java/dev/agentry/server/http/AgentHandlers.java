package dev.agentry.server.http;

import dev.agentry.engine.model.AgentDef;
import dev.agentry.server.AgentOs;
import dev.agentry.server.http.dto.AgentResponse;
import io.javalin.http.Context;

/** {@code GET /agents} and {@code GET /agents/{agent_id}} ({@code agentos-api.md} §2.2). */
final class AgentHandlers {
  private final AgentOs os;

  AgentHandlers(AgentOs os) {
    this.os = os;
  }

  void list(Context ctx) {
    ctx.json(os.catalog().listAgents().stream().map(a -> AgentResponse.of(a, os.dbId())).toList());
  }

  void get(Context ctx) {
    ctx.json(AgentResponse.of(agent(os, ctx.pathParam("agent_id")), os.dbId()));
  }

  /** The agent of the live catalog; the contract's 404 when there is none. */
  static AgentDef agent(AgentOs os, String id) {
    return os.catalog().findAgent(id).orElseThrow(() -> ApiException.notFound("Agent not found"));
  }
}
