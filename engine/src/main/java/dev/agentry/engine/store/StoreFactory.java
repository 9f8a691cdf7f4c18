package dev.agentry.engine.store;

/** Opens a backend for a database URL; registered by URL scheme in {@code Builtins}. */
@FunctionalInterface
public interface StoreFactory {
  /**
   * Connects, applies the backend's pending migrations and returns the store.
   *
   * @throws StoreException when the database cannot be reached (retryable) or its schema cannot be migrated
   */
  SessionStore open(StoreSettings settings);
}
