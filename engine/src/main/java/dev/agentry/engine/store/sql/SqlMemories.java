package dev.agentry.engine.store.sql;

import dev.agentry.engine.store.MemoryQuery;
import dev.agentry.engine.store.Page;
import dev.agentry.engine.store.PageRequest;
import dev.agentry.engine.store.SortOrder;
import dev.agentry.engine.store.UserMemory;
import dev.agentry.engine.store.UserMemoryStats;
import dev.agentry.engine.store.internal.StoreJson;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;

/** The user memories table, its topics a JSON array searched with the dialect's JSON array function. */
final class SqlMemories {
  private static final List<String> COLUMNS = List.of("memory_id", "memory", "topics", "input", "user_id",
      "agent_id", "team_id", "created_at", "updated_at");
  private static final TypeReference<List<String>> TOPICS = new TypeReference<>() {};

  private final SqlDatabase db;
  private final SqlDialect dialect;
  private final String table;
  private final String upsert;
  private final Map<String, String> sortable;

  SqlMemories(SqlDatabase db) {
    this.db = db;
    this.dialect = db.dialect();
    this.table = db.tables().memories();
    SqlColumns columns = new SqlColumns(COLUMNS, Set.of("topics"), dialect);
    this.upsert = columns.insert(table) + columns.onConflictUpdate("memory_id");
    this.sortable = Map.of("updated_at", "updated_at", "created_at", "created_at", "memory", dialect.binary("memory"),
        "memory_id", dialect.binary("memory_id"), "user_id", dialect.binary("user_id"));
  }

  Optional<UserMemory> find(String memoryId) {
    return db.with(h -> h.createQuery("SELECT * FROM " + table + " WHERE memory_id = :id").bind("id", memoryId)
        .map((rs, ctx) -> read(rs)).findOne());
  }

  void save(UserMemory memory) {
    db.write(h -> h.createUpdate(upsert).bindMap(values(memory)).execute());
  }

  boolean delete(String memoryId) {
    return db.write(h -> h.createUpdate("DELETE FROM " + table + " WHERE memory_id = :id").bind("id", memoryId)
        .execute()) > 0;
  }

  Page<UserMemory> list(MemoryQuery q) {
    SqlWhere where = SqlWhere.create(dialect)
        .equal("user_id", q.userId())
        .equal("agent_id", q.agentId())
        .equal("team_id", q.teamId())
        .contains("memory", q.searchContent())
        .anyOf(q.topics(), values -> "EXISTS (SELECT 1 FROM " + dialect.jsonArrayTexts("topics", "t")
            + " WHERE t.value IN (" + values + "))");
    return db.with(h -> SqlPaging.page(h, table, where, q.page(), sortable, dialect.binary("memory_id"),
        (rs, ctx) -> read(rs)));
  }

  /** Distinct topics, sorted here rather than by the database so that the order is Java's. */
  List<String> topics(@Nullable String userId) {
    SqlWhere where = SqlWhere.create(dialect).equal(table + ".user_id", userId);
    List<String> topics = db.with(h -> where.bind(h.createQuery("SELECT DISTINCT t.value FROM " + table + ", "
        + dialect.jsonArrayTexts(table + ".topics", "t") + where.sql())).mapTo(String.class).list());
    return List.copyOf(new TreeSet<>(topics));
  }

  /** Memory counts per user (users without an id left out), the most recently updated first, then by user id. */
  Page<UserMemoryStats> stats(@Nullable String userId, int page, int limit) {
    PageRequest request = PageRequest.of(page, limit, "last_memory_updated_at", SortOrder.DESC);
    SqlWhere where = SqlWhere.create(dialect).condition("user_id IS NOT NULL").equal("user_id", userId);
    return db.with(h -> {
      long total = where.bind(h.createQuery("SELECT COUNT(DISTINCT user_id) FROM " + table + where.sql()))
          .mapTo(Long.class).one();
      List<UserMemoryStats> items = SqlPaging.limit(where.bind(h.createQuery(
          "SELECT user_id, COUNT(*) AS total_memories, MAX(updated_at) AS last_updated FROM " + table + where.sql()
              + " GROUP BY user_id ORDER BY last_updated DESC, " + dialect.binary("user_id") + " DESC"
              + " LIMIT :limit OFFSET :offset")), request)
          .map((rs, ctx) -> new UserMemoryStats(rs.getString("user_id"), rs.getLong("total_memories"),
              rs.getLong("last_updated"))).list();
      return new Page<>(items, request.page(), request.limit(), total);
    });
  }

  private static Map<String, Object> values(UserMemory m) {
    Map<String, Object> values = new LinkedHashMap<>(); // allows nulls
    values.put("memory_id", m.memoryId());
    values.put("memory", m.memory());
    values.put("topics", StoreJson.write(m.topics()));
    values.put("input", m.input());
    values.put("user_id", m.userId());
    values.put("agent_id", m.agentId());
    values.put("team_id", m.teamId());
    values.put("created_at", m.createdAt());
    values.put("updated_at", m.updatedAt());
    return values;
  }

  private static UserMemory read(ResultSet rs) throws SQLException {
    return new UserMemory(rs.getString("memory_id"), rs.getString("memory"),
        StoreJson.read(rs.getString("topics"), TOPICS), rs.getString("input"), rs.getString("user_id"),
        rs.getString("agent_id"), rs.getString("team_id"), rs.getLong("created_at"), rs.getLong("updated_at"));
  }
}
