package dev.agentry.engine.compile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentry.engine.spec.Kind;
import dev.agentry.engine.spec.Resource;
import dev.agentry.engine.spec.Diagnostic;
import dev.agentry.engine.spec.SpecLoader;
import dev.agentry.engine.spec.YamlReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every file in {@code specs/} is a test fixture: the whole set validates against {@code schemas/} and compiles,
 * every YAML file declares at least one resource, and together they use every kind. The environment is empty, so
 * the examples work on a fresh machine with no API key set.
 */
class ExampleSpecsTest {
  static final Path SPECS = Path.of("../specs");

  @Test
  void the_example_set_compiles_with_no_diagnostic_but_the_warnings_for_fields_not_acted_on_yet() {
    SpecLoader loader = SpecLoader.create(name -> null, YamlReader.Limits.DEFAULT);
    SpecCompiler.Result result = SpecCompiler.create(loader).compile(SPECS);
    assertThat(result.diagnostics()).allSatisfy(d -> {
      assertThat(d.severity()).as(d.render(d.file())).isEqualTo(Diagnostic.Severity.WARNING);
      assertThat(d.code()).as(d.render(d.file())).isEqualTo("not-acted-on");
    });
    assertThat(result.ok()).isTrue();
  }

  @Test
  void every_yaml_file_declares_resources_and_every_kind_is_shown() throws IOException {
    SpecLoader.Loaded loaded = SpecLoader.create(name -> null, YamlReader.Limits.DEFAULT).load(SPECS);
    Set<Path> withResources = loaded.resources().stream()
        .map(r -> Path.of(r.file()).normalize())
        .collect(Collectors.toSet());
    try (Stream<Path> files = Files.walk(SPECS)) {
      files.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
          .forEach(file -> assertThat(withResources).as("%s declares a resource", file).contains(file.normalize()));
    }
    Map<Kind, Long> kinds = loaded.resources().stream()
        .collect(Collectors.groupingBy(Resource::kind, Collectors.counting()));
    assertThat(kinds.keySet()).containsExactlyInAnyOrder(Kind.values());
  }

  @Test
  void every_yaml_file_points_editors_at_the_schema() throws IOException {
    try (Stream<Path> files = Files.walk(SPECS)) {
      files.filter(p -> p.toString().endsWith(".yaml")).forEach(file -> {
        try {
          assertThat(Files.readString(file)).as(file.toString())
              .contains("# yaml-language-server: $schema=").contains("schemas/agentry.schema.json");
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
    }
  }
}
