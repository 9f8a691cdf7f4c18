package dev.agentry.engine.store;

import dev.agentry.engine.store.postgres.PostgresSessionStore;
import java.time.Duration;

/**
 * The conformance suite on PostgreSQL ({@link TestPostgres}: embedded, or {@code AGENTRY_TEST_POSTGRES_URL}); each
 * test's tables have their own prefix.
 */
class PostgresSessionStoreTest extends SessionStoreContract {
  @Override
  protected SessionStore open(String tablePrefix) {
    return PostgresSessionStore.open(new StoreSettings(TestPostgres.url(), tablePrefix, 10, Duration.ofSeconds(5)));
  }
}
