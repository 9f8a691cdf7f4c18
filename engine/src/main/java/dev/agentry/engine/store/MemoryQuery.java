package dev.agentry.engine.store;

import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The filters, order and page of a memory listing ({@code GET /memories}); a null or empty filter matches everything.
 *
 * @param searchContent matches memories whose text contains it, ignoring case
 * @param topics matches memories that have at least one of these topics
 */
public record MemoryQuery(
    @Nullable String userId,
    @Nullable String agentId,
    @Nullable String teamId,
    @Nullable String searchContent,
    List<String> topics,
    PageRequest page) {
  /** The fields a memory listing can be sorted by. */
  public static final Set<String> SORTABLE = Set.of("updated_at", "created_at", "memory", "memory_id", "user_id");

  public MemoryQuery {
    topics = List.copyOf(topics);
    if (!SORTABLE.contains(page.sortBy())) {
      throw new IllegalArgumentException("cannot sort memories by '" + page.sortBy() + "': use one of "
          + String.join(", ", SORTABLE.stream().sorted().toList()));
    }
  }

  /** The memories of one user (or everyone's, when null), last updated first. */
  public static MemoryQuery ofUser(@Nullable String userId, int page, int limit) {
    return new MemoryQuery(userId, null, null, null, List.of(), PageRequest.of(page, limit, "updated_at",
        SortOrder.DESC));
  }
}
