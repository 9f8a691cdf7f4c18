package dev.agentry.server.http;

import dev.agentry.engine.model.Catalog;
import dev.agentry.engine.model.WorkflowDef;
import dev.agentry.server.AgentOs;
import dev.agentry.server.auth.ScopeCheck;
import dev.agentry.server.http.dto.ComponentContext;
import dev.agentry.server.http.dto.TeamResponse;
import dev.agentry.server.http.dto.WorkflowResponse;
import dev.agentry.server.http.dto.WorkflowSummaryResponse;
import io.javalin.http.Context;

/**
 * Teams and workflows ({@code agentos-api.md} §2.3, §2.4), listed and described (their runs are
 * {@link RunHandlers}).
 * Each request reads the live catalog once and builds its whole answer from it (see {@link AgentHandlers#components}).
 */
final class ComponentHandlers {
  private final AgentOs os;

  ComponentHandlers(AgentOs os) {
    this.os = os;
  }

  void listTeams(Context ctx) {
    ComponentContext context = AgentHandlers.components(os);
    ctx.json(Served.teams(context.catalog()).stream().filter(t -> ScopeCheck.visible(ctx, t.id()))
        .map(t -> TeamResponse.of(t, context)).toList());
  }

  void getTeam(Context ctx) {
    ComponentContext context = AgentHandlers.components(os);
    ctx.json(TeamResponse.of(Served.team(context.catalog(), ctx.pathParam("team_id"))
        .orElseThrow(() -> ApiException.notFound("Team not found")), context));
  }

  void listWorkflows(Context ctx) {
    Catalog catalog = os.catalog();
    ctx.json(Served.workflows(catalog).stream().filter(w -> ScopeCheck.visible(ctx, w.id()))
        .map(w -> WorkflowSummaryResponse.of(w)).toList());
  }

  void getWorkflow(Context ctx) {
    ComponentContext context = AgentHandlers.components(os);
    WorkflowDef workflow = Served.workflow(context.catalog(), ctx.pathParam("workflow_id"))
        .orElseThrow(() -> ApiException.notFound("Workflow not found"));
    ctx.json(WorkflowResponse.of(workflow, context));
  }

}
