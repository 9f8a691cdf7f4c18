package dev.agentry.engine.tool.mcp;

import dev.agentry.engine.tool.ToolDefinition;
import dev.agentry.engine.tool.Toolkit;
import dev.agentry.engine.tool.ToolkitKind;
import dev.agentry.engine.tool.ToolkitSettings;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code mcp:}: the tools of an MCP server. {@link #describe} only checks the settings (the tools are known once the
 * server is connected); {@link #open} starts or connects to the server, initializes it and lists its tools.
 */
public final class McpKind implements ToolkitKind {
  @Override
  public String key() {
    return "mcp";
  }

  @Override
  public @Nullable List<ToolDefinition> describe(ToolkitSettings settings) {
    McpSettings.of(settings);
    return null;
  }

  @Override
  public Toolkit open(ToolkitSettings settings) {
    return McpToolkit.open(McpSettings.of(settings));
  }
}
