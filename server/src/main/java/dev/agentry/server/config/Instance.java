package dev.agentry.server.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * This server process as the other instances on its database see it ({@code GET /specs/status} shows it as
 * {@code instance}).
 *
 * @param id the instance id ({@link ServerSettings#instanceId()}), recorded on every run it starts
 * @param url the base URL the other instances reach it on (to forward a {@code /resume}); null when it has none to
 *     advertise: no {@code --advertise-url} and port 0 (the port is picked only when it starts listening)
 * @param startedAt when the process started serving
 */
public record Instance(String id, @Nullable String url, Instant startedAt) {
  private static final SecureRandom RANDOM = new SecureRandom();

  /** A new instance id: the host name, the process id and 4 random bytes, e.g. {@code web-1-4242-9f3a61c0}. */
  public static String newId() {
    byte[] random = new byte[4];
    RANDOM.nextBytes(random);
    return hostName() + "-" + ProcessHandle.current().pid() + "-" + HexFormat.of().formatHex(random);
  }

  /** The instance the settings describe, started at {@code startedAt}. */
  public static Instance of(ServerSettings settings, Instant startedAt) {
    return new Instance(settings.instanceId(), url(settings), startedAt);
  }

  /**
   * The URL the other instances reach a server on: {@code --advertise-url} when set, else {@code http://host:port}
   * with the host name standing in for a wildcard address ({@code 0.0.0.0}, {@code ::}); null for port 0 without one.
   */
  static @Nullable String url(ServerSettings settings) {
    if (settings.advertiseUrl() != null) {
      String url = settings.advertiseUrl();
      return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
    int port = settings.port();
    if (port == 0) {
      return null;
    }
    String host = settings.host();
    if (host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]") || host.isEmpty()) {
      host = hostName();
    } else if (host.contains(":") && !host.startsWith("[")) {
      host = "[" + host + "]";
    }
    return "http://" + host + ":" + port;
  }

  private static String hostName() {
    String env = System.getenv("HOSTNAME");
    if (env != null && !env.isBlank()) {
      return env.strip();
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }
}
