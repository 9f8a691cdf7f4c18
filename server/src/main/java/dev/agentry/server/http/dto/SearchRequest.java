package dev.agentry.server.http.dto;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /knowledge/search} ({@code VectorSearchRequestSchema}, {@code agentos-api.md} §2.9):
 * {@code query} is required; {@code meta} pages the hits (20 a page, page 1, by default).
 */
public record SearchRequest(
    @Nullable String query,
    @Nullable String dbId,
    @Nullable String knowledgeId,
    @Nullable List<String> vectorDbIds,
    @Nullable String searchType,
    @Nullable Integer maxResults,
    @Nullable Map<String, Object> filters,
    @Nullable Meta meta) {

  /** Which page of the hits: {@code limit} (at least 1) a page, 1-based {@code page}. */
  public record Meta(@Nullable Integer limit, @Nullable Integer page) {}
}
