package dev.agentry.engine.model;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How an agent or a team's leader uses its Knowledge, compiled with defaults applied.
 *
 * @param knowledgeId the Knowledge resource id, or null: no knowledge (every flag is then off)
 * @param search {@code search_knowledge}: a {@code search_knowledge_base} tool (agentic RAG; Agno's default is on
 *     when knowledge is set)
 * @param addToContext {@code add_knowledge_to_context}: references added to the user message (classic RAG)
 * @param filters {@code knowledge_filters} applied to every search
 * @param agenticFilters {@code enable_agentic_knowledge_filters}: the model may pass filters to the search tool
 * @param update {@code update_knowledge}: an {@code add_to_knowledge} tool
 * @param referencesFormat {@code references_format}: "json" or "yaml"
 */
public record KnowledgeUse(
    @Nullable String knowledgeId,
    boolean search,
    boolean addToContext,
    Map<String, Object> filters,
    boolean agenticFilters,
    boolean update,
    String referencesFormat) {
  public static final KnowledgeUse NONE = new KnowledgeUse(null, false, false, Map.of(), false, false, "json");

  public KnowledgeUse {
    filters = Map.copyOf(filters);
  }

  public boolean enabled() {
    return knowledgeId != null;
  }
}
