package dev.agentry.server.http.dto;

import org.jspecify.annotations.Nullable;

/** The body of {@code POST /sessions/{id}/rename}: {@code {"session_name": str}} (required). */
public record RenameSessionRequest(@Nullable String sessionName) {}
