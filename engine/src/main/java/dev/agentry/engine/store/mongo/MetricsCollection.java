package dev.agentry.engine.store.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import dev.agentry.engine.store.DailyMetrics;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonInt64;
import org.bson.BsonString;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;

/**
 * The {@code {prefix}metrics} collection: one document per day, its ISO date ({@code 2026-11-20}) as {@code _id}, so
 * saving a day is an upsert by date and a range of days is a range of ids (ISO dates sort as they are written).
 */
final class MetricsCollection {
  private static final List<String> COUNTS = List.of("agent_runs_count", "agent_sessions_count", "team_runs_count",
      "team_sessions_count", "workflow_runs_count", "workflow_sessions_count", "users_count");

  private final MongoCollection<BsonDocument> metrics;

  MetricsCollection(MongoCollection<BsonDocument> metrics) {
    this.metrics = metrics;
  }

  void save(DailyMetrics day) {
    Upserts.replace(metrics, day.date().toString(), encode(day));
  }

  List<DailyMetrics> list(@Nullable LocalDate from, @Nullable LocalDate to) {
    List<Bson> filters = new ArrayList<>();
    if (from != null) {
      filters.add(Filters.gte("_id", from.toString()));
    }
    if (to != null) {
      filters.add(Filters.lte("_id", to.toString()));
    }
    List<DailyMetrics> days = new ArrayList<>();
    metrics.find(Listing.allOf(filters)).sort(Sorts.ascending("_id")).forEach(d -> days.add(decode(d)));
    return List.copyOf(days);
  }

  private static BsonDocument encode(DailyMetrics m) {
    long[] counts = {m.agentRunsCount(), m.agentSessionsCount(), m.teamRunsCount(), m.teamSessionsCount(),
        m.workflowRunsCount(), m.workflowSessionsCount(), m.usersCount()};
    BsonDocument doc = new BsonDocument("_id", new BsonString(m.date().toString()))
        .append("date", new BsonString(m.date().toString()));
    for (int i = 0; i < counts.length; i++) {
      doc.append(COUNTS.get(i), new BsonInt64(counts[i]));
    }
    BsonDocument tokens = new BsonDocument();
    m.tokenMetrics().forEach((k, v) -> tokens.append(k, new BsonInt64(v)));
    BsonArray models = new BsonArray();
    m.modelMetrics().forEach(c -> models.add(new BsonDocument("model_id", new BsonString(c.modelId()))
        .append("model_provider", new BsonString(c.modelProvider()))
        .append("count", new BsonInt64(c.count()))));
    return doc.append("token_metrics", tokens)
        .append("model_metrics", models)
        .append("created_at", new BsonInt64(m.createdAt()))
        .append("updated_at", new BsonInt64(m.updatedAt()));
  }

  private static DailyMetrics decode(BsonDocument d) {
    Map<String, Long> tokens = new LinkedHashMap<>();
    d.getDocument("token_metrics", new BsonDocument()).forEach((k, v) -> tokens.put(k, v.asNumber().longValue()));
    List<DailyMetrics.ModelCount> models = new ArrayList<>();
    d.getArray("model_metrics", new BsonArray()).forEach(v -> {
      BsonDocument c = v.asDocument();
      models.add(new DailyMetrics.ModelCount(c.getString("model_id").getValue(),
          c.getString("model_provider").getValue(), BsonTrees.longOf(c, "count")));
    });
    return new DailyMetrics(LocalDate.parse(d.getString("_id").getValue()),
        BsonTrees.longOf(d, COUNTS.get(0)), BsonTrees.longOf(d, COUNTS.get(1)), BsonTrees.longOf(d, COUNTS.get(2)),
        BsonTrees.longOf(d, COUNTS.get(3)), BsonTrees.longOf(d, COUNTS.get(4)), BsonTrees.longOf(d, COUNTS.get(5)),
        BsonTrees.longOf(d, COUNTS.get(6)), tokens, models,
        BsonTrees.longOf(d, "created_at"), BsonTrees.longOf(d, "updated_at"));
  }
}
