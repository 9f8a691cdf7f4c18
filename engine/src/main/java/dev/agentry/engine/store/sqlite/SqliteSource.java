package dev.agentry.engine.store.sqlite;

import java.sql.SQLException;
import java.util.Locale;
import org.sqlite.Function;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteDataSource;

/**
 * The pool's source of SQLite connections: each one opened with the store's pragmas and given {@code agentry_lower},
 * Java's lower case, so that searches ignore the case of every letter as the memory store does ("ÉTÉ" finds "été").
 */
final class SqliteSource extends SQLiteDataSource {
  static final String LOWER = "agentry_lower";

  SqliteSource(SQLiteConfig config, String jdbcUrl) {
    super(config);
    setUrl(jdbcUrl);
  }

  @Override
  public SQLiteConnection getConnection(String username, String password) throws SQLException {
    SQLiteConnection connection = super.getConnection(username, password);
    try {
      Function.create(connection, LOWER, new LowerCase(), 1, Function.FLAG_DETERMINISTIC);
    } catch (SQLException e) {
      connection.close();
      throw e;
    }
    return connection;
  }

  private static final class LowerCase extends Function {
    @Override
    protected void xFunc() throws SQLException {
      String text = value_text(0);
      if (text == null) {
        result();
      } else {
        result(text.toLowerCase(Locale.ROOT));
      }
    }
  }
}
