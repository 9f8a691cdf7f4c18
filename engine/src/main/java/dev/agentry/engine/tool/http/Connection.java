package dev.agentry.engine.tool.http;

import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What every request of an HTTP or OpenAPI toolkit shares.
 *
 * @param headers sent with every request (secrets already resolved; never shown)
 * @param auth how requests authenticate, or null
 * @param timeout for the response, and again for reading its body
 * @param maxResponseBytes the longest body read; a longer one is cut and the model told
 * @param allowPrivateAddresses whether the declared hosts may resolve to private or loopback addresses
 */
public record Connection(Map<String, String> headers, @Nullable Auth auth, Duration timeout, long maxResponseBytes,
    boolean allowPrivateAddresses) {
  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
  static final long DEFAULT_MAX_BYTES = 1_000_000;

  public Connection {
    headers = Map.copyOf(headers);
  }

  /** Reads {@code headers}, {@code auth}, {@code timeout_seconds}, {@code max_response_bytes} and
   * {@code allow_private_addresses} of a settings object. */
  public static Connection read(Fields settings) {
    return new Connection(settings.stringMap("headers"), Auth.read(settings),
        settings.seconds("timeout_seconds", DEFAULT_TIMEOUT),
        settings.positiveLong("max_response_bytes", DEFAULT_MAX_BYTES),
        settings.bool("allow_private_addresses", false));
  }

  /** This connection with another auth. */
  public Connection withAuth(@Nullable Auth other) {
    return new Connection(headers, other, timeout, maxResponseBytes, allowPrivateAddresses);
  }

  @Override
  public String toString() {
    return "Connection[headers=" + headers.keySet() + ", auth=" + auth + ", timeout=" + timeout + "]";
  }
}
