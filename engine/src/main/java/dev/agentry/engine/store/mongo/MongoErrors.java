package dev.agentry.engine.store.mongo;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoConnectionPoolClearedException;
import com.mongodb.MongoException;
import com.mongodb.MongoInterruptedException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoServerUnavailableException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.MongoWriteException;
import dev.agentry.engine.store.StoreException;
import java.util.function.Supplier;
import org.bson.BSONException;

/**
 * Turns driver failures into {@link StoreException}s: lost or refused connections, timeouts and fail-overs are
 * retryable (the driver reconnects by itself, so the same call may succeed later); everything else is not.
 */
final class MongoErrors {
  /** The label a server puts on a write that a retry can overcome (after a fail-over or a network error). */
  private static final String RETRYABLE_WRITE_ERROR = "RetryableWriteError";

  private final String maskedUrl;

  MongoErrors(String maskedUrl) {
    this.maskedUrl = maskedUrl;
  }

  /** Runs {@code call}, translating a driver failure into a {@link StoreException} that names {@code action}. */
  <T> T call(String action, Supplier<T> call) {
    try {
      return call.get();
    } catch (MongoException e) {
      throw translate(action, e);
    } catch (BSONException e) { // a record BSON cannot hold (too big, a NUL in a key) or a document of another shape
      throw new StoreException("MongoDB store at " + maskedUrl + " could not " + action + ": " + e.getMessage(),
          false, e);
    }
  }

  StoreException translate(String action, MongoException e) {
    if (unreachable(e)) {
      return new StoreException("MongoDB at " + maskedUrl + " is unreachable (could not " + action + "): "
          + e.getMessage(), true, e);
    }
    if (e instanceof MongoInterruptedException) {
      Thread.currentThread().interrupt();
      return new StoreException("interrupted while trying to " + action + " in MongoDB at " + maskedUrl, false, e);
    }
    return new StoreException("MongoDB at " + maskedUrl + " failed to " + action + ": " + e.getMessage(), false, e);
  }

  /** True when the failure says the server could not be reached or is changing roles, not that the call was wrong. */
  static boolean unreachable(MongoException e) {
    return e instanceof MongoTimeoutException
        || e instanceof MongoSocketException
        || e instanceof MongoConnectionPoolClearedException
        || e instanceof MongoServerUnavailableException
        || e instanceof MongoNotPrimaryException
        || e instanceof MongoNodeIsRecoveringException
        || e.hasErrorLabel(RETRYABLE_WRITE_ERROR);
  }

  /** True for the error of a write whose {@code _id} (or another unique key) is already taken (E11000). */
  static boolean duplicateKey(MongoException e) {
    return e instanceof MongoWriteException w && w.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
  }
}
