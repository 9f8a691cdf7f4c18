package dev.agentry.engine.store.sql;

import dev.agentry.engine.event.Metrics;
import dev.agentry.engine.store.Page;
import dev.agentry.engine.store.Session;
import dev.agentry.engine.store.SessionQuery;
import dev.agentry.engine.store.SessionType;
import dev.agentry.engine.store.StoreException;
import dev.agentry.engine.store.internal.StoreJson;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.jdbi.v3.core.Handle;

/**
 * The sessions table. Each row carries a revision, raised by every write: {@link #update} stores its result only if
 * the revision it read is still current, and otherwise reads again, so concurrent updates are never lost without
 * holding a lock while the change is computed.
 */
final class SqlSessions {
  private static final List<String> COLUMNS = List.of("session_id", "session_type", "component_id", "user_id",
      "session_name", "session_state", "metadata", "summary", "metrics", "spec_version", "created_at", "updated_at");

  private final SqlDatabase db;
  private final String table;
  private final String runs;
  private final SqlColumns columns;
  private final Map<String, String> sortable;

  /** A stored session and the revision it was read at. */
  private record Stored(Session session, long revision) {}

  SqlSessions(SqlDatabase db) {
    this.db = db;
    this.table = db.tables().sessions();
    this.runs = db.tables().runs();
    SqlDialect d = db.dialect();
    this.columns = new SqlColumns(COLUMNS, Set.of("session_state", "metadata", "summary", "metrics"), d);
    this.sortable = Map.of("created_at", "created_at", "updated_at", "updated_at",
        "session_name", d.binary("session_name"), "session_id", d.binary("session_id"));
  }

  Optional<Session> find(String sessionId) {
    return db.with(h -> stored(h, sessionId)).map(Stored::session);
  }

  boolean create(Session session) {
    return db.write(h -> h.createUpdate(columns.insert(table) + " ON CONFLICT (session_id) DO NOTHING")
        .bindMap(values(session)).execute()) > 0;
  }

  void save(Session session) {
    db.write(h -> h.createUpdate(columns.insert(table) + columns.onConflictUpdate("session_id")
        + ", revision = " + table + ".revision + 1").bindMap(values(session)).execute());
  }

  Optional<Session> update(String sessionId, UnaryOperator<Session> change) {
    String sql = "UPDATE " + table + " SET " + columns.assignments("session_id") + ", revision = revision + 1"
        + " WHERE session_id = :session_id AND revision = :revision";
    while (true) {
      Optional<Stored> stored = db.with(h -> stored(h, sessionId));
      if (stored.isEmpty()) {
        return Optional.empty();
      }
      Session changed = change.apply(stored.get().session());
      Map<String, Object> values = values(changed);
      values.put("session_id", sessionId);
      int written = db.write(h -> h.createUpdate(sql).bindMap(values)
          .bind("revision", stored.get().revision()).execute());
      if (written > 0) {
        return Optional.of(changed);
      }
    }
  }

  boolean delete(String sessionId) {
    return db.inTransaction(h -> {
      h.createUpdate("DELETE FROM " + runs + " WHERE session_id = :id").bind("id", sessionId).execute();
      return h.createUpdate("DELETE FROM " + table + " WHERE session_id = :id").bind("id", sessionId).execute() > 0;
    });
  }

  Page<Session> list(SessionQuery q) {
    SqlWhere where = SqlWhere.create(db.dialect())
        .equal("session_type", q.type() == null ? null : q.type().wireName())
        .equal("component_id", q.componentId())
        .equal("user_id", q.userId())
        .contains("session_name", q.sessionName());
    return db.with(h -> SqlPaging.page(h, table, where, q.page(), sortable, db.dialect().binary("session_id"),
        (rs, ctx) -> read(rs)));
  }

  private Optional<Stored> stored(Handle h, String sessionId) {
    return h.createQuery("SELECT * FROM " + table + " WHERE session_id = :id").bind("id", sessionId)
        .map((rs, ctx) -> new Stored(read(rs), rs.getLong("revision"))).findOne();
  }

  private static Map<String, Object> values(Session s) {
    Map<String, Object> values = new LinkedHashMap<>(); // allows nulls
    values.put("session_id", s.sessionId());
    values.put("session_type", s.sessionType().wireName());
    values.put("component_id", s.componentId());
    values.put("user_id", s.userId());
    values.put("session_name", s.sessionName());
    values.put("session_state", StoreJson.write(s.sessionState()));
    values.put("metadata", StoreJson.write(s.metadata()));
    values.put("summary", StoreJson.write(s.summary()));
    values.put("metrics", StoreJson.write(s.metrics()));
    values.put("spec_version", s.specVersion());
    values.put("created_at", s.createdAt());
    values.put("updated_at", s.updatedAt());
    return values;
  }

  private static Session read(ResultSet rs) throws SQLException {
    String type = rs.getString("session_type");
    String state = rs.getString("session_state");
    return new Session(rs.getString("session_id"),
        SessionType.fromWireName(type).orElseThrow(() -> new StoreException("unknown session type " + type, false)),
        rs.getString("component_id"), rs.getString("user_id"), rs.getString("session_name"),
        state == null ? Map.of() : StoreJson.readMap(state), StoreJson.readMap(rs.getString("metadata")),
        StoreJson.readMap(rs.getString("summary")), StoreJson.read(rs.getString("metrics"), Metrics.class),
        rs.getString("spec_version"), rs.getLong("created_at"), rs.getLong("updated_at"));
  }
}
