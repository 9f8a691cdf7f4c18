package dev.agentry.engine.compile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentry.engine.spec.Diagnostic;
import dev.agentry.engine.spec.SpecLoader;
import dev.agentry.engine.spec.YamlReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One golden file per class of diagnostic (errors, and the warnings of a valid set): YAML above the {@value #SEPARATOR} line, the exact rendered
 * diagnostics below it. The YAML part is written to a folder under the golden file's name and compiled the way
 * {@code agentry validate} does; the output must match line for line.
 *
 * <p>To add a case, write the YAML and an empty expected part, run the test, and paste the reviewed output.
 */
class GoldenDiagnosticsTest {
  static final String SEPARATOR = "#### expected diagnostics ####";
  static final Path GOLDEN = Path.of("src/test/resources/golden");
  /** The environment the golden files see: one variable set, everything else unset. */
  static final Map<String, String> ENV = Map.of("AGENTRY_TEST_TOKEN", "s3cr3t-value");

  static Stream<Path> goldenFiles() throws IOException {
    try (Stream<Path> files = Files.list(GOLDEN)) {
      return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goldenFiles")
  void prints_exactly_the_golden_diagnostics(Path golden, @TempDir Path dir) throws IOException {
    String text = Files.readString(golden, StandardCharsets.UTF_8);
    int split = text.indexOf(SEPARATOR);
    assertThat(split).as("%s has a '%s' line", golden, SEPARATOR).isPositive();
    String name = golden.getFileName().toString();
    Files.writeString(dir.resolve(name), text.substring(0, split), StandardCharsets.UTF_8);
    List<String> expected = text.substring(split + SEPARATOR.length()).strip().lines().toList();

    SpecCompiler compiler = SpecCompiler.create(SpecLoader.create(ENV::get, YamlReader.Limits.DEFAULT));
    SpecCompiler.Result result = compiler.compile(dir);

    List<String> actual = result.diagnostics().stream()
        .map(d -> d.render(dir.relativize(Path.of(d.file())).toString()))
        .toList();
    assertThat(actual).as("diagnostics of %s", name).containsExactlyElementsOf(expected);
    boolean errors = expected.stream().anyMatch(line -> line.contains(": error: "));
    assertThat(result.ok()).as("a set with only warnings is valid").isEqualTo(!errors);
  }
}
