package dev.agentry.server.config;

import dev.agentry.engine.model.Catalog;
import dev.agentry.engine.store.StoreSettings;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Where the engine keeps its files (the embedded knowledge indexes, in {@code <folder>/knowledge/}): the folder of the
 * default database's SQLite file, else {@code ./data} under the working folder (a PostgreSQL, MongoDB or in-memory
 * default database).
 */
public final class DataFolder {
  private DataFolder() {}

  /**
   * @param dbUrl the database URL that overrides the spec set's, or null
   */
  public static Path choose(Catalog catalog, @Nullable String dbUrl) {
    String url = StoreSettings.choose(catalog, dbUrl).url();
    if (url.toLowerCase(Locale.ROOT).startsWith("sqlite:")) {
      String rest = url.substring("sqlite:".length());
      if (rest.startsWith("//")) {
        rest = rest.substring(2);
      }
      try {
        Path parent = Path.of(rest).toAbsolutePath().normalize().getParent();
        if (parent != null) {
          return parent;
        }
      } catch (InvalidPathException e) {
        // the store reports the bad URL; fall back to ./data here
      }
    }
    return Path.of("data");
  }
}
