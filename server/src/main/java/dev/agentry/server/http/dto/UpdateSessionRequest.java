package dev.agentry.server.http.dto;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code PATCH /sessions/{id}} ({@code UpdateSessionRequest}, {@code agentos-api.md} §2.6): the fields
 * given replace the stored ones, the fields left out stay as they are.
 *
 * @param summary the session summary ({@code {"summary": ..., "topics": [...]}})
 */
public record UpdateSessionRequest(
    @Nullable String sessionName,
    @Nullable Map<String, Object> sessionState,
    @Nullable Map<String, Object> metadata,
    @Nullable Map<String, Object> summary) {}
