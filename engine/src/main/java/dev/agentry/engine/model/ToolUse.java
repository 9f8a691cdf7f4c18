package dev.agentry.engine.model;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One entry of an agent's or team's {@code tools} list: a builtin toolkit or a {@code Toolkit} resource (exactly one
 * of the two, as the schema requires), with options and the functions to keep or leave out.
 *
 * @param includeTools the functions to keep; null for all
 * @param excludeTools the functions to leave out; null for none
 */
public record ToolUse(
    @Nullable String builtin,
    @Nullable String toolkit,
    Map<String, Object> options,
    @Nullable List<String> includeTools,
    @Nullable List<String> excludeTools) {}
