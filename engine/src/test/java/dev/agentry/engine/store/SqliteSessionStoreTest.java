package dev.agentry.engine.store;

import dev.agentry.engine.store.sqlite.SqliteSessionStore;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.io.TempDir;

/** The conformance suite on a SQLite file, one per class: each test's tables have their own prefix. */
class SqliteSessionStoreTest extends SessionStoreContract {
  @TempDir static Path dir;

  @Override
  protected SessionStore open(String tablePrefix) {
    return SqliteSessionStore.open(new StoreSettings("sqlite:" + dir.resolve("contract.db"), tablePrefix, 10,
        Duration.ofSeconds(5)));
  }
}
