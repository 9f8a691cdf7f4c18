package dev.agentry.engine.tool;

import dev.agentry.engine.tool.builtin.BuiltinKind;
import dev.agentry.engine.tool.builtin.FunctionsKind;
import dev.agentry.engine.tool.mcp.McpKind;
import dev.agentry.engine.tool.http.HttpKind;
import dev.agentry.engine.tool.openapi.OpenApiKind;
import dev.agentry.engine.tool.plugin.PluginKind;
import java.util.List;

/** The toolkit kinds Agentry ships, one line each; {@link Extensions#builder()} starts with them. */
final class ToolkitKinds {
  static final List<ToolkitKind> SHIPPED = List.of(
      new BuiltinKind(),
      new FunctionsKind(),
      new McpKind(),
      new HttpKind(),
      new OpenApiKind(),
      new PluginKind());

  private ToolkitKinds() {}
}
