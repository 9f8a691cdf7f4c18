package dev.agentry.engine.tool.plugin;

import dev.agentry.engine.tool.Tool;
import dev.agentry.engine.tool.ToolContext;
import dev.agentry.engine.tool.ToolDefinition;
import dev.agentry.engine.tool.ToolPlugin;
import dev.agentry.engine.tool.ToolResult;
import dev.agentry.engine.tool.Toolkit;
import dev.agentry.engine.tool.ToolkitException;
import dev.agentry.engine.tool.ToolkitKind;
import dev.agentry.engine.tool.ToolkitSettings;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/** {@code plugin: NAME}: the functions of a {@link ToolPlugin}, one instance per toolkit. */
public final class PluginKind implements ToolkitKind {
  private static final Logger LOG = LoggerFactory.getLogger(PluginKind.class);

  @Override
  public String key() {
    return "plugin";
  }

  @Override
  public List<ToolDefinition> describe(ToolkitSettings settings) {
    ToolPlugin plugin = plugin(settings);
    PluginOptions.check(plugin, settings.options());
    return functions(plugin, settings);
  }

  @Override
  public Toolkit open(ToolkitSettings settings) {
    ToolPlugin plugin = plugin(settings);
    PluginOptions.check(plugin, settings.options());
    try {
      plugin.open(settings.options());
    } catch (Exception e) {
      throw new ToolkitException("plugin '" + settings.text() + "' failed to open: " + e.getMessage());
    }
    List<Tool> tools = functions(plugin, settings).stream()
        .<Tool>map(definition -> new PluginTool(plugin, definition)).toList();
    return new Toolkit() {
      @Override
      public List<Tool> tools() {
        return tools;
      }

      @Override
      public void close() {
        try {
          plugin.close();
        } catch (Exception e) {
          LOG.warn("plugin '{}' of toolkit '{}' failed to close", settings.text(), settings.name(), e);
        }
      }
    };
  }

  /** The plugin's functions; a plugin that fails to list them is a toolkit error. */
  private static List<ToolDefinition> functions(ToolPlugin plugin, ToolkitSettings settings) {
    try {
      return List.copyOf(plugin.functions(settings.options()));
    } catch (RuntimeException e) {
      throw new ToolkitException("plugin '" + settings.text() + "' failed to list its functions: " + e.getMessage());
    }
  }

  private static ToolPlugin plugin(ToolkitSettings settings) {
    ToolPlugin plugin = settings.services().extensions().newPlugin(settings.text());
    if (plugin == null) {
      List<String> names = List.copyOf(settings.services().extensions().pluginNames());
      throw new ToolkitException("no plugin is named '" + settings.text() + "'"
          + (names.isEmpty() ? ": no plugins are loaded (put plugin jars in the plugins folder)"
              : "; the plugins are " + String.join(", ", names)));
    }
    return plugin;
  }

  /** One function of a plugin instance. */
  private record PluginTool(ToolPlugin plugin, ToolDefinition definition) implements Tool {
    @Override
    public ToolResult invoke(JsonNode arguments, ToolContext context) {
      try {
        return plugin.call(definition.name(), arguments, context);
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new ToolkitException(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
      }
    }
  }
}
