package dev.agentry.server;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Mints JWTs for the server tests with nimbus: an HS256 secret, RSA and EC key pairs (PEM public keys for
 * {@code verification_keys}, JWKs for JWKS files and URLs), and {@code os.yaml} texts that turn JWT mode on.
 *
 * <pre>{@code
 * try (TestServer server = TestServer.start(Jwts.specs(Jwts.hs256Config()))) {
 *   server.header("Authorization", "Bearer " + Jwts.hs256(Jwts.claims("ada", "agents:read")));
 * }
 * }</pre>
 */
public final class Jwts {
  /** The HS256 shared secret (32 bytes, the least RFC 7518 allows). */
  public static final String SECRET = "test-secret-test-secret-test-sec";
  /** An RSA key pair with kid {@code rsa-1}. */
  public static final RSAKey RSA = rsa("rsa-1");
  /** An EC P-256 key pair with kid {@code ec-1}. */
  public static final ECKey EC = ec("ec-1");

  private Jwts() {}

  /** A fresh RSA 2048 key pair with {@code kid}. */
  public static RSAKey rsa(String kid) {
    try {
      return new RSAKeyGenerator(2048).keyID(kid).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A fresh EC P-256 key pair with {@code kid}. */
  public static ECKey ec(String kid) {
    try {
      return new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Claims for {@code sub} with {@code scopes} (a list), valid from a minute ago for an hour. */
  public static Map<String, Object> claims(String sub, String... scopes) {
    Map<String, Object> claims = new HashMap<>();
    claims.put("sub", sub);
    claims.put("scopes", List.of(scopes));
    long now = Instant.now().getEpochSecond();
    claims.put("iat", now - 60);
    claims.put("exp", now + 3600);
    return claims;
  }

  /** A token signed with {@link #SECRET}. */
  public static String hs256(Map<String, Object> claims) {
    return sign(JWSAlgorithm.HS256, null, claims, signer(SECRET));
  }

  /** A token signed with {@link #RSA} (its kid in the header). */
  public static String rs256(Map<String, Object> claims) {
    return rs256(RSA, claims);
  }

  /** A token signed with {@code key} (its kid in the header). */
  public static String rs256(RSAKey key, Map<String, Object> claims) {
    try {
      return sign(JWSAlgorithm.RS256, key.getKeyID(), claims, new RSASSASigner(key));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A token signed with {@link #EC}. */
  public static String es256(Map<String, Object> claims) {
    try {
      return sign(JWSAlgorithm.ES256, EC.getKeyID(), claims, new ECDSASigner(EC));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** An unsigned token ({@code alg: none}). */
  public static String none(Map<String, Object> claims) {
    String header = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}"
        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    try {
      String payload = JWTClaimsSet.parse(claims).toPayload().toBase64URL().toString();
      return header + "." + payload + ".";
    } catch (java.text.ParseException e) {
      throw new IllegalStateException(e);
    }
  }

  /** An HMAC signer for {@code secret}. */
  public static JWSSigner signer(String secret) {
    try {
      return new MACSigner(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A token of {@code algorithm} with {@code kid} (may be null), signed by {@code signer}. */
  public static String sign(JWSAlgorithm algorithm, String kid, Map<String, Object> claims, JWSSigner signer) {
    try {
      JWTClaimsSet set = JWTClaimsSet.parse(claims);
      SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).type(JOSEObjectType.JWT).keyID(kid).build(),
          set);
      jwt.sign(signer);
      return jwt.serialize();
    } catch (JOSEException | java.text.ParseException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The PEM public key of {@code key}. */
  public static String pem(java.security.PublicKey key) {
    return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(
        java.nio.charset.StandardCharsets.US_ASCII)).encodeToString(key.getEncoded()) + "\n-----END PUBLIC KEY-----\n";
  }

  /** The PEM public key of {@link #RSA}. */
  public static String rsaPem() {
    try {
      return pem(RSA.toPublicKey());
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** An {@code authorization_config} body (YAML, indented for {@link #specs}) verifying HS256 with {@link #SECRET}. */
  public static String hs256Config() {
    return "algorithm: HS256\nverification_keys: [\"" + SECRET + "\"]\n";
  }

  /** An {@code authorization_config} body verifying RS256 with the PEM public key of {@link #RSA}. */
  public static String rs256Config() {
    return "algorithm: RS256\nverification_keys:\n  - |\n" + rsaPem().lines().map(l -> "    " + l + "\n")
        .reduce("", String::concat);
  }

  /** The test specs with {@code authorization: true} and {@code config} (YAML lines) as the authorization_config. */
  public static Map<String, String> specs(String config) {
    return specs(config, "");
  }

  /** As {@link #specs(String)}, with more {@code spec:} lines (e.g. {@code security_key: k}). */
  public static Map<String, String> specs(String config, String moreSpec) {
    Map<String, String> specs = new HashMap<>(TestServer.SPECS);
    String indented = config.lines().map(l -> "    " + l + "\n").reduce("", String::concat);
    specs.put("os.yaml", TestServer.SPECS.get("os.yaml").replace("  name: Test OS\n", "  name: Test OS\n"
        + "  authorization: true\n  authorization_config:\n" + indented
        + moreSpec.lines().map(l -> "  " + l + "\n").reduce("", String::concat)));
    return specs;
  }

}
