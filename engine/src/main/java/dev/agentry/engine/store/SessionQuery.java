package dev.agentry.engine.store;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The filters, order and page of a session listing ({@code GET /sessions}); a null filter matches everything.
 *
 * @param sessionName matches sessions whose name contains it, ignoring case
 */
public record SessionQuery(
    @Nullable SessionType type,
    @Nullable String componentId,
    @Nullable String userId,
    @Nullable String sessionName,
    PageRequest page) {
  /** The fields a session listing can be sorted by. */
  public static final Set<String> SORTABLE = Set.of("created_at", "updated_at", "session_name", "session_id");

  public SessionQuery {
    if (!SORTABLE.contains(page.sortBy())) {
      throw new IllegalArgumentException("cannot sort sessions by '" + page.sortBy() + "': use one of "
          + String.join(", ", SORTABLE.stream().sorted().toList()));
    }
  }

  /** Every session, newest first, as the API lists them by default. */
  public static SessionQuery all(int page, int limit) {
    return new SessionQuery(null, null, null, null, PageRequest.of(page, limit, "created_at", SortOrder.DESC));
  }
}
