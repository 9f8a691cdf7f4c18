package dev.agentry.server.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options that choose the spec set and its database, shared by {@code serve} and {@code run}; {@code validate} has {@code --plugins} too (a picocli mixin). */
final class SpecSetOptions {
  @Option(names = "--specs", defaultValue = "specs", paramLabel = "DIR", description = "Spec folder (default: specs)")
  Path specs;

  @Option(names = "--db", paramLabel = "URL", defaultValue = "${env:AGENTRY_DB_URL}",
      description = "Database: sqlite:PATH, postgresql://..., mongodb://... or memory: (default: $AGENTRY_DB_URL, "
          + "else the spec set's Database resource, else sqlite:./agentry.db)")
  String dbUrl;

  @Option(names = "--plugins", defaultValue = "plugins", paramLabel = "DIR",
      description = "Folder of plugin jars (tools and tool hooks in Java or Kotlin) (default: plugins)")
  Path plugins;
}
