package dev.agentry.engine.store.sql;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.agentry.engine.store.StoreSettings;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.TemplateEngine;
import org.jspecify.annotations.Nullable;

/**
 * An open SQL database: its connection pool, Jdbi over it, the dialect and the table names. Every call maps failures
 * to {@code StoreException}; the pool replaces broken connections by itself, so a store recovers once the database is
 * back.
 */
public final class SqlDatabase implements AutoCloseable {
  private final HikariDataSource pool;
  private final Jdbi jdbi;
  private final SqlDialect dialect;
  private final SqlTables tables;
  private final SqlFailures failures;
  private final @Nullable ReentrantLock writeLock;

  private SqlDatabase(HikariDataSource pool, SqlDialect dialect, SqlTables tables, SqlFailures failures) {
    this.pool = pool;
    this.jdbi = Jdbi.create(pool);
    this.jdbi.setTemplateEngine(TemplateEngine.NOP); // SQL is plain text with :named parameters, nothing else
    this.dialect = dialect;
    this.tables = tables;
    this.failures = failures;
    this.writeLock = dialect.singleWriter() ? new ReentrantLock() : null;
  }

  /**
   * Opens a pool on the connections {@code source} configures (its JDBC URL or data source), checks that the database
   * answers and applies the pending migrations.
   *
   * @param password the password in the settings' URL, if any, so that no message can echo it
   * @throws dev.agentry.engine.store.StoreException when the database cannot be reached (retryable) or migrated
   */
  public static SqlDatabase open(StoreSettings settings, SqlDialect dialect, @Nullable String password,
      Consumer<HikariConfig> source) {
    SqlFailures failures = new SqlFailures(settings.maskedUrl(), password, dialect);
    long timeout = Math.max(250, settings.connectionTimeout().toMillis());
    HikariConfig config = new HikariConfig();
    config.setPoolName("agentry-" + dialect.name());
    config.setMaximumPoolSize(settings.maxPoolSize());
    config.setMinimumIdle(Math.min(2, settings.maxPoolSize()));
    config.setConnectionTimeout(timeout);
    config.setValidationTimeout(Math.max(250, Math.min(5_000, timeout / 2)));
    config.setInitializationFailTimeout(timeout); // an unreachable database fails open() after this long
    source.accept(config);
    HikariDataSource pool;
    try {
      pool = new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw failures.atOpen(e);
    }
    SqlDatabase db = new SqlDatabase(pool, dialect, new SqlTables(settings.tablePrefix()), failures);
    try {
      db.jdbi.useTransaction(h -> SqlMigrations.apply(h, db.tables, dialect));
    } catch (JdbiException e) {
      pool.close();
      throw failures.atOpen(e);
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
    return db;
  }

  SqlDialect dialect() {
    return dialect;
  }

  SqlTables tables() {
    return tables;
  }

  /** Runs {@code callback} on a connection (each statement commits by itself). */
  <T> T with(HandleCallback<T, RuntimeException> callback) {
    try {
      return jdbi.withHandle(callback);
    } catch (JdbiException e) {
      throw failures.during(e);
    }
  }

  /** Runs {@code callback}, which writes, on a connection (each statement commits by itself). */
  <T> T write(HandleCallback<T, RuntimeException> callback) {
    return writing(() -> with(callback));
  }

  /** Runs {@code callback} in one transaction, rolled back if it throws. */
  <T> T inTransaction(HandleCallback<T, RuntimeException> callback) {
    return writing(() -> {
      try {
        return jdbi.inTransaction(callback);
      } catch (JdbiException e) {
        throw failures.during(e);
      }
    });
  }

  private <T> T writing(java.util.function.Supplier<T> work) {
    if (writeLock == null) {
      return work.get();
    }
    writeLock.lock();
    try {
      return work.get();
    } finally {
      writeLock.unlock();
    }
  }

  @Override
  public void close() {
    pool.close();
  }
}
