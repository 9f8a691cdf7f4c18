package dev.agentry.server.http.dto;

import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /optimize-memories} ({@code OptimizeMemoriesRequest}, {@code agentos-api.md} §2.7):
 * {@code user_id} is required, {@code model} is "provider:model_id", {@code apply} defaults to true.
 */
public record OptimizeMemoriesRequest(@Nullable String userId, @Nullable String model, @Nullable Boolean apply) {}
