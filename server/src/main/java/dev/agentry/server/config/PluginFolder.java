package dev.agentry.server.config;

import dev.agentry.engine.tool.Extensions;
import dev.agentry.engine.tool.plugin.Plugins;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The extensions of a server or CLI command: the toolkit kinds Agentry ships, plus the tool plugins and hooks of the
 * plugins folder ({@code --plugins DIR}) and of the classpath. Built once at start and given to both the compiler
 * (every compile and reload) and the engine.
 */
public final class PluginFolder {
  private static final Logger LOG = LoggerFactory.getLogger(PluginFolder.class);

  private PluginFolder() {}

  /** Loads the plugins of {@code dir} (none when it does not exist) and logs what was found. */
  public static Extensions load(Path dir) {
    Extensions.Builder builder = Extensions.builder();
    List<Plugins.Loaded> loaded = builder.loadPlugins(dir);
    if (!loaded.isEmpty()) {
      LOG.info("plugins: {}", String.join(", ", loaded.stream().map(Plugins.Loaded::toString).toList()));
    }
    return builder.build();
  }
}
