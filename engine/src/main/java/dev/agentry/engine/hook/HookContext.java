package dev.agentry.engine.hook;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What a {@link RunHook} is told about the run it runs in.
 *
 * @param options the hook's {@code options} as written in YAML (an empty object when none)
 * @param kind {@code agent} or {@code team}
 * @param componentId the id of the agent or team
 * @param runId the run's id
 * @param sessionId the session's id
 * @param userId the user's id, when the run has one
 * @param input the user's input as the model reads it (after the pre-hooks, in a post-hook)
 */
public record HookContext(
    JsonNode options,
    String kind,
    String componentId,
    String runId,
    String sessionId,
    @Nullable String userId,
    String input) {}
