package dev.agentry.server.http.dto;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code DELETE /memories} ({@code DeleteMemoriesRequest}, {@code agentos-api.md} §2.7): at least one
 * memory id, and optionally the user they must belong to.
 */
public record DeleteMemoriesRequest(@Nullable List<String> memoryIds, @Nullable String userId) {}
