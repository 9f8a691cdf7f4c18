package dev.agentry.server.auth.internal;

import com.nimbusds.jose.JWSVerifier;
import org.jspecify.annotations.Nullable;

/** Where the verifier of a token's {@code kid} comes from: a JWKS file or a JWKS URL, kept fresh by the source. */
public interface KeySource {
  /**
   * The verifier for {@code kid} (or the source's key without an id); null when the source holds none.
   *
   * @throws KeysUnavailable when the keys cannot be fetched and none was fetched before
   */
  @Nullable JWSVerifier find(@Nullable String kid) throws KeysUnavailable;

  /** The keys could not be read or fetched. */
  final class KeysUnavailable extends Exception {
    KeysUnavailable(String message) {
      super(message, null, false, false);
    }
  }
}
