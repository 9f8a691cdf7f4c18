package dev.agentry.engine.tool.plugin;

import dev.agentry.engine.EngineException;
import dev.agentry.engine.hook.RunHook;
import dev.agentry.engine.tool.Extensions;
import dev.agentry.engine.tool.ToolHook;
import dev.agentry.engine.tool.ToolPlugin;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Spliterator;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the tool plugins and tool hooks of a plugins folder and of the classpath through {@link ServiceLoader}
 * ({@code META-INF/services/dev.agentry.engine.tool.ToolPlugin}, {@code ...ToolHook},
 * {@code dev.agentry.engine.hook.RunHook}): every {@code *.jar} of the
 * folder on one class loader whose parent is the engine's, so the classpath's own providers (an embedding
 * application's) are found too. A jar that cannot be read, a provider that cannot be loaded or whose constructor
 * throws, or a second provider of a name already taken is logged with its jar and skipped: loading never fails.
 */
public final class Plugins {
  private static final Logger LOG = LoggerFactory.getLogger(Plugins.class);
  /** Stops reading a broken services file whose errors would otherwise not end. */
  private static final int MAX_ERRORS = 1000;

  private Plugins() {}

  /**
   * Adds to {@code extensions} the plugins and hooks of the jars in {@code dir} (none when it does not exist) and of
   * the engine's classpath.
   *
   * @return what was added, in the order found
   */
  public static List<Loaded> load(Path dir, Extensions.Builder extensions) {
    ClassLoader engine = ToolPlugin.class.getClassLoader();
    Map<String, String> jarOfClass = new HashMap<>();
    List<URL> jars = jars(dir, jarOfClass);
    ClassLoader loader = jars.isEmpty() ? engine
        : new URLClassLoader("agentry-plugins", jars.toArray(URL[]::new), engine);
    List<Loaded> loaded = new ArrayList<>();
    for (ServiceLoader.Provider<ToolPlugin> provider : providers(ToolPlugin.class, loader, jarOfClass)) {
      String origin = origin(provider.type(), loader);
      try {
        ProviderSupplier supplier = new ProviderSupplier(provider);
        String name = supplier.get().name();
        extensions.plugin(name, supplier);
        loaded.add(new Loaded(name, "plugin", origin));
      } catch (EngineException | ServiceConfigurationError | LinkageError e) {
        LOG.warn("plugin {} of {} skipped: {}", provider.type().getName(), origin, e.getMessage());
      }
    }
    for (ServiceLoader.Provider<ToolHook> provider : providers(ToolHook.class, loader, jarOfClass)) {
      String origin = origin(provider.type(), loader);
      try {
        ToolHook hook = provider.get();
        extensions.hook(hook);
        loaded.add(new Loaded(hook.name(), "hook", origin));
      } catch (EngineException | ServiceConfigurationError | LinkageError e) {
        LOG.warn("tool hook {} of {} skipped: {}", provider.type().getName(), origin, message(e));
      }
    }
    for (ServiceLoader.Provider<RunHook> provider : providers(RunHook.class, loader, jarOfClass)) {
      String origin = origin(provider.type(), loader);
      try {
        RunHook hook = provider.get();
        extensions.runHook(hook);
        loaded.add(new Loaded(hook.name(), "run hook", origin));
      } catch (EngineException | ServiceConfigurationError | LinkageError e) {
        LOG.warn("run hook {} of {} skipped: {}", provider.type().getName(), origin, message(e));
      }
    }
    return List.copyOf(loaded);
  }

  /**
   * A plugin or hook found.
   *
   * @param kind {@code plugin}, {@code hook} (a tool hook) or {@code run hook}
   * @param origin the jar's file name, or {@code classpath}
   */
  public record Loaded(String name, String kind, String origin) {
    @Override
    public String toString() {
      return name + " (" + (kind.equals("hook") ? "tool hook, " : kind.equals("run hook") ? "run hook, " : "")
          + origin + ")";
    }
  }

  /** The readable jars of {@code dir}, in name order; records which jar lists each provider class. */
  private static List<URL> jars(Path dir, Map<String, String> jarOfClass) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<Path> files;
    try (Stream<Path> list = Files.list(dir)) {
      files = list.filter(p -> p.getFileName().toString().endsWith(".jar") && Files.isRegularFile(p)).sorted()
          .toList();
    } catch (IOException e) {
      LOG.warn("the plugins folder {} cannot be read: {}", dir, e.getMessage());
      return List.of();
    }
    List<URL> urls = new ArrayList<>();
    for (Path file : files) {
      try (JarFile jar = new JarFile(file.toFile())) {
        for (Class<?> service : List.of(ToolPlugin.class, ToolHook.class, RunHook.class)) {
          JarEntry entry = jar.getJarEntry("META-INF/services/" + service.getName());
          if (entry != null) {
            try (InputStream in = jar.getInputStream(entry)) {
              for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String name = line.replaceAll("#.*", "").strip();
                if (!name.isEmpty()) {
                  jarOfClass.putIfAbsent(name, file.getFileName().toString());
                }
              }
            }
          }
        }
        urls.add(file.toUri().toURL());
      } catch (IOException | SecurityException e) {
        LOG.warn("plugin jar {} skipped: it cannot be read ({})", file.getFileName(), e.getMessage());
      }
    }
    return urls;
  }

  /** The providers that can be loaded; each one that cannot is logged with its jar and skipped. */
  private static <S> List<ServiceLoader.Provider<S>> providers(Class<S> service, ClassLoader loader,
      Map<String, String> jarOfClass) {
    List<ServiceLoader.Provider<S>> providers = new ArrayList<>();
    Spliterator<ServiceLoader.Provider<S>> found;
    try {
      found = ServiceLoader.load(service, loader).stream().spliterator();
    } catch (ServiceConfigurationError e) {
      LOG.warn("no {} could be loaded: {}", service.getSimpleName(), e.getMessage());
      return providers;
    }
    for (int errors = 0; errors < MAX_ERRORS; ) {
      try {
        if (!found.tryAdvance(providers::add)) {
          break;
        }
      } catch (ServiceConfigurationError | LinkageError e) {
        errors++;
        LOG.warn("a {} of {} skipped: {}", service.getSimpleName(), jarIn(e, jarOfClass), message(e));
      }
    }
    return providers;
  }

  /** The jar whose provider an error names, as far as can be told. */
  private static String jarIn(Throwable e, Map<String, String> jarOfClass) {
    String message = String.valueOf(e.getMessage());
    return jarOfClass.entrySet().stream().filter(entry -> message.contains(entry.getKey()))
        .map(Map.Entry::getValue).findFirst().orElse("the plugins folder or classpath");
  }

  private static String origin(Class<?> type, ClassLoader plugins) {
    CodeSource source = type.getProtectionDomain().getCodeSource();
    if (type.getClassLoader() == plugins && plugins != ToolPlugin.class.getClassLoader() && source != null
        && source.getLocation() != null) {
      String path = source.getLocation().getPath();
      return path.substring(path.lastIndexOf('/') + 1);
    }
    return "classpath";
  }

  private static String message(Throwable e) {
    Throwable cause = e.getCause() != null ? e.getCause() : e;
    return cause.getMessage() == null ? cause.getClass().getName() : cause.toString();
  }

  /** A new instance per call, as each toolkit gets its own; a provider that fails is a toolkit error, not an Error. */
  private record ProviderSupplier(ServiceLoader.Provider<ToolPlugin> provider)
      implements java.util.function.Supplier<ToolPlugin> {
    @Override
    public ToolPlugin get() {
      try {
        return provider.get();
      } catch (ServiceConfigurationError e) {
        throw new EngineException("plugin " + provider.type().getName() + " cannot be created: " + message(e));
      }
    }
  }

}
