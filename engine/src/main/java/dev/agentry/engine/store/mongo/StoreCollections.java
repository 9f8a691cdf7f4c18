package dev.agentry.engine.store.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.BsonDocument;

/**
 * The backend's collections, named with the table prefix: sessions, runs (one document per run), memories, daily
 * metrics, knowledge contents, instance leases, cancel requests and the record of applied migrations.
 */
record StoreCollections(
    MongoCollection<BsonDocument> sessions,
    MongoCollection<BsonDocument> runs,
    MongoCollection<BsonDocument> memories,
    MongoCollection<BsonDocument> metrics,
    MongoCollection<BsonDocument> knowledge,
    MongoCollection<BsonDocument> instances,
    MongoCollection<BsonDocument> cancelRequests,
    MongoCollection<BsonDocument> schemaVersions) {
  static StoreCollections of(MongoDatabase database, String prefix) {
    return new StoreCollections(
        database.getCollection(prefix + "sessions", BsonDocument.class),
        database.getCollection(prefix + "runs", BsonDocument.class),
        database.getCollection(prefix + "memories", BsonDocument.class),
        database.getCollection(prefix + "metrics", BsonDocument.class),
        database.getCollection(prefix + "knowledge", BsonDocument.class),
        database.getCollection(prefix + "instances", BsonDocument.class),
        database.getCollection(prefix + "cancel_requests", BsonDocument.class),
        database.getCollection(prefix + "schema_versions", BsonDocument.class));
  }
}
