package dev.agentry.engine.store.mongo;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

/**
 * The MongoDB the store tests use: the real server named by the environment variable {@value #URL_VARIABLE} when it
 * is set (point it at a database the tests may write to), else an in-process mongo-java-server with the memory
 * backend. Tests write under random collection prefixes and drop them afterwards.
 */
public final class MongoTestServer implements AutoCloseable {
  public static final String URL_VARIABLE = "AGENTRY_TEST_MONGO_URL";

  private final @Nullable MongoServer server;
  private final String url;
  private final MongoClient client;

  private MongoTestServer(@Nullable MongoServer server, String url) {
    this.server = server;
    this.url = url;
    this.client = MongoClients.create(url);
  }

  /** The real server of {@value #URL_VARIABLE}, or a new in-process one. */
  public static MongoTestServer start() {
    quiet("org.mongodb.driver");
    quiet("de.bwaldvogel.mongo");
    String real = System.getenv(URL_VARIABLE);
    if (real != null && !real.isBlank()) {
      return new MongoTestServer(null, real);
    }
    MongoServer server = new MongoServer(new MemoryBackend());
    InetSocketAddress address = server.bind();
    return new MongoTestServer(server, "mongodb://" + address.getHostString() + ":" + address.getPort()
        + "/agentry_test");
  }

  /** True when the tests run on the in-process emulator rather than a real server. */
  public boolean emulated() {
    return server != null;
  }

  public String url() {
    return url;
  }

  /** The database the URL names. */
  public MongoDatabase database() {
    String name = new ConnectionString(url).getDatabase();
    return client.getDatabase(name != null ? name : MongoConnection.DEFAULT_DATABASE);
  }

  /** Drops the collections whose names start with {@code prefix}. */
  public void dropCollections(String prefix) {
    MongoDatabase db = database();
    for (String name : db.listCollectionNames()) {
      if (name.startsWith(prefix)) {
        db.getCollection(name).drop();
      }
    }
  }

  /** The driver and the emulator log every command at DEBUG, whole documents included: too much for a test run. */
  private static void quiet(String logger) {
    if (LoggerFactory.getLogger(logger) instanceof Logger logback) {
      logback.setLevel(Level.INFO);
    }
  }

  @Override
  public void close() {
    client.close();
    if (server != null) {
      server.shutdownNow();
    }
  }
}
