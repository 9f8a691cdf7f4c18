package dev.agentry.server.auth.internal;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The verifiers of one JWKS document, by {@code kid}; a key without a {@code kid} is the default, used for a token
 * whose {@code kid} matches no key (Agno's rule). Keys of another type than the algorithm's are left out.
 */
final class JwkSet {
  private static final Logger LOG = LoggerFactory.getLogger(JwkSet.class);
  private static final String DEFAULT = "";

  private final Map<String, JWSVerifier> byKid;

  private JwkSet(Map<String, JWSVerifier> byKid) {
    this.byKid = Map.copyOf(byKid);
  }

  static final JwkSet EMPTY = new JwkSet(Map.of());

  static JwkSet of(JWSAlgorithm algorithm, JWKSet set, String source) {
    Map<String, JWSVerifier> byKid = new HashMap<>();
    List<JWK> keys = set.getKeys();
    if (keys.isEmpty()) {
      LOG.warn("the JWKS of {} holds no keys", source);
    }
    for (JWK key : keys) {
      try {
        Keys.verifier(algorithm, key, "key " + key.getKeyID() + " of " + source)
            .ifPresent(v -> byKid.put(key.getKeyID() == null ? DEFAULT : key.getKeyID(), v));
      } catch (IllegalArgumentException e) {
        LOG.warn("{}", e.getMessage());
      }
    }
    return new JwkSet(byKid);
  }

  /** The verifier for {@code kid}: the key of that id, else the key without an id; null when neither exists. */
  @Nullable JWSVerifier find(@Nullable String kid) {
    JWSVerifier found = kid == null ? null : byKid.get(kid);
    return found != null ? found : byKid.get(DEFAULT);
  }

  /** True when a key has this very {@code kid} (the default key does not count). */
  boolean holds(@Nullable String kid) {
    return kid != null && byKid.containsKey(kid);
  }

  boolean isEmpty() {
    return byKid.isEmpty();
  }
}
