package dev.agentry.engine.store;

import java.util.List;

/**
 * One page of a listing, with the total the API reports in its {@code meta}.
 *
 * @param page 1-based page number
 * @param limit the page size asked for
 * @param totalCount how many records match the filters, on all pages
 */
public record Page<T>(List<T> items, int page, int limit, long totalCount) {
  public Page {
    items = List.copyOf(items);
  }

  /** How many pages the matching records fill; 0 when nothing matches. */
  public long totalPages() {
    return limit <= 0 ? 0 : (totalCount + limit - 1) / limit;
  }
}
