package dev.agentry.engine.store.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import dev.agentry.engine.store.InstanceLease;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.BsonDocument;

/**
 * The {@code {prefix}instances} collection: one lease per engine instance ({@code _id} = instance id, {@code url},
 * {@code started_at} and {@code lease_until} in epoch milliseconds). A dropped lease keeps its document, ended
 * ({@code lease_until} 0).
 */
final class InstanceCollection {
  private final MongoCollection<BsonDocument> instances;

  InstanceCollection(MongoCollection<BsonDocument> instances) {
    this.instances = instances;
  }

  void renew(InstanceLease lease) {
    instances.updateOne(Filters.eq("_id", lease.instanceId()), Updates.combine(
            Updates.set("url", BsonTrees.string(lease.url())),
            Updates.set("lease_until", lease.until().toEpochMilli()),
            Updates.setOnInsert("started_at", lease.startedAt().toEpochMilli())),
        new UpdateOptions().upsert(true));
  }

  void drop(String instanceId) {
    instances.updateOne(Filters.eq("_id", instanceId), Updates.set("lease_until", 0L));
  }

  List<InstanceLease> live(Instant now) {
    return instances.find(Filters.gt("lease_until", now.toEpochMilli())).sort(Sorts.ascending("started_at", "_id"))
        .map(InstanceCollection::decode).into(new ArrayList<>());
  }

  /** Every instance recorded, live or not. */
  List<InstanceLease> all() {
    return instances.find().map(InstanceCollection::decode).into(new ArrayList<>());
  }

  private static InstanceLease decode(BsonDocument d) {
    return new InstanceLease(d.getString("_id").getValue(), BsonTrees.stringOrNull(d, "url"),
        Instant.ofEpochMilli(BsonTrees.longOf(d, "started_at")), Instant.ofEpochMilli(BsonTrees.longOf(d, "lease_until")));
  }
}
