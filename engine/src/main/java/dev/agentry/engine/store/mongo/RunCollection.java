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
import dev.agentry.engine.store.RunQuery;
import dev.agentry.engine.store.internal.StoreJson;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
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

  RunCollection(MongoCollection<BsonDocument> runs) {
    this.runs = runs;
  }

  /**
   * Upserts the run unless it is stored with a final status. The filter matches the run only while it has not
   * ended; when it has, the upsert tries to insert a second document with the same {@code _id} and the unique index
   * refuses it (E11000), which leaves the ended run as it was. A duplicate key can also mean a concurrent first save
   * of the same run won the insert: then the next attempt updates it.
   */
  boolean save(RunOutput run) {
    Bson notEnded = Filters.and(Filters.eq("_id", run.runId()), Filters.nin("status", FINAL));
    Bson update = Updates.combine(
        Updates.set("session_id", run.sessionId()),
        Updates.set("user_id", BsonTrees.string(run.userId())),
        Updates.set("status", run.status().name()),
        Updates.set("created_at", run.createdAt()),
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
      BsonDocument stored = runs.find(Filters.eq("_id", run.runId())).projection(Projections.include("status"))
          .first();
      if (stored != null && FINAL.contains(stored.getString("status", new BsonString("")).getValue())) {
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

  /** Ends every RUNNING run as interrupted; a run that ends meanwhile keeps its own ending. */
  int markInterrupted() {
    int marked = 0;
    // read them all first: the cursor must not meet the documents it changes
    List<BsonDocument> running = runs.find(Filters.eq("status", RunStatus.RUNNING.name())).projection(RUN)
        .sort(ORDER).into(new ArrayList<>());
    for (BsonDocument d : running) {
      RunOutput ended = decode(d).interrupted();
      marked += (int) runs.updateOne(Filters.and(Filters.eq("_id", d.get("_id")),
              Filters.eq("status", RunStatus.RUNNING.name())),
          Updates.combine(Updates.set("status", ended.status().name()),
              Updates.set("run", BsonTrees.toDocument(StoreJson.runTree(ended))))).getMatchedCount();
    }
    return marked;
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
