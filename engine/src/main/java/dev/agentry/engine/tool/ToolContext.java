package dev.agentry.engine.tool;

import dev.agentry.engine.llm.Cancellation;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The run a tool call belongs to.
 *
 * @param sessionState the run's session state; a tool may read it and change it (changes are saved with the run).
 *     Thread-safe: parallel calls of one run share it, so read-modify-write with {@code compute} or {@code merge}
 *     (each is atomic), not with a {@code get} then a {@code put}
 * @param cancellation thrown when the run is cancelled; long calls hook into it to stop early
 */
public record ToolContext(
    String runId,
    String sessionId,
    @Nullable String userId,
    Map<String, Object> sessionState,
    Cancellation cancellation) {}
