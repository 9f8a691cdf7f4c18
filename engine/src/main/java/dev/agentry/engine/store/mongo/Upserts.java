package dev.agentry.engine.store.mongo;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.BsonDocument;

/** Writes that may insert a document by {@code _id}, retried when a concurrent insert of the same id wins. */
final class Upserts {
  private Upserts() {}

  /** Replaces the document with {@code id}, inserting it when there is none. */
  static void replace(MongoCollection<BsonDocument> collection, String id, BsonDocument doc) {
    retrying(() -> collection.replaceOne(Filters.eq("_id", id), doc, new ReplaceOptions().upsert(true)));
  }

  /**
   * Runs an upsert, again when it fails with a duplicate key: two first saves of one id may both try to insert, and
   * the loser fails (servers retry such upserts themselves only in some cases); its second attempt finds the
   * document and updates it.
   */
  static void retrying(Runnable upsert) {
    for (int attempt = 1; ; attempt++) {
      try {
        upsert.run();
        return;
      } catch (MongoException e) {
        if (!MongoErrors.duplicateKey(e) || attempt == 3) {
          throw e;
        }
      }
    }
  }
}
