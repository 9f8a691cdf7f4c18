package dev.agentry.engine.store.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import dev.agentry.engine.store.MemoryQuery;
import dev.agentry.engine.store.Page;
import dev.agentry.engine.store.PageRequest;
import dev.agentry.engine.store.SortOrder;
import dev.agentry.engine.store.UserMemory;
import dev.agentry.engine.store.UserMemoryStats;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonInt64;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;

/**
 * The {@code {prefix}memories} collection: one document per memory ({@code _id} = memory id), its topics an array
 * (a multikey index serves the any-of filter), per-user statistics computed by an aggregation.
 */
final class MemoryCollection {
  private static final Map<String, String> SORT_FIELDS = Map.of("updated_at", "updated_at", "created_at",
      "created_at", "memory", "memory", "memory_id", "_id", "user_id", "user_id");

  private final MongoCollection<BsonDocument> memories;

  MemoryCollection(MongoCollection<BsonDocument> memories) {
    this.memories = memories;
  }

  Optional<UserMemory> find(String memoryId) {
    return Optional.ofNullable(memories.find(Filters.eq("_id", memoryId)).first()).map(MemoryCollection::decode);
  }

  void save(UserMemory m) {
    Upserts.replace(memories, m.memoryId(), encode(m));
  }

  boolean delete(String memoryId) {
    return memories.deleteOne(Filters.eq("_id", memoryId)).getDeletedCount() == 1;
  }

  Page<UserMemory> list(MemoryQuery q) {
    List<Bson> filters = new ArrayList<>();
    if (q.userId() != null) {
      filters.add(Filters.eq("user_id", q.userId()));
    }
    if (q.agentId() != null) {
      filters.add(Filters.eq("agent_id", q.agentId()));
    }
    if (q.teamId() != null) {
      filters.add(Filters.eq("team_id", q.teamId()));
    }
    if (q.searchContent() != null && !q.searchContent().isEmpty()) {
      filters.add(Listing.containsIgnoringCase("memory", q.searchContent()));
    }
    if (!q.topics().isEmpty()) {
      filters.add(Filters.in("topics", q.topics()));
    }
    return Listing.page(memories, Listing.allOf(filters), null, q.page(), SORT_FIELDS.get(q.page().sortBy()),
        MemoryCollection::decode);
  }

  List<String> topics(@Nullable String userId) {
    Bson filter = userId == null ? new BsonDocument() : Filters.eq("user_id", userId);
    TreeSet<String> topics = new TreeSet<>();
    memories.distinct("topics", filter, BsonValue.class).forEach(t -> {
      if (t.isString()) {
        topics.add(t.asString().getValue());
      }
    });
    return List.copyOf(topics);
  }

  /** Per user: how many memories and the latest update, the most recent first (ties by user id, descending). */
  Page<UserMemoryStats> stats(@Nullable String userId, int page, int limit) {
    PageRequest request = PageRequest.of(page, limit, "last_updated_at", SortOrder.DESC);
    Bson match = Aggregates.match(userId == null ? Filters.ne("user_id", null) : Filters.eq("user_id", userId));
    Bson group = Aggregates.group("$user_id", Accumulators.sum("total", 1),
        Accumulators.max("last_updated_at", "$updated_at"));
    BsonDocument counted = memories.aggregate(List.of(match, group, Aggregates.count("users"))).first();
    long total = counted == null ? 0 : counted.getNumber("users").longValue();
    List<UserMemoryStats> items = new ArrayList<>();
    memories.aggregate(List.of(match, group,
            Aggregates.sort(Sorts.descending("last_updated_at", "_id")),
            Aggregates.skip((int) Math.min(Integer.MAX_VALUE, request.offset())),
            Aggregates.limit(limit)))
        .forEach(d -> items.add(new UserMemoryStats(d.getString("_id").getValue(),
            d.getNumber("total").longValue(), d.getNumber("last_updated_at").longValue())));
    return new Page<>(items, request.page(), limit, total);
  }

  private static BsonDocument encode(UserMemory m) {
    BsonArray topics = new BsonArray();
    m.topics().forEach(t -> topics.add(new BsonString(t)));
    return new BsonDocument("_id", new BsonString(m.memoryId()))
        .append("memory", new BsonString(m.memory()))
        .append("topics", topics)
        .append("input", BsonTrees.string(m.input()))
        .append("user_id", BsonTrees.string(m.userId()))
        .append("agent_id", BsonTrees.string(m.agentId()))
        .append("team_id", BsonTrees.string(m.teamId()))
        .append("created_at", new BsonInt64(m.createdAt()))
        .append("updated_at", new BsonInt64(m.updatedAt()));
  }

  private static UserMemory decode(BsonDocument d) {
    List<String> topics = new ArrayList<>();
    d.getArray("topics", new BsonArray()).forEach(t -> topics.add(t.asString().getValue()));
    return new UserMemory(d.getString("_id").getValue(), d.getString("memory").getValue(), topics,
        BsonTrees.stringOrNull(d, "input"), BsonTrees.stringOrNull(d, "user_id"),
        BsonTrees.stringOrNull(d, "agent_id"), BsonTrees.stringOrNull(d, "team_id"),
        BsonTrees.longOf(d, "created_at"), BsonTrees.longOf(d, "updated_at"));
  }
}
