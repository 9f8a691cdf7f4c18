package dev.agentry.engine.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A JWT configuration that would refuse every token is a located compile error, not a failure per request. */
class AuthChecksTest {
  private static SpecCompiler.Result os(Path dir, String authorization) {
    return SpecSets.compile(dir, "os.yaml", """
        apiVersion: agentry.dev/v1
        kind: AgentOS
        metadata: {name: os}
        spec:
        """ + authorization.indent(2));
  }

  private static String rendered(SpecCompiler.Result result) {
    return String.join("\n", result.diagnostics().stream().map(d -> d.line() + ":" + d.column() + " " + d.code()
        + ": " + d.message()).toList());
  }

  @Test
  void authorization_without_a_key_source_is_an_error_at_authorization(@TempDir Path dir) {
    SpecCompiler.Result result = os(dir, "authorization: true\n");
    assertThat(result.ok()).isFalse();
    assertThat(rendered(result)).isEqualTo("5:18 no-jwt-key: authorization is true but no key verifies the JWTs");
  }

  @Test
  void a_key_that_is_not_a_pem_public_key_is_an_error_at_the_key(@TempDir Path dir) {
    SpecCompiler.Result result = os(dir, """
        authorization: true
        authorization_config:
          algorithm: RS256
          verification_keys: ["not-a-key"]
        """);
    assertThat(rendered(result))
        .isEqualTo("8:25 bad-jwt-key: verification key 1 is not a PEM public key or certificate");
  }

  @Test
  void a_short_hs256_secret_is_an_error(@TempDir Path dir) {
    SpecCompiler.Result result = os(dir, """
        authorization: true
        authorization_config: {algorithm: HS256, verification_keys: [short]}
        """);
    assertThat(rendered(result)).endsWith("bad-jwt-key: verification key 1 is 5 bytes long, but an HS256 secret "
        + "must have at least 32 (RFC 7518 §3.2)");
  }

  @Test
  void a_missing_jwks_file_and_a_jwks_url_without_http_are_errors(@TempDir Path dir) {
    SpecCompiler.Result result = os(dir, """
        authorization: true
        authorization_config:
          jwks_file: keys/jwks.json
          jwks_url: ftp://idp.example.com/jwks
        """);
    assertThat(result.diagnostics()).extracting(d -> d.code()).containsExactlyInAnyOrder("bad-jwks-file", "bad-url");
  }

  @Test
  void good_settings_compile_and_unused_settings_are_not_checked(@TempDir Path dir) throws NoSuchAlgorithmException {
    String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(
        KeyPairGenerator.getInstance("RSA").generateKeyPair().getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----";
    SpecCompiler.Result good = os(dir, "authorization: true\nauthorization_config:\n  verification_keys:\n    - |\n"
        + pem.indent(6));
    assertThat(good.ok()).as(rendered(good)).isTrue();
    assertThat(os(dir, "authorization: false\nauthorization_config: {verification_keys: [nope]}\n").ok()).isTrue();
  }
}
