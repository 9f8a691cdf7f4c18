package dev.agentry.engine.store;

/**
 * Which page of a listing to return and in what order.
 *
 * @param page 1-based page number; 0 is read as 1, as the API allows it
 * @param limit page size, at least 1
 * @param sortBy a field of the listed record, in the API's snake_case (e.g. {@code created_at})
 */
public record PageRequest(int page, int limit, String sortBy, SortOrder sortOrder) {
  public PageRequest {
    if (page < 0) {
      throw new IllegalArgumentException("page must be 0 or more, got " + page);
    }
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, got " + limit);
    }
    page = Math.max(page, 1);
  }

  public static PageRequest of(int page, int limit, String sortBy, SortOrder sortOrder) {
    return new PageRequest(page, limit, sortBy, sortOrder);
  }

  /** How many records come before this page. */
  public long offset() {
    return (long) (page - 1) * limit;
  }
}
