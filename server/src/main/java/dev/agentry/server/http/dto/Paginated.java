package dev.agentry.server.http.dto;

import dev.agentry.engine.store.Page;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a listing in the contract's envelope ({@code PaginatedResponse}, {@code agentos-api.md} §1.3):
 * {@code {"data": [...], "meta": {page, limit, total_pages, total_count, search_time_ms}}}.
 */
public record Paginated<T>(List<T> data, Meta meta) {
  public Paginated {
    data = List.copyOf(data);
  }

  /** The {@code meta} of a page; {@code total_pages = ceil(total_count / limit)}. */
  public record Meta(int page, int limit, long totalPages, long totalCount, double searchTimeMs) {}

  /** {@code page} with each item mapped, timed from {@code startedNanos} ({@link System#nanoTime()}). */
  public static <S, T> Paginated<T> of(Page<S> page, Function<S, T> item, long startedNanos) {
    List<T> data = page.items().stream().map(item).toList();
    double millis = Math.round((System.nanoTime() - startedNanos) / 10_000.0) / 100.0;
    return new Paginated<>(data, new Meta(page.page(), page.limit(), page.totalPages(), page.totalCount(), millis));
  }
}
