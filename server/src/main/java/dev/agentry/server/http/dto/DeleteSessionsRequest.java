package dev.agentry.server.http.dto;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code DELETE /sessions} ({@code DeleteSessionRequest}, {@code agentos-api.md} §2.6): the ids to delete
 * and, position by position, their types ("agent", "team" or "workflow"). Both are required.
 */
public record DeleteSessionsRequest(@Nullable List<String> sessionIds, @Nullable List<String> sessionTypes) {}
