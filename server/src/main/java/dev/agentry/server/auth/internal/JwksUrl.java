package dev.agentry.server.auth.internal;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The keys of a JWKS URL (an identity provider's {@code jwks_uri}): fetched on first use, kept for {@link #TTL}, and
 * fetched again when a token names a {@code kid} the cached set does not hold, at most once per
 * {@link #MIN_REFETCH} so that tokens with made-up ids cannot flood the provider. A failed fetch keeps the keys
 * fetched before (with a warning); with none yet, tokens are refused with a 503.
 */
public final class JwksUrl implements KeySource {
  /** How long a fetched key set is used before it is fetched again. */
  public static final Duration TTL = Duration.ofMinutes(5);
  /** The shortest time between two fetches caused by an unknown {@code kid}. */
  public static final Duration MIN_REFETCH = Duration.ofSeconds(30);
  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  private static final Logger LOG = LoggerFactory.getLogger(JwksUrl.class);

  private final JWSAlgorithm algorithm;
  private final URI url;
  private final Clock clock;
  private final HttpClient client;
  private volatile @Nullable Fetched fetched;
  private volatile Instant lastForced = Instant.MIN;

  private record Fetched(JwkSet keys, Instant at) {}

  public JwksUrl(JWSAlgorithm algorithm, URI url, Clock clock) {
    this.algorithm = algorithm;
    this.url = url;
    this.clock = clock;
    this.client = HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NORMAL).build();
  }

  @Override
  public @Nullable JWSVerifier find(@Nullable String kid) throws KeysUnavailable {
    Fetched current = fetched;
    Instant now = clock.instant();
    if (current == null || current.at().plus(TTL).isBefore(now)) {
      current = fetch(current, false);
    } else if (kid != null && !current.keys().holds(kid) && !lastForced.plus(MIN_REFETCH).isAfter(now)) {
      current = fetch(current, true);
    }
    if (current == null) {
      throw new KeysUnavailable("the JWKS at " + url + " could not be fetched");
    }
    return current.keys().find(kid);
  }

  private synchronized @Nullable Fetched fetch(@Nullable Fetched seen, boolean forced) {
    if (fetched != seen) {
      return fetched; // another request fetched meanwhile
    }
    Instant now = clock.instant();
    if (forced) {
      lastForced = now;
    }
    try {
      HttpResponse<String> response = client.send(HttpRequest.newBuilder(url).timeout(TIMEOUT)
          .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IOException("HTTP " + response.statusCode());
      }
      fetched = new Fetched(JwkSet.of(algorithm, JWKSet.parse(response.body()), "JWKS " + url), now);
      LOG.debug("fetched the JWKS at {}", url);
    } catch (IOException | ParseException e) {
      LOG.warn("cannot fetch the JWKS at {} ({}){}", url, e.getMessage(),
          seen == null ? "" : "; keeping the keys fetched before");
      fetched = seen == null ? null : new Fetched(seen.keys(), now.minus(TTL).plus(MIN_REFETCH));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return fetched;
  }
}
