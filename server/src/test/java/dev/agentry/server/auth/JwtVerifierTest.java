package dev.agentry.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentry.server.Jwts;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The principal a verified token makes: scopes as a list or a space-separated text, the admin scope, the claims. */
class JwtVerifierTest {
  private static final JwtVerifier HS = JwtVerifier.create(JwtSettings.of("HS256", List.of(Jwts.SECRET)),
      Clock.systemUTC());

  @Test
  void scopes_come_as_a_list_or_as_a_space_separated_text() throws JwtRejected {
    Map<String, Object> claims = Jwts.claims("ada", "agents:read", "sessions:write");
    assertThat(HS.verify(Jwts.hs256(claims)).scopes()).containsExactlyInAnyOrder("agents:read", "sessions:write");
    claims.put("scopes", " agents:read   agents:echo:run ");
    assertThat(HS.verify(Jwts.hs256(claims)).scopes()).containsExactlyInAnyOrder("agents:read", "agents:echo:run");
    claims.put("scopes", 42);
    assertThat(HS.verify(Jwts.hs256(claims)).scopes()).isEmpty();
  }

  @Test
  void the_admin_scope_is_full_access_and_a_custom_one_replaces_it() throws JwtRejected {
    Principal admin = HS.verify(Jwts.hs256(Jwts.claims("ada", "agent_os:admin")));
    assertThat(admin.fullAccess()).isTrue();
    assertThat(admin.userId()).isEqualTo("ada");
    assertThat(HS.verify(Jwts.hs256(Jwts.claims("bob", "agents:read"))).fullAccess()).isFalse();

    JwtSettings base = JwtSettings.of("HS256", List.of(Jwts.SECRET));
    JwtVerifier custom = JwtVerifier.create(new JwtSettings(base.algorithm(), base.verificationKeys(), null, null,
        List.of(), 10, "sub", "session_id", "roles", List.of(), List.of(), "root"), Clock.systemUTC());
    Map<String, Object> claims = Jwts.claims("ada");
    claims.put("roles", List.of("root"));
    assertThat(custom.verify(Jwts.hs256(claims)).fullAccess()).isTrue();
    assertThat(custom.verify(Jwts.hs256(Jwts.claims("ada", "agent_os:admin"))).fullAccess()).isFalse();
  }

  @Test
  void a_verifier_without_keys_or_with_a_bad_key_cannot_be_built() {
    assertThatThrownBy(() -> JwtVerifier.create(JwtSettings.of("RS256", List.of()), Clock.systemUTC()))
        .hasMessageStartingWith("JWT verification needs a key");
    assertThatThrownBy(() -> JwtVerifier.create(JwtSettings.of("RS256", List.of("nope")), Clock.systemUTC()))
        .hasMessage("verification key 1 is not a PEM public key or certificate (-----BEGIN PUBLIC KEY----- or "
            + "-----BEGIN CERTIFICATE-----)");
    assertThatThrownBy(() -> JwtVerifier.create(JwtSettings.of("ES256", List.of(Jwts.rsaPem())), Clock.systemUTC()))
        .hasMessage("verification key 1 is an RSA key, which cannot verify ES256 signatures");
  }

  @Test
  void a_jwk_as_json_is_a_key_too() throws JwtRejected {
    JwtVerifier jwk = JwtVerifier.create(JwtSettings.of("RS256", List.of(Jwts.RSA.toPublicJWK().toJSONString())),
        Clock.systemUTC());
    assertThat(jwk.verify(Jwts.rs256(Jwts.claims("ada"))).userId()).isEqualTo("ada");
  }
}
