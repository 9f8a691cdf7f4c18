package dev.agentry.server.http.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.agentry.engine.store.UserMemory;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A user memory as the memory routes return it ({@code UserMemorySchema}, {@code agentos-api.md} §2.7):
 * {@code updated_at} as ISO-8601 UTC, and null fields written out as {@code null}, as Agno does.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record UserMemorySchema(
    String memoryId,
    String memory,
    List<String> topics,
    @Nullable String agentId,
    @Nullable String teamId,
    @Nullable String userId,
    String updatedAt) {
  public UserMemorySchema {
    topics = List.copyOf(topics);
  }

  public static UserMemorySchema of(UserMemory memory) {
    return new UserMemorySchema(memory.memoryId(), memory.memory(), memory.topics(), memory.agentId(),
        memory.teamId(), memory.userId(), Instant.ofEpochSecond(memory.updatedAt()).toString());
  }
}
