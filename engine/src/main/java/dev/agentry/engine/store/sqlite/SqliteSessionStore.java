package dev.agentry.engine.store.sqlite;

import dev.agentry.engine.store.StoreException;
import dev.agentry.engine.store.StoreSettings;
import dev.agentry.engine.store.sql.SqlDatabase;
import dev.agentry.engine.store.sql.SqlSessionStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import org.sqlite.SQLiteConfig;

/**
 * The SQLite store: one database file ({@code sqlite:./agentry.db}, the default), which several threads and
 * processes may share. WAL mode lets readers go on while one writes; writers wait for each other (busy timeout), and
 * every transaction begins IMMEDIATE, taking the write lock first, so that none fails half-way on a lock.
 */
public final class SqliteSessionStore extends SqlSessionStore {
  private static final int BUSY_TIMEOUT_MILLIS = 10_000;

  private SqliteSessionStore(SqlDatabase db) {
    super(db);
  }

  /**
   * Opens (creating it and its folders if needed) the file of {@code sqlite:PATH}, {@code sqlite://PATH} or
   * {@code sqlite:///ABSOLUTE/PATH}, a relative path being relative to the working directory, and migrates it.
   *
   * @throws StoreException when the file cannot be created, opened or migrated
   */
  public static SqliteSessionStore open(StoreSettings settings) {
    Path path = path(settings);
    try {
      Path folder = path.toAbsolutePath().getParent();
      if (folder != null) {
        Files.createDirectories(folder);
      }
    } catch (IOException e) {
      throw new StoreException("cannot create the folder of " + settings.maskedUrl() + ": " + e, false, e);
    }
    SQLiteConfig config = new SQLiteConfig();
    config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    SqliteSource source = new SqliteSource(config, "jdbc:sqlite:" + path.toAbsolutePath());
    return new SqliteSessionStore(SqlDatabase.open(settings, new SqliteDialect(), null,
        pool -> pool.setDataSource(source)));
  }

  /** The file named by the URL. */
  static Path path(StoreSettings settings) {
    String url = settings.url();
    if (!url.toLowerCase(Locale.ROOT).startsWith("sqlite:")) {
      throw new StoreException("not a SQLite URL: " + settings.maskedUrl(), false);
    }
    String rest = url.substring("sqlite:".length());
    if (rest.startsWith("//")) {
      rest = rest.substring(2);
    }
    if (rest.isBlank() || rest.startsWith(":memory:") || rest.startsWith("file:")) {
      throw new StoreException("the SQLite URL " + settings.maskedUrl() + " must name a file, as in "
          + "sqlite:./agentry.db (for a store in memory, use memory:)", false);
    }
    try {
      return Path.of(rest);
    } catch (InvalidPathException e) {
      throw new StoreException("the SQLite URL " + settings.maskedUrl() + " is not a valid path: "
          + e.getMessage(), false, e);
    }
  }
}
