package dev.agentry.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The runtime reads compiled defs only: no class of the run package names anything of the spec package (an agent's
 * or team's spec, the spec kinds), so every default is applied once, by the compiler ({@code compile.Participants}).
 */
class RuntimeReadsNoSpecTest {
  @Test
  void no_runtime_class_reads_the_spec_package() throws IOException {
    Path run = Path.of("src/main/java/dev/agentry/engine/run");
    List<String> offenders;
    try (Stream<Path> files = Files.walk(run)) {
      offenders = files.filter(Files::isRegularFile).filter(f -> read(f).matches("(?s).*\\b(dev\\.agentry\\.engine\\.spec|AgentSpec|TeamSpec|ToolkitSpec)\\b.*"))
          .map(f -> f.getFileName().toString()).toList();
    }
    assertThat(offenders).isEmpty();
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
