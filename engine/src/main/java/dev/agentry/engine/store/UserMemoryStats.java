package dev.agentry.engine.store;

/** How many memories a user has and when the last one changed ({@code GET /user_memory_stats}). */
public record UserMemoryStats(String userId, long totalMemories, long lastMemoryUpdatedAt) {}
