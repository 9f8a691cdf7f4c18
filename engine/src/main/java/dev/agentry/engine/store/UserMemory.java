package dev.agentry.engine.store;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A fact remembered about a user ({@code UserMemorySchema}).
 *
 * @param input the message the memory was made from, if any
 * @param createdAt epoch seconds
 * @param updatedAt epoch seconds
 */
public record UserMemory(
    String memoryId,
    String memory,
    List<String> topics,
    @Nullable String input,
    @Nullable String userId,
    @Nullable String agentId,
    @Nullable String teamId,
    long createdAt,
    long updatedAt) {
  public UserMemory {
    topics = List.copyOf(topics);
  }
}
