package dev.agentry.engine.store.sql;

import dev.agentry.engine.store.Page;
import dev.agentry.engine.store.PageRequest;
import dev.agentry.engine.store.SortOrder;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;

/**
 * One page of a listing with its total, ordered as the memory store orders: by the sort key, nulls first when
 * ascending and last when descending, then by id in the same direction so that equal keys page without repeats or
 * gaps.
 */
final class SqlPaging {
  private SqlPaging() {}

  /**
   * The rows of {@code table} matching {@code where}: the page asked for, and how many there are in all.
   *
   * @param sortable the SQL expression of each field the listing may be sorted by (the request's sort field reaches
   *     SQL only as a key of this map)
   * @param id the SQL expression of the id that breaks ties
   */
  static <T> Page<T> page(Handle handle, String table, SqlWhere where, PageRequest page,
      Map<String, String> sortable, String id, RowMapper<T> mapper) {
    long total = where.bind(handle.createQuery("SELECT COUNT(*) FROM " + table + where.sql()))
        .mapTo(Long.class).one();
    List<T> items = limit(where.bind(handle.createQuery("SELECT * FROM " + table + where.sql()
        + " ORDER BY " + orderBy(page, sortable, id) + " LIMIT :limit OFFSET :offset")), page)
        .map(mapper).list();
    return new Page<>(items, page.page(), page.limit(), total);
  }

  /** Binds {@code :limit} and {@code :offset} to the page's. */
  static Query limit(Query query, PageRequest page) {
    return query.bind("limit", page.limit()).bind("offset", page.offset());
  }

  private static String orderBy(PageRequest page, Map<String, String> sortable, String id) {
    String key = sortable.get(page.sortBy());
    if (key == null) {
      throw new IllegalArgumentException("cannot sort by '" + page.sortBy() + "'");
    }
    String direction = page.sortOrder() == SortOrder.ASC ? " ASC" : " DESC";
    String nulls = page.sortOrder() == SortOrder.ASC ? " NULLS FIRST" : " NULLS LAST";
    return key + direction + nulls + ", " + id + direction;
  }
}
