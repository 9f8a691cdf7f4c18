package dev.agentry.engine.compile;

import dev.agentry.engine.spec.Draft;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.cert.CertificateFactory;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks the JWT settings of the {@code AgentOS} resource when they are in use ({@code authorization: true}, or
 * {@code JWT_VERIFICATION_KEY} / {@code JWT_JWKS_FILE} set), so that a server never starts, or reloads into,
 * a configuration that refuses every token: a key source must exist, each PEM key must be a public key or certificate
 * of the algorithm's family, an HS secret must be as long as RFC 7518 §3.2 asks, and a JWKS file must be a JWKS
 * document. Keys are secrets: messages name them by position, never by value.
 */
final class AuthChecks {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String CONFIG = "/spec/authorization_config";

  private AuthChecks() {}

  static void check(Draft os, Problems problems) {
    check(os, problems, System::getenv);
  }

  static void check(Draft os, Problems problems, UnaryOperator<String> env) {
    JsonNode spec = os.tree().path("spec");
    boolean envKey = !blank(env.apply("JWT_VERIFICATION_KEY"));
    boolean envJwks = !blank(env.apply("JWT_JWKS_FILE"));
    boolean authorization = spec.path("authorization").asBoolean(false);
    if (!authorization && !envKey && !envJwks) {
      return; // the settings are not in use
    }
    JsonNode config = spec.path("authorization_config");
    String algorithm = config.path("algorithm").asString("RS256");
    JsonNode keys = config.path("verification_keys");
    int usable = 0;
    for (int i = 0; i < keys.size(); i++) {
      String key = keys.get(i).asString("");
      if (blank(key)) {
        continue;
      }
      usable++;
      String problem = keyProblem(algorithm, key, "verification key " + (i + 1));
      if (problem != null) {
        problems.at(os, CONFIG + "/verification_keys/" + i, "bad-jwt-key", problem, algorithm.startsWith("HS")
            ? "use a longer random secret, e.g. the output of: openssl rand -base64 48"
            : "paste the identity provider's public key (-----BEGIN PUBLIC KEY-----) or certificate");
      }
    }
    String file = config.path("jwks_file").asString("");
    if (!blank(file)) {
      usable++;
      Path path = os.root().folder().resolve(file.strip());
      String problem = jwksProblem(path);
      if (problem != null) {
        problems.at(os, CONFIG + "/jwks_file", "bad-jwks-file", problem, "the path is relative to the spec folder");
      }
    }
    if (!blank(config.path("jwks_url").asString(""))) {
      usable++;
    }
    if (usable == 0 && !envKey && !envJwks) {
      problems.at(os, "/spec/authorization", "no-jwt-key", "authorization is true but no key verifies the JWTs",
          "set authorization_config.verification_keys, jwks_file or jwks_url, or the JWT_VERIFICATION_KEY or "
              + "JWT_JWKS_FILE environment variable");
    }
  }

  /** Why {@code key} cannot verify {@code algorithm} signatures; null when it can. */
  static @Nullable String keyProblem(String algorithm, String key, String what) {
    if (algorithm.startsWith("HS")) {
      int needed = algorithm.equals("HS512") ? 64 : algorithm.equals("HS384") ? 48 : 32;
      int length = key.getBytes(StandardCharsets.UTF_8).length;
      return length >= needed ? null : what + " is " + length + " bytes long, but an " + algorithm
          + " secret must have at least " + needed + " (RFC 7518 §3.2)";
    }
    String text = key.strip();
    if (text.startsWith("{")) {
      return null; // a JWK as JSON: its type is checked when the server builds the verifier
    }
    String family = algorithm.startsWith("ES") ? "EC" : "RSA";
    try {
      if (text.startsWith("-----BEGIN CERTIFICATE-----")) {
        String type = CertificateFactory.getInstance("X.509")
            .generateCertificate(new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)))
            .getPublicKey().getAlgorithm();
        return type.equals(family) ? null : what + " is a certificate of a " + type + " key, which cannot verify "
            + algorithm + " signatures";
      }
      if (!text.startsWith("-----BEGIN PUBLIC KEY-----") || !text.contains("-----END PUBLIC KEY-----")) {
        return what + " is not a PEM public key or certificate";
      }
      byte[] der = Base64.getMimeDecoder().decode(text.replace("-----BEGIN PUBLIC KEY-----", "")
          .replace("-----END PUBLIC KEY-----", "").strip());
      KeyFactory.getInstance(family).generatePublic(new X509EncodedKeySpec(der));
      return null;
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return what + " is not a readable " + family + " public key (" + algorithm + " needs one)";
    }
  }

  private static @Nullable String jwksProblem(Path path) {
    if (!Files.isRegularFile(path)) {
      return "JWKS file '" + path + "' does not exist";
    }
    try {
      JsonNode jwks = JSON.readTree(Files.readString(path, StandardCharsets.UTF_8));
      return jwks.path("keys").isArray() ? null : "JWKS file '" + path + "' has no \"keys\" array";
    } catch (IOException | JacksonException e) {
      return "JWKS file '" + path + "' is not JSON: " + e.getMessage();
    }
  }

  private static boolean blank(@Nullable String value) {
    return value == null || value.isBlank();
  }
}
