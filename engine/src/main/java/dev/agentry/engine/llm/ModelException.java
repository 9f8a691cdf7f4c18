package dev.agentry.engine.llm;

import dev.agentry.engine.EngineException;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A model provider failed: bad credentials, a rate limit, a server error, a timeout, an unreadable answer.
 *
 * <p>The message names the provider and, where the user can fix it, the setting to change (for example
 * "invalid API key for provider openai: set OPENAI_API_KEY").
 */
public class ModelException extends EngineException {
  private final boolean retryable;
  private final boolean cancelled;
  private final int status;
  private final @Nullable Duration retryAfter;

  public ModelException(String message, boolean retryable, int status, @Nullable Duration retryAfter,
      @Nullable Throwable cause) {
    super(message, cause);
    this.retryable = retryable;
    this.cancelled = false;
    this.status = status;
    this.retryAfter = retryAfter;
  }

  private ModelException(String message) {
    super(message);
    this.retryable = false;
    this.cancelled = true;
    this.status = 0;
    this.retryAfter = null;
  }

  /** A failure that is not worth retrying (bad request, bad key, unreadable answer). */
  public static ModelException permanent(String message) {
    return new ModelException(message, false, 0, null, null);
  }

  /** The call was aborted because its run was cancelled. */
  public static ModelException cancelled(String provider) {
    return new ModelException("the request to provider " + provider + " was cancelled");
  }

  /** True when the same request may succeed later (rate limit, server error, timeout, dropped connection). */
  public boolean retryable() {
    return retryable;
  }

  /** True when the call ended because its run was cancelled. */
  public boolean cancelled() {
    return cancelled;
  }

  /** The HTTP status, or 0 when the failure was not an HTTP answer. */
  public int status() {
    return status;
  }

  /** How long the provider asked us to wait ({@code Retry-After}), if it said. */
  public @Nullable Duration retryAfter() {
    return retryAfter;
  }
}
