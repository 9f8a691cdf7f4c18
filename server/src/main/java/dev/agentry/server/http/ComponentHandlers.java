package dev.agentry.server.http;

import dev.agentry.engine.model.TeamDef;
import dev.agentry.engine.model.WorkflowDef;
import dev.agentry.server.AgentOs;
import dev.agentry.server.http.dto.TeamResponse;
import dev.agentry.server.http.dto.WorkflowResponse;
import dev.agentry.server.http.dto.WorkflowSummaryResponse;
import io.javalin.http.Context;

/**
 * Teams and workflows ({@code agentos-api.md} §2.3, §2.4): listed and described now; their runs arrive with the
 * teams and workflows issue, and until then their run routes answer 501 with a {@code detail}.
 */
final class ComponentHandlers {
  private final AgentOs os;

  ComponentHandlers(AgentOs os) {
    this.os = os;
  }

  void listTeams(Context ctx) {
    ctx.json(os.catalog().listTeams().stream().map(this::team).toList());
  }

  void getTeam(Context ctx) {
    ctx.json(team(os.catalog().findTeam(ctx.pathParam("team_id"))
        .orElseThrow(() -> ApiException.notFound("Team not found"))));
  }

  void teamRuns(Context ctx) {
    os.catalog().findTeam(ctx.pathParam("team_id")).orElseThrow(() -> ApiException.notFound("Team not found"));
    throw ApiException.notImplemented("Team runs are not available in this version of Agentry yet");
  }

  void listWorkflows(Context ctx) {
    ctx.json(os.catalog().listWorkflows().stream().map(w -> WorkflowSummaryResponse.of(w, os.dbId())).toList());
  }

  void getWorkflow(Context ctx) {
    WorkflowDef workflow = os.catalog().findWorkflow(ctx.pathParam("workflow_id"))
        .orElseThrow(() -> ApiException.notFound("Workflow not found"));
    ctx.json(WorkflowResponse.of(workflow, os.catalog(), os.dbId(), id -> AgentHandlers.tools(os, id)));
  }

  void workflowRuns(Context ctx) {
    os.catalog().findWorkflow(ctx.pathParam("workflow_id"))
        .orElseThrow(() -> ApiException.notFound("Workflow not found"));
    throw ApiException.notImplemented("Workflow runs are not available in this version of Agentry yet");
  }

  private TeamResponse team(TeamDef team) {
    return TeamResponse.of(team, os.catalog(), os.dbId(), id -> AgentHandlers.tools(os, id));
  }
}
