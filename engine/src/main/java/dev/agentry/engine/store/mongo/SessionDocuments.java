package dev.agentry.engine.store.mongo;

import com.mongodb.client.model.Projections;
import dev.agentry.engine.event.Metrics;
import dev.agentry.engine.store.Session;
import dev.agentry.engine.store.SessionType;
import dev.agentry.engine.store.internal.StoreJson;
import java.util.Map;
import java.util.Objects;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt64;
import org.bson.BsonInvalidOperationException;
import org.bson.BsonNull;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;

/**
 * A session as a document: its id as {@code _id}, the snake_case fields of the SQL backends at the top level (the
 * flexible ones as sub-documents), and a {@code revision} that every write increments, for optimistic updates.
 */
final class SessionDocuments {
  static final String REVISION = "revision";

  /**
   * The fields a read fetches, a projection. Besides fetching only what {@link #decode} reads, projecting matters on
   * mongo-java-server: without a projection it sends the stored document itself, after its lock is released, so a
   * concurrent write can tear the read (a new revision beside an old state) and defeat the optimistic update.
   */
  static final Bson FIELDS = Projections.include("session_type", "component_id", "user_id", "session_name",
      "session_state", "metadata", "summary", "metrics", "spec_version", "created_at", "updated_at", REVISION);

  private SessionDocuments() {}

  /** The document of {@code s} at {@code revision}. */
  static BsonDocument encode(Session s, long revision) {
    return new BsonDocument("_id", new BsonString(s.sessionId()))
        .append("session_type", new BsonString(s.sessionType().wireName()))
        .append("component_id", new BsonString(s.componentId()))
        .append("user_id", BsonTrees.string(s.userId()))
        .append("session_name", BsonTrees.string(s.sessionName()))
        .append("session_state", map(s.sessionState()))
        .append("metadata", map(s.metadata()))
        .append("summary", map(s.summary()))
        .append("metrics", metrics(s.metrics()))
        .append("spec_version", new BsonString(s.specVersion()))
        .append("created_at", new BsonInt64(s.createdAt()))
        .append("updated_at", new BsonInt64(s.updatedAt()))
        .append(REVISION, new BsonInt64(revision));
  }

  static Session decode(BsonDocument d) {
    String type = d.getString("session_type").getValue();
    return new Session(
        d.getString("_id").getValue(),
        SessionType.fromWireName(type).orElseThrow(() -> new BsonInvalidOperationException("unknown session type "
            + type)),
        d.getString("component_id").getValue(),
        BsonTrees.stringOrNull(d, "user_id"),
        BsonTrees.stringOrNull(d, "session_name"),
        Objects.requireNonNullElse(map(d, "session_state"), Map.of()),
        map(d, "metadata"),
        map(d, "summary"),
        metrics(d.getDocument("metrics", new BsonDocument())),
        d.getString("spec_version").getValue(),
        BsonTrees.longOf(d, "created_at"),
        BsonTrees.longOf(d, "updated_at"));
  }

  /** The stored revision; 0 for a document written before revisions were kept. */
  static long revision(BsonDocument d) {
    return BsonTrees.longOf(d, REVISION);
  }

  /** Every figure, zeros included (the codec's JSON leaves zeros out), so the session reads back field for field. */
  private static BsonDocument metrics(Metrics m) {
    return new BsonDocument("input_tokens", new BsonInt64(m.inputTokens()))
        .append("output_tokens", new BsonInt64(m.outputTokens()))
        .append("total_tokens", new BsonInt64(m.totalTokens()))
        .append("cache_read_tokens", new BsonInt64(m.cacheReadTokens()))
        .append("cache_write_tokens", new BsonInt64(m.cacheWriteTokens()))
        .append("reasoning_tokens", new BsonInt64(m.reasoningTokens()))
        .append("duration", new BsonDouble(m.duration()))
        .append("time_to_first_token", m.timeToFirstToken() == null ? BsonNull.VALUE
            : new BsonDouble(m.timeToFirstToken()));
  }

  private static Metrics metrics(BsonDocument d) {
    BsonValue ttft = d.get("time_to_first_token");
    return new Metrics(BsonTrees.longOf(d, "input_tokens"), BsonTrees.longOf(d, "output_tokens"),
        BsonTrees.longOf(d, "total_tokens"), BsonTrees.longOf(d, "cache_read_tokens"),
        BsonTrees.longOf(d, "cache_write_tokens"), BsonTrees.longOf(d, "reasoning_tokens"),
        d.containsKey("duration") ? d.getNumber("duration").doubleValue() : 0,
        ttft == null || ttft.isNull() ? null : ttft.asNumber().doubleValue());
  }

  private static BsonValue map(@Nullable Map<String, Object> map) {
    return map == null ? BsonNull.VALUE : BsonTrees.toDocument(StoreJson.tree(map));
  }

  private static @Nullable Map<String, Object> map(BsonDocument d, String key) {
    BsonValue value = d.get(key);
    return value == null || value.isNull() ? null : BsonTrees.toMap(value.asDocument());
  }
}
