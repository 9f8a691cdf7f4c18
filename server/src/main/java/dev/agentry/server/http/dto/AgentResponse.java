package dev.agentry.server.http.dto;

import dev.agentry.engine.model.AgentDef;
import dev.agentry.engine.run.AgentTool;
import dev.agentry.engine.spec.AgentSpec;
import java.util.List;
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

  /**
   * The agent's response.
   *
   * @param tools the functions its model may call, as the model is told about them
   */
  public static AgentResponse of(AgentDef agent, String dbId, List<AgentTool> tools) {
    AgentSpec s = agent.spec();
    Map<String, Object> sessions = new Settings()
        .put("session_table", Sections.SESSION_TABLE)
        .put("add_history_to_context", s.addHistoryToContext(), false)
        .put("enable_session_summaries", s.enableSessionSummaries(), false)
        .put("num_history_runs", s.numHistoryRuns(), 3)
        .put("search_past_sessions", s.searchSessionHistory(), false)
        .put("num_past_sessions_to_search", s.numHistorySessions())
        .put("cache_session", s.cacheSession(), false)
        .build();
    Map<String, Object> systemMessage = new Settings()
        .put("system_message", s.systemMessage())
        .put("system_message_role", s.systemMessageRole(), "system")
        .put("build_context", s.buildContext(), true)
        .put("description", s.description())
        .put("instructions", s.instructions())
        .put("expected_output", s.expectedOutput())
        .put("additional_context", s.additionalContext())
        .put("markdown", s.markdown(), false)
        .put("add_name_to_context", s.addNameToContext(), false)
        .put("add_datetime_to_context", s.addDatetimeToContext(), false)
        .put("add_location_to_context", s.addLocationToContext(), false)
        .put("timezone_identifier", s.timezoneIdentifier())
        .put("resolve_in_context", s.resolveInContext(), true)
        .build();
    Map<String, Object> extraMessages = new Settings()
        .put("additional_input", s.additionalInput())
        .put("user_message_role", s.userMessageRole(), "user")
        .put("build_user_context", s.buildUserContext(), true)
        .build();
    Map<String, Object> responseSettings = new Settings()
        .put("retries", s.retries(), 0)
        .put("delay_between_retries", s.delayBetweenRetries(), 1)
        .put("exponential_backoff", s.exponentialBackoff(), false)
        .put("output_schema_name", Sections.schemaName(agent.outputSchema()))
        .put("parser_model_prompt", s.parserModelPrompt())
        .put("parse_response", s.parseResponse(), true)
        .put("structured_outputs", s.structuredOutputs())
        .put("use_json_mode", s.useJsonMode(), false)
        .put("save_response_to_file", s.saveResponseToFile())
        .build();
    return new AgentResponse(agent.id(), agent.name(), dbId, s.description(), s.role(), false,
        ModelResponse.of(agent.model()),
        Sections.tools(tools, s.toolCallLimit(), s.toolChoice()),
        sessions,
        Sections.knowledge(s.knowledgeFilters(), s.enableAgenticKnowledgeFilters(), s.referencesFormat()),
        Sections.memory(s.memoryManager() != null, s.enableUserMemories(), s.enableAgenticMemory(), s.metadata()),
        Sections.reasoning(s.reasoning(), s.reasoningAgent(), s.reasoningMinSteps(), s.reasoningMaxSteps()),
        new Settings()
            .put("read_chat_history", s.readChatHistory(), false)
            .put("search_knowledge", s.searchKnowledge(), true)
            .put("update_knowledge", s.updateKnowledge(), false)
            .put("read_tool_call_history", s.readToolCallHistory(), false)
            .build(),
        systemMessage, extraMessages, responseSettings, s.introduction(),
        new Settings().put("stream", s.stream()).put("stream_events", s.streamEvents(), false).build(),
        s.metadata(), agent.inputSchema(), false);
  }
}
