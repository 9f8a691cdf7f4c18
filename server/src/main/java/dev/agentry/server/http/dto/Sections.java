package dev.agentry.server.http.dto;

import dev.agentry.engine.model.Catalog;
import dev.agentry.engine.model.KnowledgeDef;
import dev.agentry.engine.model.KnowledgeUse;
import dev.agentry.engine.run.AgentTool;
import dev.agentry.engine.store.StoreSettings;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** The nested settings objects that agents and teams share in Agno's component responses. */
final class Sections {
  static final String SESSION_TABLE = StoreSettings.DEFAULT_PREFIX + "sessions";
  static final String MEMORY_TABLE = StoreSettings.DEFAULT_PREFIX + "memories";

  private Sections() {}

  /** {@code tools}: the functions as the model sees them, {@code tool_call_limit} and {@code tool_choice}. */
  static @Nullable Map<String, Object> tools(List<AgentTool> tools, @Nullable Integer limit,
      @Nullable JsonNode choice) {
    return new Settings()
        .put("tools", tools.isEmpty() ? null : tools.stream().map(FunctionResponse::of).toList())
        .put("tool_call_limit", limit)
        .put("tool_choice", choice)
        .build();
  }

  /**
   * {@code sessions}. A team passes null for the past-session search, which Agno's team response does not show.
   */
  static @Nullable Map<String, Object> sessions(@Nullable Boolean addHistory, @Nullable Boolean summaries,
      @Nullable Integer historyRuns, @Nullable Boolean searchPast, @Nullable Integer pastSessions,
      @Nullable Boolean cache) {
    return new Settings()
        .put("session_table", SESSION_TABLE)
        .put("add_history_to_context", addHistory, false)
        .put("enable_session_summaries", summaries, false)
        .put("num_history_runs", historyRuns, 3)
        .put("search_past_sessions", searchPast, false)
        .put("num_past_sessions_to_search", pastSessions)
        .put("cache_session", cache, false)
        .build();
  }

  /**
   * {@code system_message}: what the system message is built from. A team passes null for {@code build_context},
   * {@code add_name_to_context} and {@code timezone_identifier}, which Agno's team response does not show.
   */
  static @Nullable Map<String, Object> systemMessage(@Nullable String message, @Nullable String role,
      @Nullable Boolean buildContext, @Nullable String description, @Nullable List<String> instructions,
      @Nullable String expectedOutput, @Nullable String additionalContext, @Nullable Boolean markdown,
      @Nullable Boolean addName, @Nullable Boolean addDatetime, @Nullable Boolean addLocation,
      @Nullable String timezone, @Nullable Boolean resolveInContext) {
    return new Settings()
        .put("system_message", message)
        .put("system_message_role", role, "system")
        .put("build_context", buildContext, true)
        .put("description", description)
        .put("instructions", instructions)
        .put("expected_output", expectedOutput)
        .put("additional_context", additionalContext)
        .put("markdown", markdown, false)
        .put("add_name_to_context", addName, false)
        .put("add_datetime_to_context", addDatetime, false)
        .put("add_location_to_context", addLocation, false)
        .put("timezone_identifier", timezone)
        .put("resolve_in_context", resolveInContext, true)
        .build();
  }

  /**
   * {@code response_settings}: retries and how the answer is parsed. A team passes null for the retries,
   * {@code structured_outputs} and {@code save_response_to_file}, which Agno's team response does not show.
   */
  static @Nullable Map<String, Object> responseSettings(@Nullable Integer retries, @Nullable Integer delay,
      @Nullable Boolean backoff, @Nullable JsonNode outputSchema, @Nullable String parserPrompt,
      @Nullable Boolean parse, @Nullable Boolean structured, @Nullable Boolean jsonMode,
      @Nullable String saveToFile) {
    return new Settings()
        .put("retries", retries, 0)
        .put("delay_between_retries", delay, 1)
        .put("exponential_backoff", backoff, false)
        .put("output_schema_name", schemaName(outputSchema))
        .put("parser_model_prompt", parserPrompt)
        .put("parse_response", parse, true)
        .put("structured_outputs", structured)
        .put("use_json_mode", jsonMode, false)
        .put("save_response_to_file", saveToFile)
        .build();
  }

  /** {@code streaming}. An agent passes null for {@code stream_member_events}, which only teams have. */
  static @Nullable Map<String, Object> streaming(@Nullable Boolean stream, @Nullable Boolean events,
      @Nullable Boolean memberEvents) {
    return new Settings()
        .put("stream", stream)
        .put("stream_events", events, false)
        .put("stream_member_events", memberEvents, false)
        .build();
  }

  /**
   * {@code knowledge}: with a Knowledge, the database and table of its contents ({@code db_id},
   * {@code knowledge_table}), then the settings that differ from Agno's defaults.
   */
  static @Nullable Map<String, Object> knowledge(Catalog catalog, KnowledgeUse use,
      @Nullable Map<String, Object> filters, @Nullable Boolean agenticFilters, @Nullable String referencesFormat) {
    KnowledgeDef def = use.knowledgeId() == null ? null : catalog.knowledge().get(use.knowledgeId());
    return new Settings()
        .put("db_id", def == null ? null : def.contentsDb())
        .put("knowledge_table", def == null ? null : knowledgeTable(catalog, def.contentsDb()))
        .put("enable_agentic_knowledge_filters", agenticFilters, false)
        .put("knowledge_filters", filters)
        .put("references_format", referencesFormat, "json")
        .build();
  }

  static @Nullable Map<String, Object> reasoning(@Nullable Boolean reasoning, @Nullable String agent,
      @Nullable Integer minSteps, @Nullable Integer maxSteps) {
    return new Settings()
        .put("reasoning", reasoning, false)
        .put("reasoning_agent_id", agent)
        .put("reasoning_min_steps", minSteps, 1)
        .put("reasoning_max_steps", maxSteps, 10)
        .build();
  }

  /** {@code memory}, only when the component has a memory manager (as Agno shows it). */
  static @Nullable Map<String, Object> memory(boolean manager, @Nullable Boolean userMemories,
      @Nullable Boolean agenticMemory, @Nullable Map<String, Object> metadata) {
    if (!manager && !Boolean.TRUE.equals(userMemories) && !Boolean.TRUE.equals(agenticMemory)) {
      return null;
    }
    return new Settings()
        .put("enable_agentic_memory", agenticMemory, false)
        .put("update_memory_on_run", userMemories, false)
        .put("enable_user_memories", userMemories)
        .put("metadata", metadata)
        .put("memory_table", Boolean.TRUE.equals(userMemories) ? MEMORY_TABLE : null)
        .build();
  }

  /** Agno's {@code output_schema_name}: the schema's {@code title}, else "JSONSchema"; null without a schema. */
  static @Nullable String schemaName(@Nullable JsonNode schema) {
    if (schema == null) {
      return null;
    }
    return schema.path("title").isString() ? schema.path("title").stringValue() : "JSONSchema";
  }

  /** The knowledge contents table of a database: its table prefix and {@code knowledge}. */
  static String knowledgeTable(Catalog catalog, String dbId) {
    return StoreSettings.of(catalog, dbId, null).tablePrefix() + "knowledge";
  }
}
