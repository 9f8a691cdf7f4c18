package dev.agentry.engine.run;

import dev.agentry.engine.tool.Tool;
import dev.agentry.engine.tool.ToolContext;
import dev.agentry.engine.tool.ToolDefinition;
import dev.agentry.engine.tool.ToolResult;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A toolkit function whose successful results are kept for {@code cache_ttl} ({@code cache_results}): a call with the
 * same arguments within that time is answered from the toolkit's {@link ToolCache} without running the function.
 * Errors, retries and stops are never kept.
 */
record CachedTool(Tool tool, Duration ttl, ToolCache cache) implements Tool {
  /** {@code tools} answered from {@code cache} when {@code ttl} is set; as they are when it is null. */
  static List<Tool> wrap(List<Tool> tools, @Nullable Duration ttl, ToolCache cache) {
    if (ttl == null) {
      return tools;
    }
    return tools.stream().<Tool>map(tool -> new CachedTool(tool, ttl, cache)).toList();
  }

  @Override
  public ToolDefinition definition() {
    return tool.definition();
  }

  @Override
  public boolean blocking() {
    return tool.blocking();
  }

  @Override
  public ToolResult invoke(JsonNode arguments, ToolContext context) {
    String function = tool.definition().name();
    ToolResult kept = cache.find(function, arguments, ttl);
    if (kept != null) {
      return kept;
    }
    ToolResult result = tool.invoke(arguments, context);
    if (result.outcome() == ToolResult.Outcome.OK) {
      cache.put(function, arguments, result);
    }
    return result;
  }
}
