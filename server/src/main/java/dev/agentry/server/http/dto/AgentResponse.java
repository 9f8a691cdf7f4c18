package dev.agentry.server.http.dto;

import dev.agentry.engine.model.AgentDef;
import dev.agentry.engine.run.Target;
import dev.agentry.engine.spec.AgentSpec;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * An agent as {@code GET /agents} and {@code GET /agents/{id}} show it (Agno's {@code AgentResponse},
 * {@code agentos-api.md} §2.2): the nested objects hold only the settings that differ from Agno's defaults, and are
 * left out when none does. {@code db_id} must be present: without it Agent UI turns its session features off.
 */
public record AgentResponse(
    String id,
    String name,
    String dbId,
    @Nullable String description,
    @Nullable String role,
    boolean isFactory,
    ModelResponse model,
    @Nullable Map<String, Object> tools,
    @Nullable Map<String, Object> sessions,
    @Nullable Map<String, Object> knowledge,
    @Nullable Map<String, Object> memory,
    @Nullable Map<String, Object> reasoning,
    @Nullable Map<String, Object> defaultTools,
    @Nullable Map<String, Object> systemMessage,
    @Nullable Map<String, Object> extraMessages,
    @Nullable Map<String, Object> responseSettings,
    @Nullable String introduction,
    @Nullable Map<String, Object> streaming,
    @Nullable Map<String, Object> metadata,
    @Nullable JsonNode inputSchema,
    boolean isComponent) implements MemberResponse {

  /** The agent's response, with the functions its model may call on the context's catalog. */
  public static AgentResponse of(AgentDef agent, ComponentContext context) {
    AgentSpec s = agent.spec();
    return new AgentResponse(agent.id(), agent.name(), agent.participant().db(), s.description(), s.role(), false,
        ModelResponse.of(agent.model()),
        Sections.tools(context.tools().apply(Target.agent(agent.id())), s.toolCallLimit(), s.toolChoice()),
        Sections.sessions(s.addHistoryToContext(), s.enableSessionSummaries(), s.numHistoryRuns(),
            s.searchSessionHistory(), s.numHistorySessions(), s.cacheSession()),
        Sections.knowledge(context.catalog(), agent.participant().knowledge(), s.knowledgeFilters(),
            s.enableAgenticKnowledgeFilters(), s.referencesFormat()),
        Sections.memory(s.memoryManager() != null, s.enableUserMemories(), s.enableAgenticMemory(), s.metadata()),
        Sections.reasoning(s.reasoning(), s.reasoningAgent(), s.reasoningMinSteps(), s.reasoningMaxSteps()),
        new Settings()
            .put("read_chat_history", s.readChatHistory(), false)
            .put("search_knowledge", s.searchKnowledge(), true)
            .put("update_knowledge", s.updateKnowledge(), false)
            .put("read_tool_call_history", s.readToolCallHistory(), false)
            .build(),
        Sections.systemMessage(s.systemMessage(), s.systemMessageRole(), s.buildContext(), s.description(),
            s.instructions(), s.expectedOutput(), s.additionalContext(), s.markdown(), s.addNameToContext(),
            s.addDatetimeToContext(), s.addLocationToContext(), s.timezoneIdentifier(), s.resolveInContext()),
        new Settings()
            .put("additional_input", s.additionalInput())
            .put("user_message_role", s.userMessageRole(), "user")
            .put("build_user_context", s.buildUserContext(), true)
            .build(),
        Sections.responseSettings(s.retries(), s.delayBetweenRetries(), s.exponentialBackoff(), agent.outputSchema(),
            s.parserModelPrompt(), s.parseResponse(), s.structuredOutputs(), s.useJsonMode(),
            s.saveResponseToFile()),
        s.introduction(),
        Sections.streaming(s.stream(), s.streamEvents(), null),
        s.metadata(), agent.inputSchema(), false);
  }
}
