package dev.agentry.server.auth.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.RSAKey;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.text.ParseException;
import java.util.Base64;
import java.util.Optional;

/**
 * Builds signature verifiers once, from the keys an operator configures: PEM public keys and certificates (and JWKs
 * written as JSON) for the RS, PS and ES families, shared secrets for HS. A key that cannot be used throws
 * {@link IllegalArgumentException} with a message that says which and why, never the key itself.
 */
public final class Keys {
  private Keys() {}

  /**
   * A verifier of {@code algorithm} signatures with {@code key}, as written in {@code verification_keys}.
   *
   * @param what how to name the key in an error, e.g. {@code "verification key 1"}
   */
  public static JWSVerifier verifier(JWSAlgorithm algorithm, String key, String what) {
    try {
      if (JWSAlgorithm.Family.HMAC_SHA.contains(algorithm)) {
        byte[] secret = key.getBytes(StandardCharsets.UTF_8);
        int needed = minimumSecretBytes(algorithm);
        if (secret.length < needed) {
          throw new IllegalArgumentException(what + " is " + secret.length + " bytes long, but an " + algorithm
              + " secret must have at least " + needed + " (RFC 7518 §3.2)");
        }
        return new MACVerifier(secret);
      }
      String text = key.strip();
      if (text.startsWith("{")) {
        return verifier(algorithm, JWK.parse(text), what)
            .orElseThrow(() -> new IllegalArgumentException(what + " is a JWK of another key type than " + algorithm));
      }
      PublicKey publicKey = publicKey(text, what);
      if (JWSAlgorithm.Family.RSA.contains(algorithm) && publicKey instanceof RSAPublicKey rsa) {
        return new RSASSAVerifier(rsa);
      }
      if (JWSAlgorithm.Family.EC.contains(algorithm) && publicKey instanceof ECPublicKey ec) {
        return new ECDSAVerifier(ec);
      }
      throw new IllegalArgumentException(what + " is an " + publicKey.getAlgorithm() + " key, which cannot verify "
          + algorithm + " signatures");
    } catch (JOSEException | ParseException e) {
      throw new IllegalArgumentException(what + " cannot verify " + algorithm + " signatures: " + e.getMessage(), e);
    }
  }

  /** A verifier of {@code algorithm} signatures with {@code jwk}; empty when the key's type does not fit. */
  public static Optional<JWSVerifier> verifier(JWSAlgorithm algorithm, JWK jwk, String what) {
    if (jwk.getAlgorithm() != null && !jwk.getAlgorithm().getName().equals(algorithm.getName())) {
      return Optional.empty();
    }
    try {
      if (JWSAlgorithm.Family.RSA.contains(algorithm) && jwk instanceof RSAKey rsa) {
        return Optional.of(new RSASSAVerifier(rsa.toRSAPublicKey()));
      }
      if (JWSAlgorithm.Family.EC.contains(algorithm) && jwk instanceof ECKey ec) {
        return Optional.of(new ECDSAVerifier(ec.toECPublicKey()));
      }
      if (JWSAlgorithm.Family.HMAC_SHA.contains(algorithm) && jwk instanceof OctetSequenceKey oct) {
        return Optional.of(new MACVerifier(oct.toByteArray()));
      }
      return Optional.empty();
    } catch (JOSEException e) {
      throw new IllegalArgumentException(what + " cannot verify " + algorithm + " signatures: " + e.getMessage(), e);
    }
  }

  /** The shortest shared secret RFC 7518 §3.2 allows for {@code algorithm}: as long as the hash. */
  static int minimumSecretBytes(JWSAlgorithm algorithm) {
    return JWSAlgorithm.HS512.equals(algorithm) ? 64 : JWSAlgorithm.HS384.equals(algorithm) ? 48 : 32;
  }

  private static PublicKey publicKey(String pem, String what) {
    if (!pem.startsWith("-----BEGIN ")) {
      throw new IllegalArgumentException(what + " is not a PEM public key or certificate "
          + "(-----BEGIN PUBLIC KEY----- or -----BEGIN CERTIFICATE-----)");
    }
    try {
      if (pem.startsWith("-----BEGIN CERTIFICATE-----")) {
        return CertificateFactory.getInstance("X.509")
            .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII))).getPublicKey();
      }
      if (!pem.startsWith("-----BEGIN PUBLIC KEY-----")) {
        throw new IllegalArgumentException(what + " is a PEM '" + pem.substring(11, Math.max(11, pem.indexOf("-----",
            11))) + "', but a public key (-----BEGIN PUBLIC KEY-----) or a certificate is needed");
      }
      byte[] der = Base64.getMimeDecoder().decode(pem.replace("-----BEGIN PUBLIC KEY-----", "")
          .replace("-----END PUBLIC KEY-----", "").strip());
      X509EncodedKeySpec spec = new X509EncodedKeySpec(der);
      for (String type : new String[] {"RSA", "EC"}) {
        try {
          return KeyFactory.getInstance(type).generatePublic(spec);
        } catch (GeneralSecurityException e) {
          // try the next type
        }
      }
      throw new IllegalArgumentException(what + " is not an RSA or EC public key");
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      if (e instanceof IllegalArgumentException && e.getMessage() != null && e.getMessage().startsWith(what)) {
        throw (IllegalArgumentException) e;
      }
      throw new IllegalArgumentException(what + " is not a readable PEM public key or certificate", e);
    }
  }
}
