package dev.agentry.server.http.dto;

import dev.agentry.engine.store.UserMemoryStats;
import java.time.Instant;

/**
 * One user's memory count as {@code GET /user_memory_stats} lists it ({@code UserStatsSchema},
 * {@code agentos-api.md} §2.7), with {@code last_memory_updated_at} as ISO-8601 UTC.
 */
public record UserMemoryStatsSchema(String userId, long totalMemories, String lastMemoryUpdatedAt) {
  public static UserMemoryStatsSchema of(UserMemoryStats stats) {
    return new UserMemoryStatsSchema(stats.userId(), stats.totalMemories(),
        Instant.ofEpochSecond(stats.lastMemoryUpdatedAt()).toString());
  }
}
