package dev.agentry.server.http.dto;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /memories} and {@code PATCH /memories/{id}} ({@code UserMemoryCreateSchema},
 * {@code agentos-api.md} §2.7): {@code memory} is required; without {@code user_id} the request is refused.
 */
public record MemoryRequest(@Nullable String memory, @Nullable String userId, @Nullable List<String> topics) {}
