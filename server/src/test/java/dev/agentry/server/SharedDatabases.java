package dev.agentry.server;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

/**
 * The databases several server instances of one test share: an embedded PostgreSQL and an in-process MongoDB
 * (mongo-java-server), each started once for the test run, with a fresh database per call so that tests never see
 * each other's runs or instance leases.
 */
final class SharedDatabases {
  private static @Nullable EmbeddedPostgres postgres;
  private static @Nullable MongoServer mongo;

  private SharedDatabases() {}

  /** The URL of a new, empty database on the embedded PostgreSQL. */
  static synchronized String postgres() {
    if (postgres == null) {
      try {
        postgres = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
      }
      EmbeddedPostgres server = postgres;
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          server.close();
        } catch (IOException e) {
          // the JVM is ending anyway
        }
      }));
    }
    String name = "cluster_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create a test database", e);
    }
    return "postgresql://postgres:not-checked@localhost:" + postgres.getPort() + "/" + name;
  }

  /** The URL of a new, empty database on the in-process MongoDB. */
  static synchronized String mongo() {
    if (mongo == null) {
      quiet("org.mongodb.driver");
      quiet("de.bwaldvogel.mongo");
      mongo = new MongoServer(new MemoryBackend());
      mongo.bind();
      MongoServer server = mongo;
      Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
    }
    InetSocketAddress address = mongo.getLocalAddress();
    return "mongodb://" + address.getHostString() + ":" + address.getPort() + "/cluster_"
        + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  /** The driver and the emulator log every command at DEBUG: too much for a test run. */
  private static void quiet(String logger) {
    if (LoggerFactory.getLogger(logger) instanceof Logger logback) {
      logback.setLevel(Level.INFO);
    }
  }
}
