package dev.agentry.engine.event;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a paused run waits for, one per tool call, as Agno's {@code RunRequirement} ({@code agentos-api.md} §3.5).
 *
 * @param createdAt ISO-8601 time, as Agno writes it
 */
public record RunRequirement(
    String id,
    String createdAt,
    @Nullable Boolean confirmation,
    ToolExecution toolExecution,
    @Nullable List<ToolExecution.UserInputField> userInputSchema) {}
