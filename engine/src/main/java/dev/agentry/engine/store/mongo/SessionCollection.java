package dev.agentry.engine.store.mongo;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import dev.agentry.engine.store.Page;
import dev.agentry.engine.store.Session;
import dev.agentry.engine.store.SessionQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;

/**
 * The {@code {prefix}sessions} collection. Without transactions, each write is one single-document operation: create
 * is an insert that the unique {@code _id} refuses a second time, and an update is optimistic (compare the revision
 * read, replace with the next one, and start again when somebody wrote in between).
 */
final class SessionCollection {
  private static final Map<String, String> SORT_FIELDS = Map.of(
      "created_at", "created_at", "updated_at", "updated_at", "session_name", "session_name", "session_id", "_id");

  private final MongoCollection<BsonDocument> sessions;

  SessionCollection(MongoCollection<BsonDocument> sessions) {
    this.sessions = sessions;
  }

  Optional<Session> find(String sessionId) {
    return Optional.ofNullable(read(sessionId)).map(SessionDocuments::decode);
  }

  boolean create(Session session) {
    try {
      sessions.insertOne(SessionDocuments.encode(session, 1));
      return true;
    } catch (MongoException e) {
      if (MongoErrors.duplicateKey(e)) {
        return false;
      }
      throw e;
    }
  }

  /** Replaces the whole session (or inserts it), moving its revision on so pending optimistic updates start again. */
  void save(Session session) {
    BsonDocument doc = SessionDocuments.encode(session, 0);
    doc.remove("_id");
    doc.remove(SessionDocuments.REVISION);
    List<Bson> sets = new ArrayList<>();
    doc.forEach((field, value) -> sets.add(Updates.set(field, value)));
    Bson update = Updates.combine(Updates.combine(sets), Updates.inc(SessionDocuments.REVISION, 1L));
    Upserts.retrying(() -> sessions.updateOne(Filters.eq("_id", session.sessionId()), update,
        new UpdateOptions().upsert(true)));
  }

  Optional<Session> update(String sessionId, UnaryOperator<Session> change) {
    while (true) {
      BsonDocument stored = read(sessionId);
      if (stored == null) {
        return Optional.empty();
      }
      Session changed = change.apply(SessionDocuments.decode(stored));
      BsonValue seen = stored.get(SessionDocuments.REVISION); // null (matching a missing field) on old documents
      BsonDocument next = SessionDocuments.encode(changed, SessionDocuments.revision(stored) + 1);
      next.put("_id", stored.get("_id")); // the function may not change which session it is
      // no upsert: a session deleted meanwhile stays deleted, and the next read returns empty
      if (sessions.replaceOne(Filters.and(Filters.eq("_id", sessionId), Filters.eq(SessionDocuments.REVISION, seen)),
          next).getMatchedCount() == 1) {
        return Optional.of(SessionDocuments.decode(next));
      }
    }
  }

  private @Nullable BsonDocument read(String sessionId) {
    return sessions.find(Filters.eq("_id", sessionId)).projection(SessionDocuments.FIELDS).first();
  }

  boolean delete(String sessionId) {
    return sessions.deleteOne(Filters.eq("_id", sessionId)).getDeletedCount() == 1;
  }

  Page<Session> list(SessionQuery q) {
    List<Bson> filters = new ArrayList<>();
    if (q.type() != null) {
      filters.add(Filters.eq("session_type", q.type().wireName()));
    }
    if (q.componentId() != null) {
      filters.add(Filters.eq("component_id", q.componentId()));
    }
    if (q.userId() != null) {
      filters.add(Filters.eq("user_id", q.userId()));
    }
    if (q.sessionName() != null) {
      filters.add(Listing.containsIgnoringCase("session_name", q.sessionName()));
    }
    return Listing.page(sessions, Listing.allOf(filters), SessionDocuments.FIELDS, q.page(),
        SORT_FIELDS.get(q.page().sortBy()), SessionDocuments::decode);
  }
}
