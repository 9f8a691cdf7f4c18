package dev.agentry.server.http.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.agentry.engine.knowledge.Chunk;
import dev.agentry.engine.knowledge.SearchHit;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One hit of {@code POST /knowledge/search} ({@code VectorSearchResult}, {@code agentos-api.md} §2.9): the chunk's
 * id, text, content name and metadata. {@code reranking_score} stays null (Agno sets it only with a reranker, and it
 * must lie in [0, 1], which a BM25 or cosine score does not); {@code content_origin} is the chunk's {@code url}
 * metadata when it has one; {@code size} is the text's length in characters, as Agno's {@code Document.size}.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record VectorSearchResult(
    String id,
    String content,
    @Nullable String name,
    @Nullable Map<String, Object> metaData,
    @Nullable Map<String, Object> usage,
    @Nullable Double rerankingScore,
    @Nullable String contentId,
    @Nullable String contentOrigin,
    @Nullable Integer size) {

  public static VectorSearchResult of(SearchHit hit) {
    Chunk chunk = hit.chunk();
    Object url = chunk.metadata().get("url");
    return new VectorSearchResult(chunk.id(), chunk.content(), chunk.name(), chunk.metadata(), null, null,
        chunk.contentId(), url instanceof String origin ? origin : null, chunk.content().length());
  }
}
