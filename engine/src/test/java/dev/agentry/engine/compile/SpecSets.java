package dev.agentry.engine.compile;

import dev.agentry.engine.spec.SpecLoader;
import dev.agentry.engine.spec.YamlReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Writes small spec sets to a folder and compiles them, for tests. */
final class SpecSets {
  private SpecSets() {}

  static SpecCompiler.Result compile(Path dir, Map<String, String> env, String... fileAndContent) {
    write(dir, fileAndContent);
    return SpecCompiler.create(SpecLoader.create(env::get, YamlReader.Limits.DEFAULT)).compile(dir);
  }

  static SpecCompiler.Result compile(Path dir, String... fileAndContent) {
    return compile(dir, Map.of(), fileAndContent);
  }

  static void write(Path dir, String... fileAndContent) {
    try {
      for (int i = 0; i < fileAndContent.length; i += 2) {
        Path file = dir.resolve(fileAndContent[i]);
        Files.createDirectories(file.getParent());
        Files.writeString(file, fileAndContent[i + 1]);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
