package dev.agentry.engine.store.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import dev.agentry.engine.store.StoreException;
import dev.agentry.engine.store.StoreSettings;
import java.util.concurrent.TimeUnit;
import org.bson.Document;

/**
 * A connected client and its database: the URL's path names the database ({@code agentry} when it has none), the
 * settings' connection timeout bounds connecting and server selection, and its pool size the connection pool.
 */
record MongoConnection(MongoClient client, MongoDatabase database) {
  static final String DEFAULT_DATABASE = "agentry";

  /**
   * Connects and checks the server answers a {@code ping}.
   *
   * @throws StoreException retryable when the server cannot be reached within the connection timeout; not retryable
   *     when the URL is malformed or the credentials are refused
   */
  static MongoConnection open(StoreSettings settings) {
    ConnectionString url;
    try {
      url = new ConnectionString(settings.url());
    } catch (IllegalArgumentException e) { // its message may quote the URL, password included: mask it, drop the cause
      throw new StoreException("invalid MongoDB URL " + settings.maskedUrl() + ": "
          + StoreSettings.mask(String.valueOf(e.getMessage())), false);
    }
    long timeoutMs = Math.max(1, settings.connectionTimeout().toMillis());
    MongoClientSettings clientSettings = MongoClientSettings.builder()
        .applyConnectionString(url)
        .applyToClusterSettings(b -> b.serverSelectionTimeout(timeoutMs, TimeUnit.MILLISECONDS))
        .applyToSocketSettings(b -> b.connectTimeout(timeoutMs, TimeUnit.MILLISECONDS))
        .applyToConnectionPoolSettings(b -> b.maxSize(settings.maxPoolSize())
            .maxWaitTime(timeoutMs, TimeUnit.MILLISECONDS))
        .applicationName(url.getApplicationName() != null ? url.getApplicationName() : "agentry")
        .build();
    String name = url.getDatabase() != null ? url.getDatabase() : DEFAULT_DATABASE;
    MongoClient client = MongoClients.create(clientSettings);
    try {
      MongoDatabase database = client.getDatabase(name);
      database.runCommand(new Document("ping", 1));
      return new MongoConnection(client, database);
    } catch (MongoException e) {
      client.close();
      throw new MongoErrors(settings.maskedUrl()).translate("connect", e);
    } catch (RuntimeException e) {
      client.close();
      throw e;
    }
  }
}
