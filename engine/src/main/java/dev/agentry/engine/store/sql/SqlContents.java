package dev.agentry.engine.store.sql;

import dev.agentry.engine.store.KnowledgeContent;
import dev.agentry.engine.store.KnowledgeContent.ContentStatus;
import dev.agentry.engine.store.Page;
import dev.agentry.engine.store.PageRequest;
import dev.agentry.engine.store.internal.StoreJson;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Agno's knowledge table: one row per content of a Knowledge ({@code linked_to}), its metadata JSON, its status the
 * API's lowercase word. A save is one upsert by id, so it inserts or replaces the row as a whole.
 */
final class SqlContents {
  private static final List<String> COLUMNS = List.of("id", "name", "description", "metadata", "type", "size",
      "linked_to", "access_count", "status", "status_message", "created_at", "updated_at", "external_id");

  private final SqlDatabase db;
  private final String table;
  private final String upsert;
  private final Map<String, String> sortable;
  private final String id;

  SqlContents(SqlDatabase db) {
    this.db = db;
    this.table = db.tables().knowledge();
    SqlColumns columns = new SqlColumns(COLUMNS, Set.of("metadata"), db.dialect());
    this.upsert = columns.insert(table) + columns.onConflictUpdate("id");
    this.sortable = Map.of("created_at", "created_at", "updated_at", "updated_at", "name",
        db.dialect().binary("name"));
    this.id = db.dialect().binary("id");
  }

  Optional<KnowledgeContent> find(String contentId) {
    return db.with(h -> h.createQuery("SELECT * FROM " + table + " WHERE id = :id").bind("id", contentId)
        .map((rs, ctx) -> read(rs)).findOne());
  }

  void save(KnowledgeContent content) {
    db.write(h -> h.createUpdate(upsert).bindMap(values(content)).execute());
  }

  boolean delete(String contentId) {
    return db.write(h -> h.createUpdate("DELETE FROM " + table + " WHERE id = :id").bind("id", contentId)
        .execute()) > 0;
  }

  Page<KnowledgeContent> list(String linkedTo, PageRequest page) {
    KnowledgeContent.checkSortable(page);
    SqlWhere where = SqlWhere.create(db.dialect()).equal("linked_to", linkedTo);
    return db.with(h -> SqlPaging.page(h, table, where, page, sortable, id, (rs, ctx) -> read(rs)));
  }

  private static Map<String, Object> values(KnowledgeContent c) {
    Map<String, Object> values = new LinkedHashMap<>(); // allows nulls
    values.put("id", c.id());
    values.put("name", c.name());
    values.put("description", c.description());
    values.put("metadata", StoreJson.write(c.metadata()));
    values.put("type", c.type());
    values.put("size", c.size());
    values.put("linked_to", c.linkedTo());
    values.put("access_count", c.accessCount());
    values.put("status", c.status().key());
    values.put("status_message", c.statusMessage());
    values.put("created_at", c.createdAt());
    values.put("updated_at", c.updatedAt());
    values.put("external_id", c.externalId());
    return values;
  }

  /** A row as a content; the columns Agno leaves null read as empty, zero or processing. */
  private static KnowledgeContent read(ResultSet rs) throws SQLException {
    String status = rs.getString("status");
    return new KnowledgeContent(rs.getString("id"), text(rs, "linked_to"), rs.getString("name"),
        rs.getString("description"), metadata(rs.getString("metadata")), text(rs, "type"), rs.getLong("size"),
        status == null ? ContentStatus.PROCESSING : ContentStatus.ofKey(status), text(rs, "status_message"),
        rs.getLong("access_count"), rs.getString("external_id"), rs.getLong("created_at"),
        rs.getLong("updated_at"));
  }

  private static String text(ResultSet rs, String column) throws SQLException {
    return Objects.requireNonNullElse(rs.getString(column), "");
  }

  private static Map<String, Object> metadata(@Nullable String json) {
    return Objects.requireNonNullElse(StoreJson.readMap(json), Map.of());
  }
}
