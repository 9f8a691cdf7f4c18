package dev.agentry.engine.store;

import dev.agentry.engine.EngineException;

/**
 * A backend failure. {@link #retryable()} is true when the database could not be reached or the connection was lost:
 * the same call may succeed later (the server answers 503), and the store reconnects by itself.
 */
public class StoreException extends EngineException {
  private final boolean retryable;

  public StoreException(String message, boolean retryable, Throwable cause) {
    super(message, cause);
    this.retryable = retryable;
  }

  public StoreException(String message, boolean retryable) {
    super(message);
    this.retryable = retryable;
  }

  /** True when the database was unreachable and a later attempt may succeed. */
  public boolean retryable() {
    return retryable;
  }
}
