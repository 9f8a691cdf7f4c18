package dev.agentry.engine.tool;

import dev.agentry.engine.EngineException;
import dev.agentry.engine.hook.RunHook;
import dev.agentry.engine.tool.plugin.Plugins;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The registry of what can be plugged into the engine by name: the toolkit kinds by YAML key, the tool plugins by
 * {@code plugin:} name, the tool hooks by {@code tool_hooks} name. Immutable; the compiler checks specs against it and
 * the engine opens toolkits through it, so both must be given the same one. It also holds the run hooks YAML lists as
 * {@code pre_hooks}/{@code post_hooks} entries {@code plugin: NAME}.
 *
 * <pre>{@code
 * Extensions extensions = Extensions.builder().plugin(WeatherPlugin::new).build();
 * SpecCompiler.create(extensions).compile(root);
 * Engine.create(catalog, c -> c.extensions(extensions));
 * }</pre>
 */
public final class Extensions {
  private final Map<String, ToolkitKind> kinds;
  private final Map<String, Supplier<? extends ToolPlugin>> plugins;
  private final Map<String, ToolHook> hooks;
  private final Map<String, RunHook> runHooks;

  private Extensions(Builder builder) {
    this.runHooks = Collections.unmodifiableMap(new LinkedHashMap<>(builder.runHooks));
    this.kinds = Collections.unmodifiableMap(new LinkedHashMap<>(builder.kinds));
    this.plugins = Collections.unmodifiableMap(new LinkedHashMap<>(builder.plugins));
    this.hooks = Collections.unmodifiableMap(new LinkedHashMap<>(builder.hooks));
  }

  /** The toolkit kinds Agentry ships, and nothing else. */
  public static Extensions defaults() {
    return DEFAULTS;
  }

  private static final Extensions DEFAULTS = builder().build();

  /** A builder that starts with the toolkit kinds Agentry ships. */
  public static Builder builder() {
    return new Builder();
  }

  /** The kind registered under a YAML key, or null. */
  public @Nullable ToolkitKind kind(String key) {
    return kinds.get(key);
  }

  /** The YAML keys of the toolkit kinds, in registration order. */
  public Set<String> kindKeys() {
    return kinds.keySet();
  }

  /**
   * A new instance of the plugin named {@code name}, or null when there is none.
   *
   * @throws ToolkitException when the plugin's constructor fails
   */
  public @Nullable ToolPlugin newPlugin(String name) {
    Supplier<? extends ToolPlugin> supplier = plugins.get(name);
    if (supplier == null) {
      return null;
    }
    try {
      return supplier.get();
    } catch (RuntimeException | LinkageError e) {
      throw new ToolkitException("plugin '" + name + "' cannot be created: "
          + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
    }
  }

  /** The names of the tool plugins. */
  public Set<String> pluginNames() {
    return plugins.keySet();
  }

  /** The tool hook named {@code name}, or null. */
  public @Nullable ToolHook hook(String name) {
    return hooks.get(name);
  }

  /** The names of the tool hooks. */
  public Set<String> hookNames() {
    return hooks.keySet();
  }

  /** The run hook (a {@code pre_hooks}/{@code post_hooks} {@code plugin:}) named {@code name}, or null. */
  public @Nullable RunHook runHook(String name) {
    return runHooks.get(name);
  }

  /** The names of the run hooks. */
  public Set<String> runHookNames() {
    return runHooks.keySet();
  }

  /** Collects the extensions; starts with the kinds Agentry ships. */
  public static final class Builder {
    private final Map<String, ToolkitKind> kinds = new LinkedHashMap<>();
    private final Map<String, Supplier<? extends ToolPlugin>> plugins = new LinkedHashMap<>();
    private final Map<String, ToolHook> hooks = new LinkedHashMap<>();
    private final Map<String, RunHook> runHooks = new LinkedHashMap<>();

    private Builder() {
      ToolkitKinds.SHIPPED.forEach(this::kind);
    }

    /** Adds (or replaces) the toolkit kind of {@code kind.key()}. */
    public Builder kind(ToolkitKind kind) {
      kinds.put(kind.key(), kind);
      return this;
    }

    /**
     * Adds a tool plugin; {@code plugin} makes a new instance for each toolkit that uses it.
     *
     * @throws EngineException when another plugin has the same name
     */
    public Builder plugin(Supplier<? extends ToolPlugin> plugin) {
      return plugin(plugin.get().name(), plugin);
    }

    /**
     * Adds a tool plugin under {@code name} (its {@link ToolPlugin#name()}) without creating an instance now.
     *
     * @throws EngineException when another plugin has the same name
     */
    public Builder plugin(String name, Supplier<? extends ToolPlugin> plugin) {
      if (plugins.putIfAbsent(name, plugin) != null) {
        throw new EngineException("two plugins are named '" + name + "'");
      }
      return this;
    }

    /**
     * Adds the plugins and hooks found by {@link java.util.ServiceLoader} in the jars of {@code dir} (none when it
     * does not exist) and on the engine's classpath; one that cannot be loaded is logged and skipped.
     *
     * @return what was added, for the log
     */
    public List<Plugins.Loaded> loadPlugins(Path dir) {
      return Plugins.load(dir, this);
    }

    /**
     * Adds a tool hook.
     *
     * @throws EngineException when another hook has the same name
     */
    public Builder hook(ToolHook hook) {
      if (hooks.putIfAbsent(hook.name(), hook) != null) {
        throw new EngineException("two tool hooks are named '" + hook.name() + "'");
      }
      return this;
    }

    /**
     * Adds a run hook, for {@code pre_hooks} and {@code post_hooks} entries {@code plugin: NAME}.
     *
     * @throws EngineException when another run hook has the same name
     */
    public Builder runHook(RunHook hook) {
      if (runHooks.putIfAbsent(hook.name(), hook) != null) {
        throw new EngineException("two run hooks are named '" + hook.name() + "'");
      }
      return this;
    }

    public Extensions build() {
      return new Extensions(this);
    }
  }
}
