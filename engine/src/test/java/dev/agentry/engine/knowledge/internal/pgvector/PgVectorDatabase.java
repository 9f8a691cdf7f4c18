package dev.agentry.engine.knowledge.internal.pgvector;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.agentry.engine.store.postgres.PostgresUrl;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * The PostgreSQL with pgvector that {@code scripts/pgvector.sh} starts, named by {@code AGENTRY_PGVECTOR_URL}; tests
 * that need it are skipped, saying so, when it is not set.
 */
final class PgVectorDatabase {
  static final String ENV = "AGENTRY_PGVECTOR_URL";

  private PgVectorDatabase() {}

  /** The URL, or the calling test skipped with how to get one. */
  static String url() {
    String url = System.getenv(ENV);
    assumeTrue(url != null && !url.isBlank(), ENV + " is not set, so the pgvector tests are skipped: run "
        + "`source scripts/pgvector.sh` (installs and starts PostgreSQL with pgvector, as .ci/run does) first");
    return url;
  }

  /** A table name no other test uses. */
  static String newTable() {
    return "kt_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
  }

  static Connection connect() throws SQLException {
    PostgresUrl parsed = PostgresUrl.parse(url());
    return DriverManager.getConnection(parsed.jdbcUrl(), parsed.user(), parsed.password());
  }

  static void drop(String table) {
    try (Connection connection = connect(); Statement sql = connection.createStatement()) {
      sql.execute("DROP TABLE IF EXISTS " + PgTableName.of(table).sql());
    } catch (SQLException e) {
      throw new IllegalStateException("cannot drop test table " + table, e);
    }
  }
}
