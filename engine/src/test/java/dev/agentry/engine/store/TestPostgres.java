package dev.agentry.engine.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.jspecify.annotations.Nullable;

/**
 * The PostgreSQL server of the store tests: the one at {@code AGENTRY_TEST_POSTGRES_URL} ({@code postgresql://...})
 * when set, otherwise an embedded server started once for the whole test run and stopped when it ends.
 */
public final class TestPostgres {
  public static final String URL_VARIABLE = "AGENTRY_TEST_POSTGRES_URL";
  private static @Nullable EmbeddedPostgres embedded;

  private TestPostgres() {}

  /** The URL of the test server, starting the embedded one if needed. */
  public static synchronized String url() {
    String external = System.getenv(URL_VARIABLE);
    if (external != null && !external.isBlank()) {
      return external;
    }
    if (embedded == null) {
      embedded = start();
      EmbeddedPostgres server = embedded;
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          server.close();
        } catch (IOException e) {
          // the JVM is ending anyway
        }
      }));
    }
    return urlOf(embedded.getPort());
  }

  /** The URL of an embedded server on {@code port} (its user "postgres" is trusted: any password is accepted). */
  public static String urlOf(int port) {
    return "postgresql://postgres:not-checked@localhost:" + port + "/postgres";
  }

  private static EmbeddedPostgres start() {
    try {
      return EmbeddedPostgres.builder().start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
    }
  }
}
