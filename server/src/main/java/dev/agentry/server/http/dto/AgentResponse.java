package dev.agentry.server.http.dto;

import dev.agentry.engine.model.AgentDef;
import dev.agentry.engine.model.ModelDef;
import dev.agentry.engine.spec.AgentSpec;
import dev.agentry.engine.store.StoreSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An agent as {@code GET /agents} shows it ({@code AgentResponse}, {@code agentos-api.md} §2.2): nested objects hold
 * only the settings the spec sets. {@code db_id} must be present: without it Agent UI turns its session features off.
 */
public record AgentResponse(
    String id,
    String name,
    String dbId,
    @Nullable String description,
    @Nullable String role,
    boolean isFactory,
    ModelInfo model,
    @Nullable Map<String, Object> sessions,
    @Nullable List<String> instructions,
    @Nullable Map<String, Object> metadata,
    boolean isComponent) {

  /** The model of an agent or team: {@code {name, model, provider}}. */
  public record ModelInfo(String name, String model, String provider) {
    public static ModelInfo of(ModelDef model) {
      return new ModelInfo(model.resource() != null ? model.resource() : model.modelId(), model.modelId(),
          model.provider());
    }
  }

  public static AgentResponse of(AgentDef agent, String dbId) {
    AgentSpec spec = agent.spec();
    Map<String, Object> sessions = new LinkedHashMap<>();
    sessions.put("session_table", StoreSettings.DEFAULT_PREFIX + "sessions");
    if (spec.addHistoryToContext() != null) {
      sessions.put("add_history_to_context", spec.addHistoryToContext());
    }
    if (spec.numHistoryRuns() != null) {
      sessions.put("num_history_runs", spec.numHistoryRuns());
    }
    Map<String, Object> metadata = spec.metadata() == null ? null : spec.metadata();
    return new AgentResponse(agent.id(), agent.name(), dbId, spec.description(), spec.role(), false,
        ModelInfo.of(agent.model()), sessions, spec.instructions(), metadata, false);
  }
}
