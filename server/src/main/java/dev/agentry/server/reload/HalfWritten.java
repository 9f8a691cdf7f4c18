package dev.agentry.server.reload;

import dev.agentry.engine.compile.SpecCompiler;
import dev.agentry.engine.model.Catalog;
import dev.agentry.engine.spec.Diagnostic;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * Tells whether a changed spec set looks like files still being written, which the watcher then leaves for later
 * instead of applying: a truncate-then-write save or a file written in two parts must not remove its resources or
 * report a syntax error for the moment in between.
 *
 * <p>A set looks half-written when a changed file is empty, when a changed file fails to parse on its last line
 * (it ends in the middle of a document), or when it compiles to a catalog that lacks a resource the live one has
 * (a file lost its resources, or was deleted). The watcher applies such a set anyway once it has stayed as it is
 * for the hold time: a file really emptied or deleted takes effect then.
 */
final class HalfWritten {
  private static final long MAX_READ = 16L << 20;

  private HalfWritten() {}

  /** Why the set looks half-written, or empty when it looks complete. */
  static Optional<String> reason(Set<Path> changed, SpecFiles files, SpecCompiler.Result result, Catalog live) {
    for (Path file : changed) {
      if (files.size(file) == 0) {
        return Optional.of(file + " is empty");
      }
    }
    Catalog next = result.catalog();
    if (next == null) {
      return result.diagnostics().stream()
          .filter(d -> d.severity() == Diagnostic.Severity.ERROR && d.code().equals("yaml-syntax"))
          .filter(d -> changed.contains(absolute(d.file())) && d.line() >= lines(absolute(d.file())))
          .findFirst().map(d -> d.file() + " ends in the middle of a document");
    }
    CatalogDiff diff = CatalogDiff.between(live, next);
    return diff.removed().isEmpty() ? Optional.empty()
        : Optional.of("the change would remove " + String.join(", ", diff.removed()));
  }

  private static Path absolute(String file) {
    return Path.of(file).toAbsolutePath().normalize();
  }

  /**
   * The number of lines of a file, the last one counted even without a line break; 0 when it is not a regular file
   * or cannot be read. Only files that reached the YAML parser get here, so reading stops at a bound well above its
   * size limit.
   */
  private static long lines(Path file) {
    if (!Files.isRegularFile(file)) {
      return 0;
    }
    try (InputStream in = Files.newInputStream(file)) {
      long breaks = 0;
      long read = 0;
      int last = '\n';
      byte[] buffer = new byte[8192];
      for (int n = in.read(buffer); n > 0 && read < MAX_READ; n = in.read(buffer)) {
        read += n;
        for (int i = 0; i < n; i++) {
          if (buffer[i] == '\n') {
            breaks++;
          }
        }
        last = buffer[n - 1];
      }
      return last == '\n' ? breaks : breaks + 1;
    } catch (IOException e) {
      return 0;
    }
  }
}
