package dev.agentry.engine.run;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How an open toolkit of the current catalog is doing, for {@code /specs/status}.
 *
 * @param name the Toolkit resource's name (or the builtin's, for one listed inline)
 * @param kind the YAML key of its kind ({@code mcp}, {@code builtin}, ...)
 * @param failure why it is not open; null when it is
 * @param functions the names of its functions when open, in its order
 * @param warnings names its lists use that none of its functions has, when the functions are known only once it is
 *     open (an MCP server's)
 */
public record ToolkitStatus(String name, String kind, @Nullable String failure, List<String> functions,
    List<String> warnings) {
  /** True when its functions can be called. */
  public boolean isOpen() {
    return failure == null;
  }
}
