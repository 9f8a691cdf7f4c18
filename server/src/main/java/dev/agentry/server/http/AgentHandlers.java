package dev.agentry.server.http;

import dev.agentry.engine.model.AgentDef;
import dev.agentry.engine.model.NotFoundException;
import dev.agentry.engine.run.AgentTool;
import dev.agentry.server.AgentOs;
import dev.agentry.server.http.dto.AgentResponse;
import io.javalin.http.Context;
import java.util.List;

/** {@code GET /agents} and {@code GET /agents/{agent_id}} ({@code agentos-api.md} §2.2). */
final class AgentHandlers {
  private final AgentOs os;

  AgentHandlers(AgentOs os) {
    this.os = os;
  }

  void list(Context ctx) {
    ctx.json(os.catalog().listAgents().stream().map(a -> AgentResponse.of(a, os.dbId(), tools(os, a.id()))).toList());
  }

  void get(Context ctx) {
    AgentDef agent = agent(os, ctx.pathParam("agent_id"));
    ctx.json(AgentResponse.of(agent, os.dbId(), tools(os, agent.id())));
  }

  /** The agent of the live catalog; the contract's 404 when there is none. */
  static AgentDef agent(AgentOs os, String id) {
    return os.catalog().findAgent(id).orElseThrow(() -> ApiException.notFound("Agent not found"));
  }

  /** The functions an agent's model may call; none while a reload has not reached the engine yet. */
  static List<AgentTool> tools(AgentOs os, String agentId) {
    try {
      return os.engine().listTools(agentId);
    } catch (NotFoundException e) {
      return List.of();
    }
  }
}
