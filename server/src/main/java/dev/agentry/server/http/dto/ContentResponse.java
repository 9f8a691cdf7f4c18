package dev.agentry.server.http.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.agentry.engine.store.KnowledgeContent;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A knowledge content as the knowledge routes return it ({@code ContentResponseSchema}, {@code agentos-api.md}
 * §2.9): {@code size} as a string, times as ISO-8601 UTC, null fields written out as Agno does.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ContentResponse(
    String id,
    @Nullable String name,
    @Nullable String description,
    @Nullable String type,
    @Nullable String size,
    @Nullable String linkedTo,
    @Nullable Map<String, Object> metadata,
    @Nullable Long accessCount,
    @Nullable String status,
    @Nullable String statusMessage,
    @Nullable String createdAt,
    @Nullable String updatedAt) {

  public static ContentResponse of(KnowledgeContent content) {
    return new ContentResponse(content.id(), content.name(), content.description(), content.type(),
        Long.toString(content.size()), content.linkedTo(), content.metadata(), content.accessCount(),
        content.status().key(), content.statusMessage(), time(content.createdAt()), time(content.updatedAt()));
  }

  /** What {@code DELETE /knowledge/content/{id}} answers: the id alone (Agno leaves out the null fields). */
  public static Map<String, Object> deleted(String id) {
    return Map.of("id", id);
  }

  private static String time(long epochSeconds) {
    return Instant.ofEpochSecond(epochSeconds).toString();
  }
}
