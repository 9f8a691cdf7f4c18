package dev.agentry.engine.run;

import dev.agentry.engine.compile.SpecCompiler;
import dev.agentry.engine.model.Catalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a one-file spec set to a folder and compiles it, for engine tests. */
final class Specs {
  static final String HEADER = "apiVersion: agentry.dev/v1\n";

  private Specs() {}

  static Catalog compile(Path dir, String yaml) {
    try {
      Files.writeString(dir.resolve("specs.yaml"), yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return SpecCompiler.create().compile(dir).orThrow();
  }

  /** An agent named {@code agent} on a scripted model with the given script body (indented YAML). */
  static String agent(String agentSpec, String script) {
    return HEADER + """
        kind: Agent
        metadata: {name: agent}
        spec:
          model: script
        """ + indent(agentSpec, "  ") + "---\n" + HEADER + """
        kind: Model
        metadata: {name: script}
        spec:
          provider: scripted
          script:
        """ + indent(script, "    ");
  }

  static String indent(String text, String prefix) {
    return text.isBlank() ? "" : text.stripIndent().lines().map(l -> prefix + l).reduce("", (a, b) -> a + b + "\n");
  }
}
