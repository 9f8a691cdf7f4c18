package dev.agentry.engine.store;

/** The direction of a listing; the API's {@code sort_order} ("asc" or "desc"). */
public enum SortOrder {
  ASC,
  DESC
}
