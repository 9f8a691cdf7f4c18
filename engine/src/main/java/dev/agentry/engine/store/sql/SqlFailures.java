package dev.agentry.engine.store.sql;

import dev.agentry.engine.store.StoreException;
import dev.agentry.engine.store.StoreSettings;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import org.jspecify.annotations.Nullable;

/**
 * Turns driver and pool failures into {@link StoreException}s: retryable when the database could not be reached,
 * named by the masked URL, with the driver's reason and never a password. The cause kept is the driver's exception,
 * not Jdbi's wrapper, whose message lists the statement's bound values.
 */
final class SqlFailures {
  private final String maskedUrl;
  private final @Nullable String password;
  private final SqlDialect dialect;

  SqlFailures(String maskedUrl, @Nullable String password, SqlDialect dialect) {
    this.maskedUrl = maskedUrl;
    this.password = password == null || password.isEmpty() ? null : password;
    this.dialect = dialect;
  }

  /** A failure to open the store: to connect, or to migrate its tables. */
  StoreException atOpen(Throwable e) {
    return retryable(e) ? failure("cannot connect to " + maskedUrl, e, true)
        : failure("cannot open " + maskedUrl, e, false);
  }

  /** A failure of a store call. */
  StoreException during(Throwable e) {
    return retryable(e) ? failure("lost the connection to " + maskedUrl, e, true)
        : failure("database error on " + maskedUrl, e, false);
  }

  private StoreException failure(String what, Throwable e, boolean retryable) {
    return new StoreException(what + ": " + reason(e), retryable, driverCause(e));
  }

  boolean retryable(Throwable e) {
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof SQLTransientConnectionException || c instanceof SQLRecoverableException
          || c instanceof SocketException || c instanceof UnknownHostException) {
        return true;
      }
      if (c instanceof SQLException sql && ((sql.getSQLState() != null && sql.getSQLState().startsWith("08"))
          || dialect.retryable(sql))) {
        return true;
      }
    }
    return false;
  }

  /** The innermost message (the most precise: "Connection refused"), without any password. */
  private String reason(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    if (password != null) {
      message = message.replace(password, "****");
    }
    return StoreSettings.mask(message.strip());
  }

  private static Throwable driverCause(Throwable e) {
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof SQLException) {
        return c;
      }
    }
    return e;
  }
}
