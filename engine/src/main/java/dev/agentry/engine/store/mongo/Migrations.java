package dev.agentry.engine.store.mongo;

import com.mongodb.MongoException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import dev.agentry.engine.store.StoreException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.bson.BsonDocument;

/**
 * The backend's schema steps, numbered from 1 and applied in order at open; each applied version is recorded in
 * {@code {prefix}schema_versions} (one document per version, {@code _id} = the version). Every step is idempotent
 * (creating an existing index is a no-op) and the record is an upsert, so several processes opening one empty
 * database at once all succeed and the version is recorded once. Add a step at the end; never change a released one.
 */
final class Migrations {
  /** One numbered step. */
  record Step(int version, String description, Consumer<StoreCollections> apply) {}

  static final List<Step> STEPS = List.of(
      new Step(1, "indexes for every filter and sort", Migrations::v1Indexes),
      new Step(2, "runs typed by component, with their parent run", Migrations::v2RunComponents),
      new Step(3, "knowledge contents listed per knowledge", Migrations::v3KnowledgeContents),
      new Step(4, "runs owned by instances with leases", Migrations::v4Instances));

  private Migrations() {}

  /**
   * Applies the steps not yet recorded, in order.
   *
   * @throws StoreException when the database was migrated by a newer version, whose schema this one does not know
   */
  static void apply(StoreCollections c) {
    Set<Integer> applied = new HashSet<>();
    c.schemaVersions().find().projection(Projections.include("_id"))
        .forEach(d -> applied.add(d.getNumber("_id").intValue()));
    int latest = STEPS.getLast().version();
    int newest = applied.stream().mapToInt(Integer::intValue).max().orElse(0);
    if (newest > latest) {
      String name = c.schemaVersions().getNamespace().getCollectionName();
      throw new StoreException("the MongoDB collections prefixed '" + name.substring(0, name.indexOf("schema_versions"))
          + "' were migrated to version " + newest + " by a newer Agentry; this one knows versions up to " + latest,
          false);
    }
    for (Step step : STEPS) {
      if (applied.contains(step.version())) {
        continue;
      }
      step.apply().accept(c);
      record(c, step);
    }
  }

  private static void record(StoreCollections c, Step step) {
    try {
      c.schemaVersions().updateOne(Filters.eq("_id", step.version()),
          Updates.combine(Updates.setOnInsert("description", step.description()),
              Updates.setOnInsert("applied_at", Instant.now().getEpochSecond())),
          new UpdateOptions().upsert(true));
    } catch (MongoException e) {
      // a duplicate key: another process recorded the version between our match and our insert, which is fine
      if (!MongoErrors.duplicateKey(e)) {
        throw e;
      }
    }
  }

  private static void v1Indexes(StoreCollections c) {
    for (String field : List.of("session_type", "component_id", "user_id", "created_at", "updated_at")) {
      c.sessions().createIndex(Indexes.ascending(field));
    }
    c.runs().createIndex(Indexes.ascending("session_id", "seq"));
    c.runs().createIndex(Indexes.ascending("status"));
    c.runs().createIndex(Indexes.ascending("created_at"));
    c.memories().createIndex(Indexes.compoundIndex(Indexes.ascending("user_id"), Indexes.descending("updated_at")));
    c.memories().createIndex(Indexes.ascending("agent_id"));
    c.memories().createIndex(Indexes.ascending("team_id"));
    c.memories().createIndex(Indexes.ascending("topics"));
    c.metrics().createIndex(Indexes.ascending("date"), new IndexOptions().unique(true));
  }

  /**
   * Copies each stored run's component type, id and parent run to the top level, where filters read them. Runs
   * stored before teams ran have no kind in their JSON (and {@code agent_id} for the id): the store codec reads them
   * as agents' runs. Only documents without {@code component_type} are touched, so a second pass does nothing.
   */
  private static void v2RunComponents(StoreCollections c) {
    List<BsonDocument> untyped = c.runs().find(Filters.exists("component_type", false))
        .projection(Projections.include("run")).into(new ArrayList<>());
    for (BsonDocument d : untyped) {
      c.runs().updateOne(Filters.eq("_id", d.get("_id")), RunCollection.componentFields(RunCollection.decode(d)));
    }
    c.runs().createIndex(Indexes.ascending("component_type", "component_id", "seq"));
    c.runs().createIndex(Indexes.ascending("parent_run_id", "seq"));
  }

  /** The contents of one Knowledge ({@code linked_to}), newest first by default: one index serves both. */
  private static void v3KnowledgeContents(StoreCollections c) {
    c.knowledge().createIndex(Indexes.ascending("linked_to", "created_at"));
  }

  /**
   * Several instances on one database: runs are found by status and owner ({@code instance_id}, missing in runs
   * stored before), and leases by when they end.
   */
  private static void v4Instances(StoreCollections c) {
    c.runs().createIndex(Indexes.ascending("status", "instance_id"));
    c.instances().createIndex(Indexes.ascending("lease_until"));
  }
}
