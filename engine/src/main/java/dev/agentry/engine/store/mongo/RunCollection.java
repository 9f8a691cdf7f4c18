package dev.agentry.engine.store.mongo;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import dev.agentry.engine.event.RunStatus;
import dev.agentry.engine.run.RunOutput;
import dev.agentry.engine.store.InstanceLease;
import dev.agentry.engine.store.RunQuery;
import dev.agentry.engine.store.internal.StoreJson;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.conversions.Bson;

/**
 * The {@code {prefix}runs} collection: one document per run ({@code _id} = run id), never an array in the session.
 * The run itself is the sub-document {@code run} (the store codec's JSON as BSON); the fields that filters use are
 * copied to the top level (session, user, status, time, component type and id, parent run). {@code seq}, set only when the run is first inserted, orders a session's runs.
 */
final class RunCollection {
  private static final List<String> FINAL = Arrays.stream(RunStatus.values()).filter(RunStatus::isFinal)
      .map(RunStatus::name).toList();
  private static final Bson ORDER = Sorts.ascending("seq", "_id");
  /** Reads fetch the run alone (and, on mongo-java-server, get a copy taken under its lock: see SessionDocuments). */
  private static final Bson RUN = Projections.include("run");

  private final MongoCollection<BsonDocument> runs;
  private final MongoCollection<BsonDocument> cancelRequests;

  RunCollection(MongoCollection<BsonDocument> runs, MongoCollection<BsonDocument> cancelRequests) {
    this.runs = runs;
    this.cancelRequests = cancelRequests;
  }

  /**
   * Upserts the run unless it is stored with a final status. The filter matches the run only while it has not
   * ended; when it has, the upsert tries to insert a second document with the same {@code _id} and the unique index
   * refuses it (E11000), which leaves the ended run as it was. A duplicate key can also mean a concurrent first save
   * of the same run won the insert: then the next attempt updates it. A run another instance marked interrupted
   * ({@code interrupted_at} set) is replaced by its owner's save, whose ending is the truth.
   */
  boolean save(RunOutput run) {
    boolean saved = upsert(run);
    if (saved && run.status().isFinal()) {
      cancelRequests.deleteOne(Filters.eq("_id", run.runId()));
    }
    return saved;
  }

  private boolean upsert(RunOutput run) {
    Bson notEnded = Filters.and(Filters.eq("_id", run.runId()),
        Filters.or(Filters.nin("status", FINAL), Filters.exists("interrupted_at")));
    Bson update = Updates.combine(
        Updates.set("session_id", run.sessionId()),
        Updates.set("user_id", BsonTrees.string(run.userId())),
        Updates.set("status", run.status().name()),
        Updates.set("created_at", run.createdAt()),
        Updates.set("instance_id", BsonTrees.string(run.instanceId())),
        Updates.unset("interrupted_at"),
        componentFields(run),
        Updates.set("run", BsonTrees.toDocument(StoreJson.runTree(run))),
        Updates.setOnInsert("seq", RunSequence.next()));
    while (true) {
      try {
        runs.updateOne(notEnded, update, new UpdateOptions().upsert(true));
        return true;
      } catch (MongoException e) {
        if (!MongoErrors.duplicateKey(e)) {
          throw e;
        }
      }
      BsonDocument stored = runs.find(Filters.eq("_id", run.runId()))
          .projection(Projections.include("status", "interrupted_at")).first();
      if (stored != null && FINAL.contains(stored.getString("status", new BsonString("")).getValue())
          && !stored.containsKey("interrupted_at")) {
        return false;
      }
    }
  }

  Optional<RunOutput> find(String runId) {
    return Optional.ofNullable(runs.find(Filters.eq("_id", runId)).projection(RUN).first()).map(RunCollection::decode);
  }

  List<RunOutput> list(RunQuery q) {
    List<Bson> filters = new ArrayList<>();
    if (q.sessionId() != null) {
      filters.add(Filters.eq("session_id", q.sessionId()));
    }
    if (q.userId() != null) {
      filters.add(Filters.eq("user_id", q.userId()));
    }
    if (q.status() != null) {
      filters.add(Filters.eq("status", q.status().name()));
    }
    if (q.createdAfter() != null) {
      filters.add(Filters.gte("created_at", q.createdAfter()));
    }
    if (q.createdBefore() != null) {
      filters.add(Filters.lte("created_at", q.createdBefore()));
    }
    if (q.kind() != null) {
      filters.add(Filters.eq("component_type", q.kind().wireName()));
    }
    if (q.componentId() != null) {
      filters.add(Filters.eq("component_id", q.componentId()));
    }
    if (q.parentRunId() != null) {
      filters.add(Filters.eq("parent_run_id", q.parentRunId()));
    }
    if (q.topLevelOnly()) {
      filters.add(Filters.eq("parent_run_id", null)); // null or missing
    }
    Bson filter = Listing.allOf(filters);
    List<RunOutput> found = new ArrayList<>();
    if (q.latest() > 0) { // the newest n, read newest first, then turned back to oldest first
      runs.find(filter).projection(RUN).sort(Sorts.descending("seq", "_id")).limit(q.latest())
          .forEach(d -> found.add(decode(d)));
      Collections.reverse(found);
    } else {
      runs.find(filter).projection(RUN).sort(ORDER).forEach(d -> found.add(decode(d)));
    }
    return List.copyOf(found);
  }

  /**
   * Ends the RUNNING runs whose owner has no live lease at {@code now}, in one {@code updateMany} (each document
   * changed atomically; no transaction is needed): those without an owner, those of instances whose lease ended, and
   * those of instances never recorded, once a minute old (so that an instance recording its first lease while this
   * runs is not mistaken for a dead one). A run that ends meanwhile no longer matches and keeps its own ending.
   */
  int markInterrupted(Instant now, List<InstanceLease> instances) {
    List<String> ended = instances.stream().filter(l -> !l.liveAt(now)).map(InstanceLease::instanceId).toList();
    List<String> known = instances.stream().map(InstanceLease::instanceId).toList();
    Bson orphaned = Filters.and(Filters.eq("status", RunStatus.RUNNING.name()), Filters.or(
        Filters.eq("instance_id", null),
        Filters.in("instance_id", ended),
        Filters.and(Filters.nin("instance_id", known), Filters.lt("created_at", now.getEpochSecond() - 60))));
    List<Bson> changes = new ArrayList<>(List.of(Updates.set("status", RunStatus.ERROR.name()),
        Updates.set("interrupted_at", now.toEpochMilli())));
    StoreJson.interruptedFields().properties()
        .forEach(f -> changes.add(Updates.set("run." + f.getKey(), BsonTrees.toBson(f.getValue()))));
    List<String> marked = runs.find(orphaned).projection(Projections.include("_id"))
        .map(d -> d.getString("_id").getValue()).into(new ArrayList<>());
    int count = (int) runs.updateMany(orphaned, Updates.combine(changes)).getModifiedCount();
    if (!marked.isEmpty()) {
      cancelRequests.deleteMany(Filters.in("_id", marked));
    }
    return count;
  }

  /** Records a cancel request for a run not ended (RUNNING, PAUSED, PENDING); false when there is no such run. */
  boolean requestCancel(String runId, Instant now) {
    BsonDocument stored = runs.find(Filters.and(Filters.eq("_id", runId),
        Filters.nin("status", FINAL)))
        .projection(Projections.include("_id")).first();
    if (stored == null) {
      return false;
    }
    try {
      cancelRequests.updateOne(Filters.eq("_id", runId), Updates.setOnInsert("requested_at", now.toEpochMilli()),
          new UpdateOptions().upsert(true));
    } catch (MongoException e) {
      if (!MongoErrors.duplicateKey(e)) { // a concurrent request for the same run won the insert: requested
        throw e;
      }
    }
    return true;
  }

  /** Of {@code runIds}, those with a cancel request. */
  Set<String> cancelRequested(Collection<String> runIds) {
    if (runIds.isEmpty()) {
      return Set.of();
    }
    return Set.copyOf(cancelRequests.find(Filters.in("_id", runIds)).projection(Projections.include("_id"))
        .map(d -> d.getString("_id").getValue()).into(new ArrayList<>()));
  }

  void deleteOfSession(String sessionId) {
    runs.deleteMany(Filters.eq("session_id", sessionId));
  }

  /** The top-level copies of what the run is of: {@code component_type}, {@code component_id}, {@code parent_run_id}. */
  static Bson componentFields(RunOutput run) {
    return Updates.combine(
        Updates.set("component_type", run.kind().wireName()),
        Updates.set("component_id", run.componentId()),
        Updates.set("parent_run_id", BsonTrees.string(run.parentRunId())));
  }

  static RunOutput decode(BsonDocument d) {
    return StoreJson.readRun(BsonTrees.toTree(d.getDocument("run")));
  }
}
