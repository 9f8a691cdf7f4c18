package dev.agentry.server.http;

import dev.agentry.engine.model.TeamDef;
import dev.agentry.engine.model.WorkflowDef;
import dev.agentry.server.AgentOs;
import dev.agentry.server.http.dto.AgentResponse;
import dev.agentry.server.http.dto.ConfigResponse;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
    ctx.json(os.catalog().listWorkflows().stream().map(this::workflow).toList());
  }

  void getWorkflow(Context ctx) {
    ctx.json(workflow(os.catalog().findWorkflow(ctx.pathParam("workflow_id"))
        .orElseThrow(() -> ApiException.notFound("Workflow not found"))));
  }

  void workflowRuns(Context ctx) {
    os.catalog().findWorkflow(ctx.pathParam("workflow_id"))
        .orElseThrow(() -> ApiException.notFound("Workflow not found"));
    throw ApiException.notImplemented("Workflow runs are not available in this version of Agentry yet");
  }

  private Map<String, Object> team(TeamDef team) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", team.id());
    body.put("name", team.name());
    body.put("db_id", os.dbId());
    if (team.spec().description() != null) {
      body.put("description", team.spec().description());
    }
    body.put("mode", ConfigResponse.mode(team.spec()));
    body.put("model", AgentResponse.ModelInfo.of(team.model()));
    List<Map<String, Object>> members = team.members().stream()
        .map(m -> Map.<String, Object>of("id", m.id(), "type", m.kind().name().toLowerCase())).toList();
    body.put("members", members);
    body.put("is_component", false);
    return body;
  }

  private Map<String, Object> workflow(WorkflowDef workflow) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", workflow.id());
    body.put("name", workflow.name());
    body.put("db_id", os.dbId());
    if (workflow.spec().description() != null) {
      body.put("description", workflow.spec().description());
    }
    body.put("is_factory", false);
    body.put("is_component", false);
    return body;
  }
}
