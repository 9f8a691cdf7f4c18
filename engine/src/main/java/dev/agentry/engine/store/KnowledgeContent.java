package dev.agentry.engine.store;

import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One content of a Knowledge as Agno's knowledge table keeps it ({@code ContentResponseSchema}): a file, a URL or a
 * text, with its ingestion status.
 *
 * @param id Agno's content id: a UUIDv5 of the content's hash, so adding the same content again is a no-op
 * @param linkedTo the Knowledge's id (its resource name), Agno's {@code linked_to}
 * @param metadata the user's metadata, any JSON object; top-level nulls are left out
 * @param type the content type as Agno reports it: a file extension, {@code "url"} or {@code "text"}
 * @param size size in bytes of the read content
 * @param status PROCESSING while it is read and indexed, then COMPLETED or FAILED
 * @param statusMessage why it FAILED; empty otherwise
 * @param externalId where it came from when a spec declared it ({@code spec:<path or url or text hash>}), else null
 * @param createdAt epoch seconds
 * @param updatedAt epoch seconds
 */
public record KnowledgeContent(
    String id,
    String linkedTo,
    String name,
    String description,
    Map<String, Object> metadata,
    String type,
    long size,
    ContentStatus status,
    String statusMessage,
    long accessCount,
    @Nullable String externalId,
    long createdAt,
    long updatedAt) {
  /** The fields a content listing can be sorted by ({@code created_at} is the API's default). */
  public static final Set<String> SORTABLE = Set.of("created_at", "updated_at", "name");

  /** Copies {@code metadata}, leaving out its null values (JSON nulls at the top level mean "not set"). */
  public KnowledgeContent {
    metadata = withoutNulls(metadata);
  }

  // Map.containsValue(null) throws on immutable maps, so every map is copied entry by entry
  private static Map<String, Object> withoutNulls(Map<String, ?> metadata) {
    Map<String, Object> set = new java.util.LinkedHashMap<>();
    metadata.forEach((k, v) -> {
      if (v != null) {
        set.put(k, v);
      }
    });
    return Map.copyOf(set);
  }

  /**
   * Checks that a content listing can be sorted as {@code page} asks.
   *
   * @throws IllegalArgumentException naming the sortable fields when it cannot
   */
  public static PageRequest checkSortable(PageRequest page) {
    if (!SORTABLE.contains(page.sortBy())) {
      throw new IllegalArgumentException("cannot sort knowledge contents by '" + page.sortBy() + "': use one of "
          + String.join(", ", SORTABLE.stream().sorted().toList()));
    }
    return page;
  }

  /** The content with a new status and message, updated at {@code now} (epoch seconds). */
  public KnowledgeContent withStatus(ContentStatus newStatus, String message, long now) {
    return new KnowledgeContent(id, linkedTo, name, description, metadata, type, size, newStatus, message, accessCount,
        externalId, createdAt, now);
  }

  /** Ingestion status of a content; {@link #key()} is the API's word. */
  public enum ContentStatus {
    PROCESSING,
    COMPLETED,
    FAILED;

    public String key() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * The status of a stored {@link #key()}, ignoring case.
     *
     * @throws IllegalArgumentException naming the keys when {@code key} is none of them
     */
    public static ContentStatus ofKey(String key) {
      for (ContentStatus status : values()) {
        if (status.key().equalsIgnoreCase(key)) {
          return status;
        }
      }
      throw new IllegalArgumentException("unknown content status '" + key + "': expected processing, completed or"
          + " failed");
    }
  }
}
