package dev.agentry.engine.tool.plugin;

import dev.agentry.engine.tool.ToolPlugin;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Builds plugin jars in tests: compiles Java sources against the engine's API and packs them with resources. */
public final class PluginJars {
  private PluginJars() {}

  /**
   * Writes {@code jar} with the classes compiled from {@code sources} (file path → text, e.g.
   * {@code "acme/Greeter.java"}) and the {@code resources} (path → text, e.g. a META-INF/services file).
   */
  public static Path build(Path jar, Map<String, String> sources, Map<String, String> resources) {
    try {
      Path work = Files.createTempDirectory("plugin-src");
      Path classes = Files.createDirectories(work.resolve("classes"));
      List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-classpath", classpath(),
          "--release", "21", "-proc:none"));
      for (Map.Entry<String, String> source : sources.entrySet()) {
        Path file = work.resolve("src").resolve(source.getKey());
        Files.createDirectories(file.getParent());
        Files.writeString(file, source.getValue());
        args.add(file.toString());
      }
      JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
      if (!sources.isEmpty() && javac.run(null, null, null, args.toArray(String[]::new)) != 0) {
        throw new IllegalStateException("the test plugin did not compile");
      }
      Files.createDirectories(jar.toAbsolutePath().getParent());
      try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
          Stream<Path> files = Files.walk(classes)) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          put(out, classes.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
        }
        for (Map.Entry<String, String> resource : resources.entrySet()) {
          put(out, resource.getKey(), resource.getValue().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
      }
      return jar;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void put(JarOutputStream out, String name, byte[] bytes) throws IOException {
    out.putNextEntry(new JarEntry(name));
    OutputStream entry = out;
    entry.write(bytes);
    out.closeEntry();
  }

  /** The engine's classes and the Jackson and JSpecify jars: what a plugin compiles against. */
  private static String classpath() {
    List<String> paths = new ArrayList<>();
    for (Class<?> type : List.of(ToolPlugin.class, tools.jackson.databind.JsonNode.class,
        tools.jackson.core.TreeNode.class, org.jspecify.annotations.Nullable.class)) {
      try {
        paths.add(Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
      } catch (URISyntaxException e) {
        throw new IllegalStateException(e);
      }
    }
    return String.join(java.io.File.pathSeparator, paths);
  }
}
