package dev.agentry.engine.store;

import dev.agentry.engine.store.mongo.MongoSessionStore;
import dev.agentry.engine.store.mongo.MongoTestServer;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/**
 * The conformance suite on MongoDB: an in-process mongo-java-server started once for the class, or the real server
 * of {@code AGENTRY_TEST_MONGO_URL}.
 */
class MongoSessionStoreTest extends SessionStoreContract {
  private static MongoTestServer server;
  private final Set<String> prefixes = ConcurrentHashMap.newKeySet();

  @BeforeAll
  static void startServer() {
    server = MongoTestServer.start();
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @Override
  protected SessionStore open(String tablePrefix) {
    prefixes.add(tablePrefix);
    return MongoSessionStore.open(new StoreSettings(server.url(), tablePrefix, 10, Duration.ofSeconds(5)));
  }

  @AfterEach
  void dropCollections() {
    prefixes.forEach(server::dropCollections);
  }
}
