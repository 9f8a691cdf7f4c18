package dev.agentry.engine.store.postgres;

import dev.agentry.engine.store.StoreException;
import dev.agentry.engine.store.StoreSettings;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A {@code postgresql://user:password@host:port/database?params} URL (also {@code postgres://}, and SQLAlchemy's
 * {@code postgresql+driver://}) as the JDBC driver takes it: {@code jdbc:postgresql://host:port/database?params},
 * with the credentials apart, since the driver does not read them from the URL's authority.
 *
 * @param user the percent-decoded user name, if given (in the authority or as {@code ?user=})
 * @param password the percent-decoded password, if given (in the authority or as {@code ?password=})
 */
public record PostgresUrl(String jdbcUrl, @Nullable String user, @Nullable String password) {
  /**
   * Parses a URL as a Database resource takes it, or a JDBC one ({@code jdbc:postgresql://host/db?user=..}); a
   * {@link StoreException} naming the masked URL when it is neither.
   */
  public static PostgresUrl parse(String url) {
    return parse(StoreSettings.of(url.regionMatches(true, 0, "jdbc:", 0, 5) ? url.substring(5) : url));
  }

  static PostgresUrl parse(StoreSettings settings) {
    String url = settings.url();
    int schemeEnd = url.indexOf("://");
    String scheme = schemeEnd < 0 ? "" : url.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
    if (!scheme.equals("postgres") && !scheme.equals("postgresql") && !scheme.startsWith("postgresql+")) {
      throw new StoreException("not a PostgreSQL URL: " + settings.maskedUrl()
          + " (expected postgresql://user:password@host:port/database)", false);
    }
    String rest = url.substring(schemeEnd + 3);
    String query = "";
    int question = rest.indexOf('?');
    if (question >= 0) {
      query = rest.substring(question + 1);
      rest = rest.substring(0, question);
    }
    int slash = rest.indexOf('/');
    String authority = slash < 0 ? rest : rest.substring(0, slash);
    String database = slash < 0 ? "" : rest.substring(slash + 1);
    String user = null;
    String password = null;
    int at = authority.lastIndexOf('@');
    if (at >= 0) {
      String userInfo = authority.substring(0, at);
      authority = authority.substring(at + 1);
      int colon = userInfo.indexOf(':');
      user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
      password = colon < 0 ? null : decode(userInfo.substring(colon + 1));
    }
    List<String> params = new ArrayList<>();
    for (String param : query.split("&")) {
      String name = param.contains("=") ? param.substring(0, param.indexOf('=')) : param;
      String value = param.contains("=") ? decode(param.substring(param.indexOf('=') + 1)) : "";
      switch (name) {
        case "" -> { }
        case "user" -> user = value;
        case "password" -> password = value;
        default -> params.add(param);
      }
    }
    String hosts = authority.isEmpty() ? "localhost" : authority;
    String jdbcUrl = "jdbc:postgresql://" + hosts + "/" + database
        + (params.isEmpty() ? "" : "?" + String.join("&", params));
    return new PostgresUrl(jdbcUrl, user == null || user.isEmpty() ? null : user, password);
  }

  private static String decode(String text) {
    return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "PostgresUrl[" + jdbcUrl + ", user=" + user + "]";
  }
}
