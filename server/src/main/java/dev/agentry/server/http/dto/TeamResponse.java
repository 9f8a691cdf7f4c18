package dev.agentry.server.http.dto;

import dev.agentry.engine.model.Catalog;
import dev.agentry.engine.model.TeamDef;
import dev.agentry.engine.run.AgentTool;
import dev.agentry.engine.spec.TeamSpec;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A team as {@code GET /teams} and {@code GET /teams/{id}} show it (Agno's {@code TeamResponse},
 * {@code agentos-api.md} §2.3): the agent's settings objects, its {@code mode}, and its members with their full
 * responses (agents as {@link AgentResponse}, sub-teams as {@code TeamResponse}).
 */
public record TeamResponse(
    String id,
    String name,
    String dbId,
    @Nullable String description,
    @Nullable String role,
    String mode,
    ModelResponse model,
    @Nullable Map<String, Object> tools,
    @Nullable Map<String, Object> sessions,
    @Nullable Map<String, Object> knowledge,
    @Nullable Map<String, Object> memory,
    @Nullable Map<String, Object> reasoning,
    @Nullable Map<String, Object> defaultTools,
    @Nullable Map<String, Object> systemMessage,
    @Nullable Map<String, Object> responseSettings,
    @Nullable String introduction,
    @Nullable Map<String, Object> streaming,
    @Nullable List<MemberResponse> members,
    @Nullable Map<String, Object> metadata,
    @Nullable JsonNode inputSchema,
    boolean isFactory,
    boolean isComponent) implements MemberResponse {

  public TeamResponse {
    members = members == null ? null : List.copyOf(members);
  }

  /**
   * The team's response, its members' included (the compiler rejects cycles, so the recursion ends).
   *
   * @param tools the functions an agent's model may call, by agent id
   */
  public static TeamResponse of(TeamDef team, Catalog catalog, String dbId, Function<String, List<AgentTool>> tools) {
    TeamSpec s = team.spec();
    List<MemberResponse> members = team.members().stream().map(m -> member(m, catalog, dbId, tools)).toList();
    return new TeamResponse(team.id(), team.name(), dbId, s.description(), s.role(), ConfigResponse.mode(s),
        ModelResponse.of(team.model()),
        Sections.tools(List.of(), s.toolCallLimit(), s.toolChoice()),
        new Settings()
            .put("session_table", Sections.SESSION_TABLE)
            .put("add_history_to_context", s.addHistoryToContext(), false)
            .put("enable_session_summaries", s.enableSessionSummaries(), false)
            .put("num_history_runs", s.numHistoryRuns(), 3)
            .put("cache_session", s.cacheSession(), false)
            .build(),
        Sections.knowledge(s.knowledgeFilters(), s.enableAgenticKnowledgeFilters(), s.referencesFormat()),
        Sections.memory(s.memoryManager() != null, s.enableUserMemories(), s.enableAgenticMemory(), s.metadata()),
        Sections.reasoning(s.reasoning(), s.reasoningAgent(), s.reasoningMinSteps(), s.reasoningMaxSteps()),
        new Settings()
            .put("search_knowledge", s.searchKnowledge(), true)
            .put("read_chat_history", s.readChatHistory(), false)
            .put("get_member_information_tool", s.getMemberInformationTool(), false)
            .build(),
        new Settings()
            .put("system_message", s.systemMessage())
            .put("system_message_role", s.systemMessageRole(), "system")
            .put("description", s.description())
            .put("instructions", s.instructions())
            .put("expected_output", s.expectedOutput())
            .put("additional_context", s.additionalContext())
            .put("markdown", s.markdown(), false)
            .put("add_datetime_to_context", s.addDatetimeToContext(), false)
            .put("add_location_to_context", s.addLocationToContext(), false)
            .put("resolve_in_context", s.resolveInContext(), true)
            .build(),
        new Settings()
            .put("output_schema_name", Sections.schemaName(team.outputSchema()))
            .put("parser_model_prompt", s.parserModelPrompt())
            .put("parse_response", s.parseResponse(), true)
            .put("use_json_mode", s.useJsonMode(), false)
            .build(),
        s.introduction(),
        new Settings()
            .put("stream", s.stream())
            .put("stream_events", s.streamEvents(), false)
            .put("stream_member_events", s.streamMemberEvents(), false)
            .build(),
        members.isEmpty() ? null : members, s.metadata(), team.inputSchema(), false, false);
  }

  private static MemberResponse member(TeamDef.Member member, Catalog catalog, String dbId,
      Function<String, List<AgentTool>> tools) {
    return switch (member.kind()) {
      case AGENT -> AgentResponse.of(catalog.getAgent(member.id()), dbId, tools.apply(member.id()));
      case TEAM -> of(catalog.findTeam(member.id()).orElseThrow(), catalog, dbId, tools);
      case WORKFLOW, TOOLKIT, MODEL, KNOWLEDGE, DATABASE, AGENT_OS ->
          throw new IllegalStateException("a team member is an agent or a team, not a " + member.kind());
    };
  }
}
