package dev.agentry.server.http.dto;

import dev.agentry.engine.model.TeamDef;
import dev.agentry.engine.run.Target;
import dev.agentry.engine.spec.TeamSpec;
import java.util.List;
import java.util.Map;
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

  /** The team's response, its members' included (the compiler rejects cycles, so the recursion ends). */
  public static TeamResponse of(TeamDef team, ComponentContext context) {
    TeamSpec s = team.spec();
    List<MemberResponse> members = team.members().stream().map(m -> member(m, context)).toList();
    // The nulls are the settings Agno's TeamResponse does not show (see Sections).
    return new TeamResponse(team.id(), team.name(), team.leader().db(), s.description(), s.role(), ConfigResponse.mode(s),
        ModelResponse.of(team.model()),
        Sections.tools(context.tools().apply(Target.team(team.id())), s.toolCallLimit(), s.toolChoice()),
        Sections.sessions(s.addHistoryToContext(), s.enableSessionSummaries(), s.numHistoryRuns(), null, null,
            s.cacheSession()),
        Sections.knowledge(context.catalog(), team.leader().knowledge(), s.knowledgeFilters(),
            s.enableAgenticKnowledgeFilters(), s.referencesFormat()),
        Sections.memory(s.memoryManager() != null, s.enableUserMemories(), s.enableAgenticMemory(), s.metadata()),
        Sections.reasoning(s.reasoning(), s.reasoningAgent(), s.reasoningMinSteps(), s.reasoningMaxSteps()),
        new Settings()
            .put("search_knowledge", s.searchKnowledge(), true)
            .put("read_chat_history", s.readChatHistory(), false)
            .put("get_member_information_tool", s.getMemberInformationTool(), false)
            .build(),
        Sections.systemMessage(s.systemMessage(), s.systemMessageRole(), null, s.description(), s.instructions(),
            s.expectedOutput(), s.additionalContext(), s.markdown(), null, s.addDatetimeToContext(),
            s.addLocationToContext(), null, s.resolveInContext()),
        Sections.responseSettings(null, null, null, team.outputSchema(), s.parserModelPrompt(), s.parseResponse(),
            null, s.useJsonMode(), null),
        s.introduction(),
        Sections.streaming(s.stream(), s.streamEvents(), s.streamMemberEvents()),
        members.isEmpty() ? null : members, s.metadata(), team.inputSchema(), false, false);
  }

  /** A member, from the context's catalog: the one its team was found in. */
  private static MemberResponse member(TeamDef.Member member, ComponentContext context) {
    return switch (member.kind()) {
      case AGENT -> AgentResponse.of(context.catalog().getAgent(member.id()), context);
      case TEAM -> of(context.catalog().findTeam(member.id()).orElseThrow(), context);
      case WORKFLOW ->
          throw new IllegalStateException("a team member is an agent or a team, not a " + member.kind());
    };
  }
}
