package dev.agentry.engine.store;

import dev.agentry.engine.model.Catalog;
import dev.agentry.engine.model.ResourceDef;
import dev.agentry.engine.spec.DatabaseSpec;
import java.time.Duration;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * How to open a store: the database URL ({@code sqlite:PATH}, {@code postgresql://...}, {@code mongodb://...},
 * {@code memory:}) with its credentials resolved, the prefix of its table (or collection) names and the pool limits.
 *
 * @param url the resolved URL; never print it, print {@link #maskedUrl()}
 * @param tablePrefix prefix of every table or collection name: letters, digits and '_'
 * @param maxPoolSize the most connections a server backend keeps open
 * @param connectionTimeout how long to wait for a connection before failing with a retryable error
 */
public record StoreSettings(String url, String tablePrefix, int maxPoolSize, Duration connectionTimeout) {
  /** The default database: a SQLite file in the working directory. */
  public static final String DEFAULT_URL = "sqlite:./agentry.db";
  public static final String DEFAULT_PREFIX = "agno_";
  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
  private static final Pattern PREFIX = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,30}");
  private static final Pattern PASSWORD = Pattern.compile("(://[^:/@]*:)[^@/]*@");
  private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)(password=)[^&]*");

  public StoreSettings {
    if (!PREFIX.matcher(tablePrefix).matches()) {
      throw new IllegalArgumentException("table_prefix '" + tablePrefix + "' must be letters, digits and '_' "
          + "(up to 31), not starting with a digit");
    }
    if (maxPoolSize < 1) {
      throw new IllegalArgumentException("the pool's max_size must be at least 1, got " + maxPoolSize);
    }
  }

  /**
   * The default store of a spec set ({@link Catalog#defaultDb()}): as {@link #of(Catalog, String, String)} for it.
   */
  public static StoreSettings choose(Catalog catalog, @Nullable String url) {
    return of(catalog, catalog.defaultDb(), url);
  }

  /**
   * How to open the database {@code dbId} of a spec set: its Database resource's url, table prefix and pool, the url
   * replaced by {@code url} when given (a command-line flag or environment variable, which moves every database);
   * {@link #DEFAULT_URL} for an id no Database resource declares ({@link Catalog#DEFAULT_DB}).
   */
  public static StoreSettings of(Catalog catalog, String dbId, @Nullable String url) {
    ResourceDef<DatabaseSpec> db = catalog.databases().get(dbId);
    if (db == null) {
      return of(url != null ? url : DEFAULT_URL);
    }
    DatabaseSpec spec = db.spec();
    DatabaseSpec.Pool pool = spec.pool();
    return new StoreSettings(
        url != null ? url : spec.url() != null ? spec.url().value() : DEFAULT_URL,
        spec.tablePrefix() != null ? spec.tablePrefix() : DEFAULT_PREFIX,
        pool != null && pool.maxSize() != null ? pool.maxSize() : 10,
        pool != null && pool.connectionTimeoutMs() != null ? Duration.ofMillis(pool.connectionTimeoutMs())
            : DEFAULT_TIMEOUT);
  }

  /** {@code url} with the default prefix, pool of 10 and a 5 s connection timeout. */
  public static StoreSettings of(String url) {
    return new StoreSettings(url, DEFAULT_PREFIX, 10, DEFAULT_TIMEOUT);
  }

  /** The table (or collection) of sessions: Agno's name after the prefix. */
  public String sessionTable() {
    return tablePrefix + "sessions";
  }

  /** The table of user memories. */
  public String memoryTable() {
    return tablePrefix + "memories";
  }

  /** The table of daily metrics. */
  public String metricsTable() {
    return tablePrefix + "metrics";
  }

  /**
   * Every table the API may name in a {@code table} query parameter: sessions, memories, metrics, eval runs, knowledge
   * and traces (Agno's domains).
   */
  public java.util.List<String> tables() {
    return java.util.List.of(sessionTable(), memoryTable(), metricsTable(), tablePrefix + "eval_runs",
        tablePrefix + "knowledge", tablePrefix + "traces");
  }

  /** The scheme that picks the backend: "sqlite", "postgresql", "mongodb", ... (lower case). */
  public String scheme() {
    int colon = url.indexOf(':');
    return colon < 0 ? "" : url.substring(0, colon).toLowerCase(java.util.Locale.ROOT);
  }

  /** The URL with any password replaced by {@code ****}, safe to print. */
  public String maskedUrl() {
    return mask(url);
  }

  /** {@code url} with any password ({@code user:PASS@} or {@code password=PASS}) replaced by {@code ****}. */
  public static String mask(String url) {
    return PASSWORD_PARAM.matcher(PASSWORD.matcher(url).replaceAll("$1****@")).replaceAll("$1****");
  }

  @Override
  public String toString() {
    return "StoreSettings[url=" + maskedUrl() + ", tablePrefix=" + tablePrefix + ", maxPoolSize=" + maxPoolSize
        + ", connectionTimeout=" + connectionTimeout + "]";
  }
}
