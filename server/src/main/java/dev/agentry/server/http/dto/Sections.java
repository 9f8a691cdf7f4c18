package dev.agentry.server.http.dto;

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

  static @Nullable Map<String, Object> knowledge(@Nullable Map<String, Object> filters,
      @Nullable Boolean agenticFilters, @Nullable String referencesFormat) {
    return new Settings()
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
}
