package dev.agentry.server.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The settings of one {@code agentry serve} process, from its flags and environment; built with
 * {@code ServerSettings.create(s -> s.specs(dir).port(0))}.
 *
 * @param specs the spec root: a folder (watched recursively) or one file
 * @param host the address to listen on
 * @param port the port to listen on; 0 picks a free one
 * @param dbUrl overrides the spec set's database; null to use it (or {@code sqlite:./agentry.db})
 * @param watch true to reload the specs when a file under the root changes
 * @param reloadDebounce the settle window: how long the spec root must be quiet (no event), and then its files
 *     unchanged, before a reload starts
 * @param reloadHold how long a changed set that looks half-written (an emptied file, a file ending mid-document, a
 *     resource gone) is held back before it is applied as it is
 * @param reloadTimeout how long a reload waits for its compile before abandoning it and keeping the live specs
 * @param shutdownGrace how long runs in flight may go on after a shutdown starts, before they are cancelled
 * @param maxRequestBytes the largest request body accepted (forms with uploads included)
 * @param plugins the folder whose jars hold tool plugins and tool hooks ({@code ./plugins} by default; a folder that
 *     does not exist means none)
 * @param instanceId this process's id among the instances sharing a database: recorded on every run it starts and on
 *     its lease; unique per process (by default the host name, the process id and a random part)
 * @param advertiseUrl the base URL the other instances reach this one on (to forward a {@code /resume} of a run it
 *     runs); null to derive it from the bound host and port (the host name when bound to every interface)
 */
public record ServerSettings(
    Path specs,
    String host,
    int port,
    @Nullable String dbUrl,
    boolean watch,
    Duration reloadDebounce,
    Duration reloadHold,
    Duration reloadTimeout,
    Duration shutdownGrace,
    long maxRequestBytes,
    Path plugins,
    String instanceId,
    @Nullable String advertiseUrl) {

  public static final int DEFAULT_PORT = 7777;
  public static final String DEFAULT_HOST = "127.0.0.1";

  /** Settings built by {@code config} from the defaults: {@code specs/}, 127.0.0.1:7777, watching. */
  public static ServerSettings create(Consumer<Builder> config) {
    Builder builder = new Builder();
    config.accept(builder);
    return builder.build();
  }

  /** Collects the settings of a server; every one has a default. */
  public static final class Builder {
    private Path specs = Path.of("specs");
    private String host = DEFAULT_HOST;
    private int port = DEFAULT_PORT;
    private @Nullable String dbUrl;
    private boolean watch = true;
    private Duration reloadDebounce = Duration.ofMillis(100);
    private Duration reloadHold = Duration.ofSeconds(5);
    private Duration reloadTimeout = Duration.ofSeconds(10);
    private Duration shutdownGrace = Duration.ofSeconds(10);
    private long maxRequestBytes = 10L * 1024 * 1024;
    private Path plugins = Path.of("plugins");
    private @Nullable String instanceId;
    private @Nullable String advertiseUrl;

    private Builder() {}

    public Builder specs(Path specs) {
      this.specs = specs;
      return this;
    }

    public Builder host(String host) {
      this.host = host;
      return this;
    }

    public Builder port(int port) {
      this.port = port;
      return this;
    }

    public Builder dbUrl(@Nullable String dbUrl) {
      this.dbUrl = dbUrl;
      return this;
    }

    public Builder watch(boolean watch) {
      this.watch = watch;
      return this;
    }

    public Builder reloadDebounce(Duration reloadDebounce) {
      this.reloadDebounce = reloadDebounce;
      return this;
    }

    public Builder reloadHold(Duration reloadHold) {
      this.reloadHold = reloadHold;
      return this;
    }

    public Builder reloadTimeout(Duration reloadTimeout) {
      this.reloadTimeout = reloadTimeout;
      return this;
    }

    public Builder shutdownGrace(Duration shutdownGrace) {
      this.shutdownGrace = shutdownGrace;
      return this;
    }

    public Builder maxRequestBytes(long maxRequestBytes) {
      this.maxRequestBytes = maxRequestBytes;
      return this;
    }

    public Builder plugins(Path plugins) {
      this.plugins = plugins;
      return this;
    }

    /** This process's id among the instances sharing a database; must differ from every other live instance's. */
    public Builder instanceId(String instanceId) {
      this.instanceId = instanceId;
      return this;
    }

    /** The base URL the other instances reach this one on, e.g. {@code http://10.0.0.5:7777}; null to derive it. */
    public Builder advertiseUrl(@Nullable String advertiseUrl) {
      this.advertiseUrl = advertiseUrl == null || advertiseUrl.isBlank() ? null : advertiseUrl.strip();
      return this;
    }

    public ServerSettings build() {
      return new ServerSettings(specs, host, port, dbUrl, watch, reloadDebounce, reloadHold, reloadTimeout,
          shutdownGrace, maxRequestBytes, plugins, instanceId == null ? Instance.newId() : instanceId,
          advertiseUrl);
    }
  }
}
