package dev.agentry.engine.store.postgres;

import dev.agentry.engine.store.StoreSettings;
import dev.agentry.engine.store.sql.SqlDatabase;
import dev.agentry.engine.store.sql.SqlSessionStore;

/**
 * The PostgreSQL store: a pool of connections to one server, shared by every run, which several Agentry processes
 * may use at once. Losing the server makes calls fail with a retryable {@code StoreException}; the pool reconnects by
 * itself once the server is back.
 */
public final class PostgresSessionStore extends SqlSessionStore {
  private PostgresSessionStore(SqlDatabase db) {
    super(db);
  }

  /**
   * Connects to {@code postgresql://user:password@host:port/database?params} (or {@code postgres://}) and migrates
   * the tables.
   *
   * @throws dev.agentry.engine.store.StoreException when the server cannot be reached within the settings' connection
   *     timeout (retryable), refuses the credentials, or the tables cannot be migrated
   */
  public static PostgresSessionStore open(StoreSettings settings) {
    PostgresUrl url = PostgresUrl.parse(settings);
    long connectSeconds = Math.max(1, (settings.connectionTimeout().toMillis() + 999) / 1000);
    return new PostgresSessionStore(SqlDatabase.open(settings, new PostgresDialect(), url.password(), pool -> {
      pool.setJdbcUrl(url.jdbcUrl());
      if (url.user() != null) {
        pool.setUsername(url.user());
      }
      if (url.password() != null) {
        pool.setPassword(url.password());
      }
      pool.addDataSourceProperty("connectTimeout", String.valueOf(connectSeconds));
      pool.addDataSourceProperty("ApplicationName", "agentry");
      pool.addDataSourceProperty("tcpKeepAlive", "true");
    }));
  }
}
